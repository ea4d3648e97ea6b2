/**
 * Candidate pairs without comparing every name with every other: units
 * meet when they share one of their rarest comparison tokens, a one-letter
 * deletion of their rarest word (typos), an acronym, or a reference alias.
 * Blocks that grow huge are ordinary words and are skipped.
 */
import { knownOrg } from '../../../../shared/names';
import type { Unit } from '../clusters/units';

/** Largest block compared in full, by kind of key: typo and acronym keys of common words are noise. */
const MAX_BLOCK: Record<string, number> = { t: 150, d: 40, a: 60, o: 400 };
const limit = (key: string) => MAX_BLOCK[key[0]!] ?? 150;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export function blockingKeys(unit: Unit, df: (key: string) => number): string[] {
  const a = unit.analyzed;
  const keys: string[] = [];
  const tokens = [...new Map(a.tokens.map((t) => [t.key, t])).values()].sort((x, y) => df(x.key) - df(y.key));
  for (const t of tokens.slice(0, 3)) keys.push(`t:${t.key}`);
  const rare = tokens.find((t) => !t.concept && !t.numeric && t.surface.length >= 5);
  if (rare) {
    keys.push(`d:${rare.surface}`);
    for (const d of deletions(rare.surface)) keys.push(`d:${d}`);
  }
  const joined =
    a.tokens.length <= 3 && a.tokens.every((t) => t.surface.length <= 5) ? a.tokens.map((t) => t.surface).join('') : '';
  if (joined.length >= 3 && joined.length <= 6) keys.push(`a:${joined}`);
  for (const acr of a.acronyms) keys.push(`a:${acr}`);
  const org = knownOrg(a);
  if (org >= 0) keys.push(`o:${org}`);
  return keys;
}

/** Heads kept per crowded block: its most-mentioned units, which a stray spelling is compared with. */
const HEADS = 10;

/** A block too big to compare in full: only its most-mentioned units are kept (see rescuePairs). */
class Crowded {
  constructor(readonly heads: number[]) {}

  add(unit: number, mentions: (u: number) => number): void {
    const { heads } = this;
    if (heads.length < HEADS) heads.push(unit);
    else if (mentions(unit) > mentions(heads[heads.length - 1]!)) heads[heads.length - 1] = unit;
    else return;
    heads.sort((a, b) => mentions(b) - mentions(a));
  }
}

export interface Candidates {
  /** Every candidate pair with i < j, each once, as one flat array [i0, j0, i1, j1, …]. */
  pairs: Int32Array;
  /** Blocks too big to compare in full, by key: their most-mentioned units. */
  crowded: Map<string, readonly number[]>;
}

/**
 * Candidate pairs from the blocks (millions of pairs: tuples and a Set of seen pairs would not fit the
 * memory budget), and the heads of the blocks too crowded to compare in full.
 */
export function candidatePairs(units: readonly Unit[], df: (key: string) => number): Candidates {
  // A key most units alone have (typo keys) holds its unit as a number: 700k one-element arrays at 1M records.
  const blocks = new Map<string, number | number[] | Crowded>();
  const mentions = (u: number) => units[u]!.mentions;
  units.forEach((u, i) => {
    if (u.inDeclaration) return; // decided by its declaration, never by its (cut) name
    for (const k of blockingKeys(u, df)) {
      const b = blocks.get(k);
      if (b === undefined) blocks.set(k, i);
      else if (typeof b === 'number') blocks.set(k, [b, i]);
      else if (b instanceof Crowded) b.add(i, mentions);
      else if (b.length < limit(k)) b.push(i);
      else {
        const crowded = new Crowded(b.sort((x, y) => mentions(y) - mentions(x)).slice(0, HEADS));
        crowded.add(i, mentions);
        blocks.set(k, crowded);
      }
    }
  });
  const n = units.length;
  let count = 0;
  const crowded = new Map<string, readonly number[]>();
  for (const [key, members] of blocks) {
    if (members instanceof Crowded) crowded.set(key, members.heads);
    else if (typeof members !== 'number') count += (members.length * (members.length - 1)) / 2;
  }
  // Pair ids i·n+j, sorted, duplicates skipped.
  const ids = new Float64Array(count);
  let k = 0;
  for (const members of blocks.values()) {
    if (typeof members === 'number' || members instanceof Crowded) continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        ids[k++] = a < b ? a * n + b : b * n + a;
      }
  }
  blocks.clear();
  ids.sort();
  let unique = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) unique++;
  const pairs = new Int32Array(unique * 2);
  let p = 0;
  for (let i = 0; i < ids.length; i++) {
    if (i > 0 && ids[i] === ids[i - 1]) continue;
    const id = ids[i]!;
    pairs[p++] = Math.floor(id / n);
    pairs[p++] = id % n;
  }
  return { pairs, crowded };
}

/** Crowded blocks a stray unit is compared through, at most (its rarest keys come first). */
const RESCUE_KEYS = 6;

/**
 * A second chance for the units still (nearly) alone after the blocks were compared: a typo of a company
 * with thousands of spellings (POLY TECHNOLGIES ICN.) shares only crowded blocks with them, and those
 * were skipped. Each such unit is paired with the heads of its crowded blocks.
 */
export function rescuePairs(
  units: readonly Unit[],
  stray: readonly number[],
  crowded: ReadonlyMap<string, readonly number[]>,
  df: (key: string) => number,
): Int32Array {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const u of stray) {
    seen.clear();
    let keys = 0;
    for (const k of blockingKeys(units[u]!, df)) {
      const heads = crowded.get(k);
      if (!heads) continue;
      for (const h of heads) {
        if (h === u || seen.has(h)) continue;
        seen.add(h);
        out.push(Math.min(u, h), Math.max(u, h));
      }
      if (++keys === RESCUE_KEYS) break;
    }
  }
  return Int32Array.from(out);
}
