/**
 * Groups name units into entities. Evidence is applied strongest first, and
 * each merge is checked against what forbids it (Clusters):
 *   1. the investigator's judgements ("same" merges, "not the same" separates;
 *      an automatic run never overrides them),
 *   2. equal identifiers (INN, USCC),
 *   3. names that analyze the same,
 *   4. one declaration / bill of lading has one sender and one receiver,
 *   5. name scores at or above AUTO_MERGE, best first.
 * Pairs scoring in the uncertain band, and strong pairs a conflict stopped,
 * go to the review queue.
 */
import { scorePair, type PairScore, type TokenStats } from '../../../shared/names';
import { candidatePairs } from './blocking';
import { Clusters, JUDGED_APART } from './clusters';
import { PAIR_BASE, type Unit, type UnitSet } from './units';

export const AUTO_MERGE = 0.86;
export const REVIEW_FROM = 0.6;
/** Unit pairs kept for the review queue (several may fall on one entity pair). */
const MAX_REVIEW = 60_000;

export interface JudgementUnits {
  id: number;
  decision: 'same' | 'not_same' | 'unsure';
  unitsA: number[];
  unitsB: number[];
}

export interface ReviewCandidate {
  a: number;
  b: number;
  score: number;
  reasons: string[];
}

/** A scored pair while resolving; its reasons are worked out again only if it ends up in the review queue. */
interface Scored {
  a: number;
  b: number;
  score: number;
  /** Producer and shipper of one record. */
  coRecord?: boolean;
  /** Why it was held back from an automatic merge. */
  heldBack?: string;
}

