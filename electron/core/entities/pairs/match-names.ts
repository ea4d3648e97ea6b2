/**
 * `match-names`: scores arbitrary name pairs with the same scorer resolution
 * uses. Token rarity comes from the names of the pair set itself, as it
 * comes from a case's own names when resolving.
 */
import type { NamePairScore } from '../../../../shared/domain/entities';
import { analyzeName, scorePair, type AnalyzedName, type TokenStats } from '../../../../shared/names';

/** A pair at or above this score is reported as a match. */
export const MATCH_THRESHOLD = 0.82;

export interface NamePairInput {
  name1: string;
  name2: string;
  country1?: string | undefined;
  country2?: string | undefined;
  id1?: string | undefined;
  id2?: string | undefined;
}

const list = (v: string | undefined): string[] => (v && v.trim() ? [v.trim().toUpperCase()] : []);

export function matchNames(pairs: readonly NamePairInput[], threshold = MATCH_THRESHOLD): NamePairScore[] {
  const cache = new Map<string, AnalyzedName>();
  const analyze = (s: string) => {
    let a = cache.get(s);
    if (!a) cache.set(s, (a = analyzeName(s)));
    return a;
  };
  for (const p of pairs) for (const s of [p.name1, p.name2]) if (s.trim()) analyze(s);
  const df = new Map<string, number>();
  const seen = new Set<string>();
  for (const a of cache.values()) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    for (const k of new Set(a.tokens.map((t) => t.key))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const stats: TokenStats = { names: seen.size, df: (k) => df.get(k) ?? 0 };
  return pairs.map((p) => {
    if (!p.name1.trim() || !p.name2.trim()) return { score: 0, match: false, reasons: ['A name is empty.'] };
    const s = scorePair(analyze(p.name1), analyze(p.name2), stats, {
      countriesA: list(p.country1),
      countriesB: list(p.country2),
      identifiersA: list(p.id1),
      identifiersB: list(p.id2),
    });
    return { score: s.score, match: s.score >= threshold, reasons: s.reasons };
  });
}
