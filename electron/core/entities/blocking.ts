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

/** Every candidate pair [i, j] with i < j, each once. */
export function candidatePairs(units: readonly Unit[], df: (key: string) => number): Array<[number, number]> {
  const blocks = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const k of blockingKeys(u, df)) {
      const b = blocks.get(k);
      if (!b) blocks.set(k, [i]);
      else if (b.length <= limit(k)) b.push(i);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = units.length;
  for (const [key, members] of blocks) {
    if (members.length < 2 || members.length > limit(key)) continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const i = Math.min(members[x]!, members[y]!);
        const j = Math.max(members[x]!, members[y]!);
        const id = i * n + j;
        if (seen.has(id)) continue;
        seen.add(id);
        pairs.push([i, j]);
      }
  }
  return pairs;
}
