/**
 * What one declaration's lines say about its parties (a declaration has one
 * sender and one receiver), and where that evidence must not be taken:
 * established names joined by one declaration only or whose names
 * contradict, and cut-short names that fit companies not alike.
 */
import type { TokenStats } from '../../../../shared/names';
import { REVIEW_FROM, scoreUnits } from '../pairs/pair-scoring';
import type { Unit } from './units';

/** A unit with this many mentions is an established name of its own. */
const ESTABLISHED = 3;

/**
 * Declaration edges (by index) that must not merge: those joining two established names
 *  - on the word of one declaration only: one line written ООО «Микропоставка» in a declaration of
 *    ООО «Микропоставка Плюс» (a slip, or a dropped word) would merge companies of 90 and 2,000 mentions;
 *    established spellings of one company meet in many declarations;
 *  - whose names contradict the way sister companies' do (Телекомимпорт / Telekomimport M: one is the other
 *    plus a word; Балттрейд / Дальтрейд: a near miss): a few slips in a company of 10,000 mentions meet its
 *    sister's name in as many declarations.
 */
export function weakDeclarationLinks(
  units: readonly Unit[],
  edges: readonly number[],
  declarationOf: readonly number[],
  stats: TokenStats,
): Set<number> {
  const n = units.length;
  const declarations = new Map<number, { count: number; last: number; contradict: boolean }>();
  const pairId = (k: number) =>
    Math.min(edges[2 * k]!, edges[2 * k + 1]!) * n + Math.max(edges[2 * k]!, edges[2 * k + 1]!);
  for (let k = 0; k < declarationOf.length; k++) {
    const a = edges[2 * k]!;
    const b = edges[2 * k + 1]!;
    if (
      units[a]!.mentions < ESTABLISHED ||
      units[b]!.mentions < ESTABLISHED ||
      units[a]!.inDeclaration ||
      units[b]!.inDeclaration
    )
      continue;
    const id = pairId(k);
    const d = declarations.get(id);
    if (d) {
      if (d.last !== declarationOf[k]) {
        d.count++;
        d.last = declarationOf[k]!;
      }
      continue;
    }
    const s = scoreUnits(units[a]!, units[b]!, stats, false);
    declarations.set(id, {
      count: 1,
      last: declarationOf[k]!,
      contradict: s.subset || (s.fuzzy && s.score >= REVIEW_FROM),
    });
  }
  const out = new Set<number>();
  for (let k = 0; k < declarationOf.length; k++) {
    const d = declarations.get(pairId(k));
    if (d && (d.count === 1 || d.contradict)) out.add(k);
  }
  return out;
}

/** Partners of one cut-short unit compared pairwise, at most (a cut name of one company has a few spellings around it). */
const MAX_CUT_PARTNERS = 12;

/**
 * Cut-short units whose declarations name companies that are not alike: АКЦИОНЕРНОЕ ОБЩЕСТВО «СПЕЦСИСТЕ is the
 * cut of Спецсистем-2000 and of Спецсистем-Центр alike, and one declaration edge to each would merge the two.
 * Such a unit links nothing through declarations; name scoring (and its own ambiguity check) decides it.
 */
export function ambiguousCuts(units: readonly Unit[], edges: readonly number[], stats: TokenStats): Set<number> {
  const partners = new Map<number, Set<number>>();
  for (let k = 0; k < edges.length; k += 2) {
    for (const [t, other] of [
      [edges[k]!, edges[k + 1]!],
      [edges[k + 1]!, edges[k]!],
    ] as const) {
      if (!units[t]!.analyzed.maybeTruncated || units[t]!.inDeclaration || units[other]!.analyzed.maybeTruncated)
        continue;
      const set = partners.get(t) ?? partners.set(t, new Set()).get(t)!;
      if (set.size < MAX_CUT_PARTNERS) set.add(other);
    }
  }
  const out = new Set<number>();
  for (const [t, set] of partners) {
    const list = [...set];
    let alike = true;
    for (let x = 0; x < list.length && alike; x++)
      for (let y = x + 1; y < list.length && alike; y++)
        if (scoreUnits(units[list[x]!]!, units[list[y]!]!, stats, false).score < REVIEW_FROM) alike = false;
    if (!alike) out.add(t);
  }
  return out;
}
