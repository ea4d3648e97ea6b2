/**
 * Step 5 of resolving (resolver.ts): scored name pairs merged best first,
 * unless a conflict forbids it or a held-back rule says the likeness is not
 * enough; what stays apart in the uncertain band goes to review.
 */
import type { TokenStats } from '../../../../shared/names';
import { Clusters, JUDGED_APART } from './clusters';
import { AUTO_MERGE, REVIEW_FROM, scoreUnits, type Scored } from '../pairs/pair-scoring';
import type { Unit } from './units';

/** A spelling written this often is in steady use: somebody's name, not a slip. */
const STEADY = 5;

/**
 * Merges scored pairs best first, each unless a conflict forbids it; what stays apart in the uncertain band
 * (or was held back) goes to `review`. Returns how many merged.
 */
export function mergeBest(
  units: readonly Unit[],
  clusters: Clusters,
  scored: Scored[],
  review: Scored[],
  stats: TokenStats,
): number {
  demoteAmbiguousTruncations(units, scored, stats);
  scored.sort((x, y) => y.score - x.score);
  // A one-off spelling (a typo) may join a company, but never bridge two established ones.
  // (A cut-short name is as weak a link as a typo, however often it was written.)
  const small = (u: number) =>
    units[u]!.mentions === 1 || (units[u]!.analyzed.maybeTruncated && units[u]!.mentions <= 5);
  let merged = 0;
  for (const c of scored) {
    // A typo-like likeness is never enough to join two established names, whatever the spellings' counts.
    const bridge =
      (c.fuzzy || (c.score < 0.95 && (small(c.a) || small(c.b)))) &&
      Math.min(clusters.size(c.a), clusters.size(c.b)) >= 3;
    // Two spellings each written again and again are each somebody's name: a loose likeness between them
    // (Spree Handels / Spreehandels, Спецлогистик / Спецлогистик Групп) is two companies more often than a slip.
    const steady = (c.fuzzy || c.extraVocabulary) && units[c.a]!.mentions >= STEADY && units[c.b]!.mentions >= STEADY;
    if (c.score >= AUTO_MERGE && bridge) c.heldBack = 'A single odd spelling would join two established names.';
    else if (c.score >= AUTO_MERGE && steady)
      c.heldBack = `Both spellings are in steady use (${units[c.a]!.mentions} and ${units[c.b]!.mentions} mentions) and differ: perhaps two companies.`;
    if (c.score >= AUTO_MERGE && !bridge && !steady && clusters.union(c.a, c.b)) {
      merged++;
      continue;
    }
    if (clusters.find(c.a) === clusters.find(c.b)) continue;
    const conflict = clusters.conflict(c.a, c.b);
    if (conflict === JUDGED_APART) continue; // decided already: never asked again
    review.push(c.heldBack || conflict ? { ...c, heldBack: [c.heldBack, conflict].filter(Boolean).join(' ') } : c);
  }
  return merged;
}

/**
 * A name cut at 35 characters may fit two companies (АО «УЛАН-УДЭНСКИЙ … fits
 * the aviation plant and the locomotive repair plant). When a truncated
 * unit's strong partners are not alike themselves, it is not merged
 * automatically: the pair goes to review instead.
 */
function demoteAmbiguousTruncations(units: readonly Unit[], scored: Scored[], stats: TokenStats): void {
  const strong = new Map<number, Scored[]>();
  for (const c of scored) {
    if (c.score < AUTO_MERGE) continue;
    for (const [t, other] of [
      [c.a, c.b],
      [c.b, c.a],
    ] as const) {
      if (!units[t]!.analyzed.maybeTruncated || units[other]!.analyzed.maybeTruncated) continue;
      const list = strong.get(t) ?? [];
      list.push(c);
      strong.set(t, list);
    }
  }
  for (const [t, list] of strong) {
    if (list.length < 2) continue;
    const partners = list.map((c) => (c.a === t ? c.b : c.a));
    let ambiguous = false;
    for (let x = 0; x < partners.length && !ambiguous; x++)
      for (let y = x + 1; y < partners.length && !ambiguous; y++)
        if (scoreUnits(units[partners[x]!]!, units[partners[y]!]!, stats, false).score < REVIEW_FROM) ambiguous = true;
    if (!ambiguous) continue;
    // The record itself may settle it: the producer of a line shipped by one of the candidates.
    const onRecord = list.filter((c) => c.coRecord);
    for (const c of list) {
      if (onRecord.length === 1 && c === onRecord[0]) continue;
      c.score = Math.min(c.score, AUTO_MERGE - 0.01);
      c.heldBack = 'The name looks cut short and fits more than one company.';
    }
  }
}