export interface Resolution {
  /** Cluster root of each unit. */
  rootOf: Int32Array;
  /** How each unit joined its cluster. */
  decidedBy: ('auto' | 'identifier' | 'declaration' | 'judgement')[];
  autoMerged: number;
  review: ReviewCandidate[];
  pairsScored: number;
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

/** explain = false: the score only (no reasons), for the pairs compared while resolving. */
export function scoreUnits(a: Unit, b: Unit, stats: TokenStats, explain = true): PairScore {
  return scorePair(
    a.analyzed,
    b.analyzed,
    stats,
    {
      identifiersA: a.identifier ? [a.identifier] : NONE,
      identifiersB: b.identifier ? [b.identifier] : NONE,
      countriesA: a.countries,
      countriesB: b.countries,
    },
    explain,
  );
}

export function resolveUnits(set: UnitSet, judgements: readonly JudgementUnits[], progress?: (msg: string) => void): Resolution {
  const { units } = set;
  const clusters = new Clusters(
    units.map((u) => ({
      identifier: u.identifier,
      family: u.analyzed.family,
      countries: u.countries,
      mentions: u.mentions,
      jurisdiction: u.analyzed.jurisdiction,
    })),
  );
  const decidedBy = units.map(() => 'auto' as Resolution['decidedBy'][number]);
  let autoMerged = 0;

  // 1. Judgements: separations first, so that no later step crosses them.
  for (const j of judgements) {
    if (j.decision !== 'not_same') continue;
    for (const u of j.unitsA) clusters.tag(u, j.id, 'a');
    for (const u of j.unitsB) clusters.tag(u, j.id, 'b');
  }
  for (const j of judgements) {
    if (j.decision !== 'same') continue;
    const all = [...j.unitsA, ...j.unitsB];
    for (const u of all.slice(1)) clusters.union(all[0]!, u, true);
    for (const u of all) decidedBy[u] = 'judgement';
  }
  const mark = (u: number, how: Resolution['decidedBy'][number]) => {
    if (decidedBy[u] === 'auto') decidedBy[u] = how;
  };

  // 2. Identifiers.
  const byId = new Map<string, number>();
  units.forEach((u, i) => {
    if (!u.identifier) return;
    const first = byId.get(u.identifier);
    if (first === undefined) byId.set(u.identifier, i);
    else if (clusters.union(first, i)) {
      autoMerged++;
      mark(i, 'identifier');
      mark(first, 'identifier');
    }
  });
  // 3. Same analyzed name, with and without identifier.
  const byName = new Map<string, number>();
  units.forEach((u, i) => {
    const first = byName.get(u.analyzed.key);
    if (first === undefined) byName.set(u.analyzed.key, i);
    else if (clusters.union(first, i)) autoMerged++;
  });
  // 3b. Same comparison tokens, legal form written or not (Ромашка / ООО Ромашка): what a name score of 1 would
  // merge anyway, done before scoring so that those pairs need no comparing. Conflicts still stop it.
  const byTokens = new Map<string, number>();
  units.forEach((u, i) => {
    const k = u.analyzed.key.slice(0, u.analyzed.key.indexOf('|'));
    const first = byTokens.get(k);
    if (first === undefined) byTokens.set(k, i);
    else if (clusters.union(first, i)) autoMerged++;
  });
  // 4. Declarations.
  const edges = set.declarationEdges;
  for (let k = 0; k < edges.length; k += 2) {
    if (clusters.union(edges[k]!, edges[k + 1]!)) {
      autoMerged++;
      mark(edges[k + 1]!, 'declaration');
    }
  }

  // 5. Names.
  progress?.('Comparing names…');
  const stats = unitStats(units);
  const pairs = candidatePairs(units, stats.df);
  const n = units.length;
  const coRecord = new Set<number>();
  for (const ps of set.producerShipper) {
    const p = Math.floor(ps / PAIR_BASE);
    const sh = ps % PAIR_BASE;
    coRecord.add(Math.min(p, sh) * n + Math.max(p, sh));
  }
  // Producer/shipper pairs of one record are compared even when no block brought them together.
  const extra = [...coRecord].map((id) => [Math.floor(id / n), id % n] as [number, number]);
  const scored: Scored[] = [];
  const scoredPairs = new Set<number>();
  const blocked = pairs.length / 2;
  const total = blocked + extra.length;
  for (let p = 0; p < total; p++) {
    const [i, j] = p < blocked ? [pairs[2 * p]!, pairs[2 * p + 1]!] : extra[p - blocked]!;
    const id = i * n + j;
    if (p >= blocked) {
      if (scoredPairs.has(id)) continue;
    } else if (coRecord.has(id)) scoredPairs.add(id);
    if (clusters.find(i) === clusters.find(j)) continue;
    const s = scoreUnits(units[i]!, units[j]!, stats, false);
    if (s.score < REVIEW_FROM) continue;
    // A cut-short producer name that fits the shipper of the same record is, most likely, the shipper.
    // Only when the cut name is all there in the other (at most its cut last word differs).
    const cut = (units[i]!.analyzed.maybeTruncated && s.onlyA.length <= 1) || (units[j]!.analyzed.maybeTruncated && s.onlyB.length <= 1);
    if (cut && coRecord.has(id)) scored.push({ a: i, b: j, score: Math.min(1, s.score + 0.1), coRecord: true });
    else scored.push({ a: i, b: j, score: s.score });
  }
  demoteAmbiguousTruncations(units, scored, stats);
  scored.sort((x, y) => y.score - x.score);
  const review: Scored[] = [];
  for (const c of scored) {
    // A one-off spelling (a typo) may join a company, but never bridge two established ones.
    // (A cut-short name is as weak a link as a typo, however often it was written.)
    const small = (u: number) => units[u]!.mentions === 1 || (units[u]!.analyzed.maybeTruncated && units[u]!.mentions <= 5);
    const bridge = c.score < 0.95 && (small(c.a) || small(c.b)) && Math.min(clusters.size(c.a), clusters.size(c.b)) >= 3;
    if (bridge && c.score >= AUTO_MERGE) c.heldBack = 'A single odd spelling would join two established names.';
    if (c.score >= AUTO_MERGE && !bridge && clusters.union(c.a, c.b)) {
      autoMerged++;
      continue;
    }
    if (clusters.find(c.a) === clusters.find(c.b)) continue;
    const conflict = clusters.conflict(c.a, c.b);
    if (conflict === JUDGED_APART) continue; // decided already: never asked again
    review.push(c.heldBack || conflict ? { ...c, heldBack: [c.heldBack, conflict].filter(Boolean).join(' ') } : c);
  }
  // Reasons only for what a person will see: the best-scored pairs still apart.
  review.sort((x, y) => y.score - x.score);
  const shown: ReviewCandidate[] = review.slice(0, MAX_REVIEW).map((c) => {
    const s = scoreUnits(units[c.a]!, units[c.b]!, stats);
    const reasons = [...s.reasons];
    if (c.coRecord) reasons.push('Named as producer and shipper on one record.');
    if (c.heldBack) reasons.push(c.heldBack);
    return { a: c.a, b: c.b, score: c.score, reasons };
  });
  const rootOf = new Int32Array(units.length);
  for (let i = 0; i < units.length; i++) rootOf[i] = clusters.find(i);
  return { rootOf, decidedBy, autoMerged, review: shown, pairsScored: pairs.length / 2 + extra.length };
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
    for (const [t, other] of [[c.a, c.b], [c.b, c.a]] as const) {
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
