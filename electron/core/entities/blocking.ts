/**
 * Candidate pairs without comparing every name with every other: units
 * meet when they share one of their rarest comparison tokens, a one-letter
 * deletion of their rarest word (typos), an acronym, or a reference alias.
 * Blocks that grow huge are ordinary words and are skipped.
 */
import { knownOrg } from '../../../shared/names';
import type { Unit } from './units';

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
  const joined = a.tokens.length <= 3 && a.tokens.every((t) => t.surface.length <= 5) ? a.tokens.map((t) => t.surface).join('') : '';
  if (joined.length >= 3 && joined.length <= 6) keys.push(`a:${joined}`);
  for (const acr of a.acronyms) keys.push(`a:${acr}`);
  const org = knownOrg(a);
  if (org >= 0) keys.push(`o:${org}`);
  return keys;
}

/**
 * Every candidate pair with i < j, each once, as one flat array [i0, j0, i1, j1, …]
 * (millions of pairs: tuples and a Set of seen pairs would not fit the memory budget).
 */
export function candidatePairs(units: readonly Unit[], df: (key: string) => number): Int32Array {
  // A key most units alone have (typo keys) holds its unit as a number: 700k one-element arrays at 1M records.
  const blocks = new Map<string, number | number[]>();
  units.forEach((u, i) => {
    for (const k of blockingKeys(u, df)) {
      const b = blocks.get(k);
      if (b === undefined) blocks.set(k, i);
      else if (typeof b === 'number') blocks.set(k, [b, i]);
      else if (b.length <= limit(k)) b.push(i);
    }
  });
  const n = units.length;
  let count = 0;
  for (const [key, members] of blocks) if (typeof members !== 'number' && members.length <= limit(key)) count += (members.length * (members.length - 1)) / 2;
  // Pair ids i·n+j, sorted, duplicates skipped.
  const ids = new Float64Array(count);
  let k = 0;
  for (const [key, members] of blocks) {
    if (typeof members === 'number' || members.length > limit(key)) continue;
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
  return pairs;
}
