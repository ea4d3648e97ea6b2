/**
 * The last step of resolving (resolver.ts): the pairs a person will see in
 * the review queue. One pair per two clusters (the entities they become),
 * the best scored, and the two sides of each "unsure" judgement.
 *
 * Each is scored again as the pair of entities it stands for: the two
 * spellings that came closest, with what each whole cluster carries (its
 * countries, identifiers and legal family). While resolving, a pair is
 * scored as two units, and a unit knows only its own country: the queue
 * showed 1.00 next to "Their countries differ" when one spelling carried
 * no country and the rest of its company did. Why a pair was not merged
 * automatically follows the scorer's reasons.
 */
import { scorePair, type TokenStats } from '../../../../shared/names';
import type { Scored } from '../pairs/pair-scoring';
import type { Clusters } from './clusters';
import type { Unit } from './units';

/** Entity pairs kept for the review queue, best first: reasons are worked out for these only. */
export const MAX_REVIEW = 20_000;

/** A pair for the review queue, by unit: the two spellings compared. */
export interface ReviewCandidate {
  a: number;
  b: number;
  score: number;
  reasons: string[];
  /** One side each of an "unsure" judgement. */
  unsure: boolean;
}

/** The units of each side of an "unsure" judgement. */
interface UnsureSides {
  unitsA: number[];
  unitsB: number[];
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** `review`: the pairs that stayed apart in the uncertain band or were held back (sorted here, best first). */
export function reviewCandidates(
  units: readonly Unit[],
  clusters: Clusters,
  review: Scored[],
  stats: TokenStats,
  unsure: readonly UnsureSides[],
): ReviewCandidate[] {
  const explain = (a: number, b: number) => {
    const ca = clusters.carries(a);
    const cb = clusters.carries(b);
    return scorePair(units[a]!.analyzed, units[b]!.analyzed, stats, {
      identifiersA: ca.identifiers,
      identifiersB: cb.identifiers,
      countriesA: ca.countries,
      countriesB: cb.countries,
      familyA: ca.family,
      familyB: cb.family,
    });
  };
  review.sort((x, y) => y.score - x.score);
  const seenPairs = new Set<number>();
  const pairKey = (ra: number, rb: number) => Math.min(ra, rb) * units.length + Math.max(ra, rb);
  const best = review.filter((c) => {
    const ra = clusters.find(c.a);
    const rb = clusters.find(c.b);
    return ra !== rb && !seenPairs.has(pairKey(ra, rb)) && !!seenPairs.add(pairKey(ra, rb));
  });
  const shown: ReviewCandidate[] = best.slice(0, MAX_REVIEW).map((c) => {
    const s = explain(c.a, c.b);
    const reasons = [...s.reasons];
    if (c.coRecord) reasons.push('Named as producer and shipper on one record.');
    if (c.heldBack) reasons.push(`Not merged automatically: ${lowerFirst(c.heldBack)}`);
    return { a: c.a, b: c.b, score: s.score, reasons, unsure: false };
  });
  // An "unsure" pair: the closest two spellings of its sides, per pair of clusters they are now in.
  for (const j of unsure) {
    const closest = new Map<number, { a: number; b: number; score: number }>();
    for (const a of j.unitsA)
      for (const b of j.unitsB) {
        const ra = clusters.find(a);
        const rb = clusters.find(b);
        if (ra === rb) continue;
        const score = scorePair(units[a]!.analyzed, units[b]!.analyzed, stats, {}, false).score;
        const k = pairKey(ra, rb);
        if ((closest.get(k)?.score ?? -1) < score) closest.set(k, { a, b, score });
      }
    for (const { a, b } of closest.values()) {
      const s = explain(a, b);
      shown.push({ a, b, score: s.score, reasons: [...s.reasons, 'Marked unsure by an investigator.'], unsure: true });
    }
  }
  return shown;
}
