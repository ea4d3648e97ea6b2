/**
 * Scoring name units against each other while resolving: the thresholds, the
 * token statistics of a case, a unit's context (identifier, countries) and
 * the scored pair the resolving steps pass around.
 */
import { scorePair, type PairContext, type PairScore, type TokenStats } from '../../../../shared/names';
import type { Unit } from '../clusters/units';

export const AUTO_MERGE = 0.86;
export const REVIEW_FROM = 0.6;

/** A scored pair while resolving; its reasons are worked out again only if it ends up in the review queue. */
export interface Scored {
  a: number;
  b: number;
  score: number;
  /** Producer and shipper of one record. */
  coRecord?: boolean;
  /** A word matched only as a typo or abbreviation, or the words were spaced differently (PairScore.fuzzy). */
  fuzzy?: boolean;
  /** A word of ordinary vocabulary only one name has (PairScore.extraVocabulary). */
  extraVocabulary?: boolean;
  /** Why it was held back from an automatic merge. */
  heldBack?: string;
}

export function unitStats(units: readonly Unit[]): TokenStats {
  const df = new Map<string, number>();
  const seen = new Set<string>();
  for (const u of units) {
    const k = u.analyzed.key;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const t of new Set(u.analyzed.tokens.map((t) => t.key))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { names: seen.size, df: (k) => df.get(k) ?? 0 };
}

const NONE: readonly string[] = [];

export interface UnitContext {
  identifiers: readonly string[];
  countries: readonly string[];
}
export const unitContext = (u: Unit): UnitContext => ({
  identifiers: u.identifier ? [u.identifier] : NONE,
  countries: u.countries,
});
// One context object reused for every pair compared (the scorer reads it and keeps nothing).
const shared: PairContext = {};
export function pairContext(a: UnitContext, b: UnitContext): PairContext {
  shared.identifiersA = a.identifiers;
  shared.identifiersB = b.identifiers;
  shared.countriesA = a.countries;
  shared.countriesB = b.countries;
  return shared;
}

/** explain = false: the score only (no reasons), for the pairs compared while resolving. */
export function scoreUnits(a: Unit, b: Unit, stats: TokenStats, explain = true): PairScore {
  return scorePair(a.analyzed, b.analyzed, stats, { ...pairContext(unitContext(a), unitContext(b)) }, explain);
}
