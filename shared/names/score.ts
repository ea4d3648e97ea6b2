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
import { pairResult, type PairContext, type PairScore } from './pair-score';
import { prepareName, type PreparedName, type TokenStats } from './prepared-name';
import { wordSimilarity } from './similarity';

/** The most a name gets when it has a distinctive word the other lacks: below automatic merging. */
export const SUBSET_CAP = 0.85;

/** useDf: the statistics are big enough to tell common spellings (df of each token given). */
function tokenSimilarity(a: NameToken, b: NameToken, useDf: boolean, dfA: number, dfB: number): number {
  if (a.key === b.key) return 1;
  if (a.numeric || b.numeric) return 0;
  if (a.concept && b.concept) return 0; // two different ordinary words: locomotive ≠ aviation
  const sameAsSurface = a.key === a.surface && b.key === b.surface;
  const s = Math.max(
    wordSimilarity(a.surface, b.surface),
    a.concept || b.concept || sameAsSurface ? 0 : wordSimilarity(a.key, b.key),
  );
  // Two spellings both in common use are two words (Avialogistik, Azialogistik), not a typo of one another.
  if (s > 0 && useDf && Math.min(dfA, dfB) >= 3) return s * 0.5;
  return s;
}

// Scratch space of the token alignment, reused by every pair (millions of pairs, a few tokens each).
let sims = new Float64Array(256);
let usedA = new Uint8Array(16);
let usedB = new Uint8Array(16);
let wa = new Float64Array(16);
let wb = new Float64Array(16);

function ensureScratch(na: number, nb: number): void {
  if (na * nb > sims.length) sims = new Float64Array(na * nb * 2);
  const n = Math.max(na, nb);
  if (n > usedA.length) {
    usedA = new Uint8Array(n * 2);
    usedB = new Uint8Array(n * 2);
    wa = new Float64Array(n * 2);
    wb = new Float64Array(n * 2);
  }
}

/** A name cut by a customs system whose last token, unmatched, begins a word the other has unmatched: the cut-off tail. */
function isCutTail(p: PreparedName, i: number, other: PreparedName, otherUsed: Uint8Array): boolean {
  if (!p.name.maybeTruncated || i !== p.lastWritten) return false;
  const surface = p.tokens[i]!.surface;
  for (let j = 0; j < other.tokens.length; j++)
    if (!otherUsed[j] && !other.weak[j] && other.tokens[j]!.surface.startsWith(surface)) return true;
  return false;
}

/**
 * explain = false leaves `reasons`, `matched`, `onlyA` and `onlyB` empty (the score and the unmatched counts
 * are the same): for comparing millions of pairs, of which a person sees a few. Its result is one object
 * reused by the next such call: read it at once.
 */
export function scorePair(
  a: AnalyzedName,
  b: AnalyzedName,
  stats?: TokenStats,
  ctx: PairContext = {},
  explain = true,
): PairScore {
  return scorePrepared(prepareName(a, stats), prepareName(b, stats), stats, ctx, explain);
}

