/**
 * The pair scorer: how likely two party names (with what travels with them:
 * identifiers, countries) name the same company, 0..1, with the reasons.
 *
 * Tokens are aligned one to one (equal key, or a typo / truncation of one
 * another) and weighted by rarity: a word most names in the case share
 * ("aviation" among aviation firms) counts little. A distinctive word on
 * each side that the other lacks (локомотиворемонтный vs авиационный) or a
 * number that differs (-2) is strong evidence against; equal identifiers
 * decide for, different ones against.
 */
import type { AnalyzedName } from './analyze';
import type { NameToken } from './concepts';
import { knownOrgRelation } from './known-orgs';
import { wordSimilarity } from './similarity';

/** Token rarity from the names of the case (or of a pair file). */
export interface TokenStats {
  /** Distinct names seen. */
  names: number;
  /** In how many distinct names a key appears. */
  df(key: string): number;
}

export interface PairContext {
  identifiersA?: readonly string[];
  identifiersB?: readonly string[];
  countriesA?: readonly string[];
  countriesB?: readonly string[];
}

export interface PairScore {
  score: number;
  /** Token pairs that agreed, as written (folded). */
  matched: string[];
  /** Tokens only one side has. */
  onlyA: string[];
  onlyB: string[];
  /** One sentence per piece of evidence, for the person reviewing. */
  reasons: string[];
}

export const WEAK_WEIGHT = 0.3;
/** The most a name gets when it has a distinctive word the other lacks: below automatic merging. */
export const SUBSET_CAP = 0.85;

export function tokenWeight(t: NameToken, stats?: TokenStats): number {
  let w = 1;
  if (stats && stats.names >= 20) {
    const df = Math.max(1, stats.df(t.key));
    w = Math.max(0.1, Math.min(1, Math.log(stats.names / df) / Math.log(50)));
  }
  return t.weak ? Math.min(w, WEAK_WEIGHT) : w;
}

/** A name's distinct tokens and their weights, computed once per name and token statistics. */
interface Prepared {
  tokens: NameToken[];
  weights: number[];
}
const noStats: TokenStats = { names: 0, df: () => 0 };
const preparedCache = new WeakMap<TokenStats, WeakMap<AnalyzedName, Prepared>>();
function prepared(n: AnalyzedName, stats: TokenStats | undefined): Prepared {
  const s = stats ?? noStats;
  let byName = preparedCache.get(s);
  if (!byName) preparedCache.set(s, (byName = new WeakMap()));
  let p = byName.get(n);
  if (!p) {
    const tokens = uniqueTokens(n.tokens);
    byName.set(n, (p = { tokens, weights: tokens.map((t) => tokenWeight(t, stats)) }));
  }
  return p;
}

function uniqueTokens(tokens: NameToken[]): NameToken[] {
  const seen = new Set<string>();
  return tokens.filter((t) => !seen.has(t.key) && seen.add(t.key));
}

function tokenSimilarity(a: NameToken, b: NameToken, stats?: TokenStats): number {
  if (a.key === b.key) return 1;
  if (a.numeric || b.numeric) return 0;
  if (a.concept && b.concept) return 0; // two different ordinary words: locomotive ≠ aviation
  const sameAsSurface = a.key === a.surface && b.key === b.surface;
  const s = Math.max(wordSimilarity(a.surface, b.surface), a.concept || b.concept || sameAsSurface ? 0 : wordSimilarity(a.key, b.key));
  // Two spellings both in common use are two words (Avialogistik, Azialogistik), not a typo of one another.
  if (s > 0 && stats && stats.names >= 20 && Math.min(stats.df(a.key), stats.df(b.key)) >= 3) return s * 0.5;
  return s;
}

/** Several short words or one short word read as letters: UUAZ, U-UAZ, ODK-PM. */
function asAcronym(n: AnalyzedName): string | null {
  if (n.tokens.length === 0 || n.tokens.length > 3 || n.tokens.some((t) => t.numeric || t.surface.length > 5)) return null;
  const joined = n.tokens.map((t) => t.surface).join('');
  return joined.length >= 3 && joined.length <= 6 ? joined : null;
}

/**
 * explain = false leaves `reasons` and `matched` empty (the score and onlyA/onlyB are the same): for
 * comparing millions of pairs, of which a person sees a few.
 */
