/**
 * A name made ready for scoring under one set of token statistics: its
 * distinct tokens weighted by rarity (a word most names in the case share
 * counts little), its acronym and known organisation. Worked out once per
 * name and cached: a case compares each name with hundreds of others.
 */
import type { AnalyzedName } from './analyze';
import type { NameToken } from './concepts';
import { knownOrg } from './known-orgs';

/** Token rarity from the names of the case (or of a pair file). */
export interface TokenStats {
  /** Distinct names seen. */
  names: number;
  /** In how many distinct names a key appears. */
  df(key: string): number;
}

export const WEAK_WEIGHT = 0.3;

export function tokenWeight(t: NameToken, stats?: TokenStats): number {
  let w = 1;
  if (stats && stats.names >= 20) {
    const df = Math.max(1, stats.df(t.key));
    w = Math.max(0.1, Math.min(1, Math.log(stats.names / df) / Math.log(50)));
  }
  return t.weak ? Math.min(w, WEAK_WEIGHT) : w;
}

/**
 * What the scorer needs of one name under one set of token statistics, worked out once per name
 * (a case compares each name with hundreds of others): distinct tokens, their weights and rarity,
 * and the per-name facts the pair checks read.
 */
export interface PreparedName {
  name: AnalyzedName;
  tokens: NameToken[];
  // Plain arrays: a few numbers each, and 80k typed arrays would cost more than their contents.
  weights: number[];
  /** Names of the case that have each token (0 without statistics). */
  df: number[];
  weak: boolean[];
  /** Index among `tokens` of the name's last written token, or -1 when that one was a repeat. */
  lastWritten: number;
  acronym: string | null;
  org: number;
}
const noStats: TokenStats = { names: 0, df: () => 0 };
const preparedCache = new WeakMap<TokenStats, WeakMap<AnalyzedName, PreparedName>>();
let lastStats: TokenStats | null = null;
let lastByName: WeakMap<AnalyzedName, PreparedName> | null = null;

/** The prepared form of a name, cached per name and statistics. */
export function prepareName(n: AnalyzedName, stats: TokenStats | undefined): PreparedName {
  const s = stats ?? noStats;
  if (s !== lastStats) {
    lastByName = preparedCache.get(s) ?? null;
    if (!lastByName) preparedCache.set(s, (lastByName = new WeakMap()));
    lastStats = s;
  }
  let p = lastByName!.get(n);
  if (!p) lastByName!.set(n, (p = computePrepared(n, stats)));
  return p;
}

function computePrepared(n: AnalyzedName, stats: TokenStats | undefined): PreparedName {
  const tokens = uniqueTokens(n.tokens);
  const useDf = !!stats && stats.names >= 20;
  return {
    name: n,
    tokens,
    weights: tokens.map((t) => tokenWeight(t, stats)),
    df: tokens.map((t) => (useDf ? stats.df(t.key) : 0)),
    weak: tokens.map((t) => !!t.weak),
    lastWritten: tokens.indexOf(n.tokens[n.tokens.length - 1]!),
    acronym: asAcronym(n),
    org: knownOrg(n),
  };
}

function uniqueTokens(tokens: NameToken[]): NameToken[] {
  const seen = new Set<string>();
  return tokens.filter((t) => !seen.has(t.key) && seen.add(t.key));
}

/** Several short words or one short word read as letters: UUAZ, U-UAZ, ODK-PM. */
function asAcronym(n: AnalyzedName): string | null {
  if (n.tokens.length === 0 || n.tokens.length > 3 || n.tokens.some((t) => t.numeric || t.surface.length > 5))
    return null;
  const joined = n.tokens.map((t) => t.surface).join('');
  return joined.length >= 3 && joined.length <= 6 ? joined : null;
}