export function scorePrepared(
  pa: PreparedName,
  pb: PreparedName,
  stats?: TokenStats,
  ctx: PairContext = {},
  explain = true,
): PairScore {
  const a = pa.name;
  const b = pb.name;
  const result = pairResult(explain);
  const idsA = ctx.identifiersA ?? [];
  const idsB = ctx.identifiersB ?? [];
  if (idsA.length && idsB.length) {
    if (idsA.some((id) => idsB.includes(id))) {
      result.score = 1;
      if (explain) result.reasons.push(`Same identifier ${idsA.find((id) => idsB.includes(id))}.`);
      return result;
    }
    if (explain) result.reasons.push(`Different identifiers (${idsA.join(', ')} vs ${idsB.join(', ')}).`);
    return result;
  }
  const ta = pa.tokens;
  const tb = pb.tokens;
  const na = ta.length;
  const nb = tb.length;
  if (na === 0 || nb === 0) {
    if (explain) result.reasons.push('One of the names has nothing left to compare once its legal form is set aside.');
    return result;
  }

  // Align tokens one to one, best pairs first (ties: the earlier pair, i then j).
  ensureScratch(na, nb);
  const useDf = !!stats && stats.names >= 20;
  let candidates = 0;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const s = tokenSimilarity(ta[i]!, tb[j]!, useDf, pa.df[i]!, pb.df[j]!);
      sims[i * nb + j] = s;
      if (s > 0) candidates++;
    }
    usedA[i] = 0;
    wa[i] = pa.weights[i]!;
  }
  for (let j = 0; j < nb; j++) {
    usedB[j] = 0;
    wb[j] = pb.weights[j]!;
  }
  let matched = 0;
  let matchedCount = 0;
  let lastB = -1;
  let lastA = -1;
  while (candidates > 0) {
    let best = -1;
    let bestS = 0;
    for (let k = 0; k < na * nb; k++) if (sims[k]! > bestS) bestS = sims[(best = k)]!;
    if (best < 0) break;
    const i = Math.floor(best / nb);
    const j = best - i * nb;
    usedA[i] = usedB[j] = 1;
    // Whatever else row i or column j could pair with is taken out of the running.
    for (let x = 0; x < nb; x++)
      if (sims[i * nb + x]! > 0) {
        sims[i * nb + x] = 0;
        candidates--;
      }
    for (let y = 0; y < na; y++)
      if (sims[y * nb + j]! > 0) {
        sims[y * nb + j] = 0;
        candidates--;
      }
    matched += bestS * (wa[i]! + wb[j]!);
    matchedCount++;
    // A cut name's last word matching the start of the other's is the cut, not a loose match.
    if (bestS < 1 && !(a.maybeTruncated && i === pa.lastWritten) && !(b.maybeTruncated && j === pb.lastWritten))
      result.fuzzy = true;
    if (i > lastA) lastA = i;
    if (j > lastB) lastB = j;
    if (explain)
      result.matched.push(ta[i]!.surface === tb[j]!.surface ? ta[i]!.surface : `${ta[i]!.surface}~${tb[j]!.surface}`);
  }
  // A name cut by a customs system lacks its tail: what the other has after the cut counts little.
  if (a.maybeTruncated && lastB >= 0) for (let j = lastB + 1; j < nb; j++) if (!usedB[j]) wb[j]! *= 0.2;
  if (b.maybeTruncated && lastA >= 0) for (let i = lastA + 1; i < na; i++) if (!usedA[i]) wa[i]! *= 0.2;
  if (a.maybeTruncated && !usedA[na - 1]) wa[na - 1]! *= 0.2;
  if (b.maybeTruncated && !usedB[nb - 1]) wb[nb - 1]! *= 0.2;
  let sumA = 0;
  for (let i = 0; i < na; i++) sumA += wa[i]!;
  let sumB = 0;
  for (let j = 0; j < nb; j++) sumB += wb[j]!;
  const total = sumA + sumB;
  let score = total > 0 ? matched / total : 0;

  // A word each side has and the other lacks says they name different things, however common the words
  // (Delta Components vs Delta Trading) — unless it is the cut-off tail of a truncated name.
  let distinctA = 0;
  let distinctB = 0;
  let distinctNumber = false;
  // Distinctive words that are proper names or numbers, not vocabulary: what tells sister companies apart.
  let properA = 0;
  let properB = 0;
  for (let i = 0; i < na; i++)
    if (!usedA[i] && !pa.weak[i] && !isCutTail(pa, i, pb, usedB)) {
      distinctA++;
      if (ta[i]!.numeric) distinctNumber = true;
      if (!ta[i]!.concept && !(a.maybeTruncated && i === pa.lastWritten)) properA++;
    } else if (!usedA[i] && ta[i]!.concept && !(a.maybeTruncated && i === pa.lastWritten))
      result.extraVocabulary = true;
  for (let j = 0; j < nb; j++)
    if (!usedB[j] && !pb.weak[j] && !isCutTail(pb, j, pa, usedA)) {
      distinctB++;
      if (tb[j]!.numeric) distinctNumber = true;
      if (!tb[j]!.concept && !(b.maybeTruncated && j === pb.lastWritten)) properB++;
    } else if (!usedB[j] && tb[j]!.concept && !(b.maybeTruncated && j === pb.lastWritten))
      result.extraVocabulary = true;
  result.subset = properA > 0 ? distinctB === 0 : properB > 0 && distinctA === 0;
  result.unmatchedA = na - matchedCount;
  result.unmatchedB = nb - matchedCount;
  result.unmatchedHeadA = result.unmatchedA - (pa.lastWritten >= 0 && !usedA[pa.lastWritten] ? 1 : 0);
  result.unmatchedHeadB = result.unmatchedB - (pb.lastWritten >= 0 && !usedB[pb.lastWritten] ? 1 : 0);
  if (explain) {
    result.onlyA = ta.filter((_, i) => !usedA[i]).map((t) => t.surface);
    result.onlyB = tb.filter((_, j) => !usedB[j]).map((t) => t.surface);
    if (result.matched.length) result.reasons.push(`Agree on ${result.matched.join(', ')}.`);
  }
  if (distinctA && distinctB) {
    score *= 0.45;
    if (explain) {
      const words = (p: PreparedName, used: Uint8Array, other: PreparedName, otherUsed: Uint8Array) =>
        p.tokens.filter((t, i) => !used[i] && !p.weak[i] && !isCutTail(p, i, other, otherUsed)).map((t) => t.surface);
      result.reasons.push(
        `Disagree: ${words(pa, usedA, pb, usedB).join(' ')} vs ${words(pb, usedB, pa, usedA).join(' ')}.`,
      );
    }
  } else if (result.unmatchedA || result.unmatchedB) {
    if (explain) result.reasons.push(`Only one name has ${[...result.onlyA, ...result.onlyB].join(', ')}.`);
    // A name that is another plus a word of its own (Евроимпорт / Евроимпорт Групп, Poly Technology /
    // Poly Technology Development) is how sister companies and decoys look: never certain on names alone.
    if (distinctA || distinctB) score = Math.min(score, SUBSET_CAP);
  }
  if (distinctNumber) {
    score *= 0.5;
    if (explain) result.reasons.push('A number in the names differs.');
  }

  const acrA = pa.acronym;
  const acrB = pb.acronym;
  const hitA = acrA !== null && acrA !== acrB && b.acronyms.includes(acrA);
  const hitB = acrB !== null && acrA !== acrB && a.acronyms.includes(acrB);
  if (hitA || hitB) {
    const acr = (hitA ? acrA : acrB)!;
    score = Math.max(score, acr.length >= 4 ? 0.9 : 0.78);
    if (explain) result.reasons.push(`One name is the initials of the other (${acr}).`);
  }

  if (score < 0.95 && sharesCompact(a.compacts, b.compacts)) {
    score = 0.95;
    result.fuzzy = true;
    if (explain) result.reasons.push('The same letters, spaced differently.');
  }

  if (pa.org >= 0 && pb.org >= 0) {
    if (pa.org === pb.org) {
      score = Math.max(score, 0.95);
      if (explain) result.reasons.push('Both are known names of the same organisation.');
    } else {
      score = Math.min(score, 0.3);
      if (explain) result.reasons.push('They are known names of two different organisations.');
    }
  }

  const familyA = a.family || ctx.familyA || '';
  const familyB = b.family || ctx.familyB || '';
  if (familyA && familyB && familyA !== familyB) {
    score *= 0.6;
    if (explain) result.reasons.push(`Legal forms differ (${familyA} vs ${familyB}).`);
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

function sharesCompact(a: readonly string[], b: readonly string[]): boolean {
  for (const c of a) if (c.length >= 10 && b.includes(c)) return true;
  return false;
}