export function scorePair(a: AnalyzedName, b: AnalyzedName, stats?: TokenStats, ctx: PairContext = {}, explain = true): PairScore {
  const result: PairScore = { score: 0, matched: [], onlyA: [], onlyB: [], reasons: [] };
  const idsA = ctx.identifiersA ?? [];
  const idsB = ctx.identifiersB ?? [];
  if (idsA.length && idsB.length) {
    if (idsA.some((id) => idsB.includes(id))) {
      result.score = 1;
      result.reasons.push(`Same identifier ${idsA.find((id) => idsB.includes(id))}.`);
      return result;
    }
    result.reasons.push(`Different identifiers (${idsA.join(', ')} vs ${idsB.join(', ')}).`);
    return result;
  }
  const pa = prepared(a, stats);
  const pb = prepared(b, stats);
  const ta = pa.tokens;
  const tb = pb.tokens;
  if (ta.length === 0 || tb.length === 0) {
    if (explain) result.reasons.push('One of the names has nothing left to compare once its legal form is set aside.');
    return result;
  }

  // Align tokens one to one, best pairs first.
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < ta.length; i++)
    for (let j = 0; j < tb.length; j++) {
      const s = tokenSimilarity(ta[i]!, tb[j]!, stats);
      if (s > 0) pairs.push({ i, j, s });
    }
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Array<boolean>(ta.length).fill(false);
  const usedB = new Array<boolean>(tb.length).fill(false);
  const wa = pa.weights.slice();
  const wb = pb.weights.slice();
  let matched = 0;
  let lastB = -1;
  let lastA = -1;
  for (const p of pairs) {
    if (usedA[p.i] || usedB[p.j]) continue;
    usedA[p.i] = usedB[p.j] = true;
    matched += p.s * (wa[p.i]! + wb[p.j]!);
    lastA = Math.max(lastA, p.i);
    lastB = Math.max(lastB, p.j);
    if (explain) result.matched.push(ta[p.i]!.surface === tb[p.j]!.surface ? ta[p.i]!.surface : `${ta[p.i]!.surface}~${tb[p.j]!.surface}`);
  }
  // A name cut by a customs system lacks its tail: what the other has after the cut counts little.
  if (a.maybeTruncated && lastB >= 0) for (let j = lastB + 1; j < tb.length; j++) if (!usedB[j]) wb[j]! *= 0.2;
  if (b.maybeTruncated && lastA >= 0) for (let i = lastA + 1; i < ta.length; i++) if (!usedA[i]) wa[i]! *= 0.2;
  if (a.maybeTruncated && !usedA[ta.length - 1]) wa[ta.length - 1]! *= 0.2;
  if (b.maybeTruncated && !usedB[tb.length - 1]) wb[tb.length - 1]! *= 0.2;
  const total = wa.reduce((s, w) => s + w, 0) + wb.reduce((s, w) => s + w, 0);
  let score = total > 0 ? matched / total : 0;

  // A word each side has and the other lacks says they name different things, however common the words
  // (Delta Components vs Delta Trading) — unless it is the cut-off tail of a truncated name.
  const unmatchedA = ta.filter((t, i) => !usedA[i] && !t.weak);
  const unmatchedB = tb.filter((t, j) => !usedB[j] && !t.weak);
  const cutTail = (n: AnalyzedName, t: NameToken, other: NameToken[]) =>
    n.maybeTruncated && t === n.tokens[n.tokens.length - 1] && other.some((o) => o.surface.startsWith(t.surface));
  const distinctA = unmatchedA.filter((t) => !cutTail(a, t, unmatchedB));
  const distinctB = unmatchedB.filter((t) => !cutTail(b, t, unmatchedA));
  result.onlyA = ta.filter((_, i) => !usedA[i]).map((t) => t.surface);
  result.onlyB = tb.filter((_, j) => !usedB[j]).map((t) => t.surface);
  if (explain && result.matched.length) result.reasons.push(`Agree on ${result.matched.join(', ')}.`);
  if (distinctA.length && distinctB.length) {
    score *= 0.45;
    if (explain) result.reasons.push(`Disagree: ${distinctA.map((t) => t.surface).join(' ')} vs ${distinctB.map((t) => t.surface).join(' ')}.`);
  } else if (result.onlyA.length || result.onlyB.length) {
    if (explain) result.reasons.push(`Only one name has ${[...result.onlyA, ...result.onlyB].join(', ')}.`);
    // A name that is another plus a word of its own (Евроимпорт / Евроимпорт Групп, Poly Technology /
    // Poly Technology Development) is how sister companies and decoys look: never certain on names alone.
    if (distinctA.length || distinctB.length) score = Math.min(score, SUBSET_CAP);
  }
  if ([...distinctA, ...distinctB].some((t) => t.numeric)) {
    score *= 0.5;
    if (explain) result.reasons.push('A number in the names differs.');
  }

  const acrA = asAcronym(a);
  const acrB = asAcronym(b);
  const acronymHit = (acrA && acrA !== acrB && b.acronyms.includes(acrA)) || (acrB && acrA !== acrB && a.acronyms.includes(acrB));
  if (acronymHit) {
    const len = (acrA && b.acronyms.includes(acrA) ? acrA : acrB)!.length;
    score = Math.max(score, len >= 4 ? 0.9 : 0.78);
    if (explain) result.reasons.push(`One name is the initials of the other (${acrA && b.acronyms.includes(acrA) ? acrA : acrB}).`);
  }

  if (score < 0.95 && a.compacts.some((c) => c.length >= 10 && b.compacts.includes(c))) {
    score = 0.95;
    if (explain) result.reasons.push('The same letters, spaced differently.');
  }

  const known = knownOrgRelation(a, b);
  if (known === 'same') {
    score = Math.max(score, 0.95);
    if (explain) result.reasons.push('Both are known names of the same organisation.');
  } else if (known === 'different') {
    score = Math.min(score, 0.3);
    if (explain) result.reasons.push('They are known names of two different organisations.');
  }

  if (a.family && b.family && a.family !== b.family) {
    score *= 0.6;
    if (explain) result.reasons.push(`Legal forms differ (${a.family} vs ${b.family}).`);
  }
  const ca = ctx.countriesA ?? [];
  const cb = ctx.countriesB ?? [];
  if (ca.length && cb.length && !ca.some((c) => cb.includes(c))) {
    score *= 0.6;
    if (explain) result.reasons.push(`Countries differ (${ca.join(', ')} vs ${cb.join(', ')}).`);
  }
  result.score = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;
  return result;
}
