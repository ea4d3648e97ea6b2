/**
 * Groups name units into entities. Evidence is applied strongest first, and
 * each merge is checked against what forbids it (Clusters):
 *   1. the investigator's judgements ("same" merges, "not the same" separates;
 *      an automatic run never overrides them),
 *   2. equal identifiers (INN, USCC),
 *   3. names that analyze the same,
 *   4. one declaration / bill of lading has one sender and one receiver,
 *   5. name scores at or above AUTO_MERGE, best first, unless a typo-like
 *      likeness would join two established names,
 *   6. a second chance for stray spellings against the most-mentioned names
 *      of the blocks too crowded to compare in full.
 * Pairs scoring in the uncertain band, and strong pairs a conflict or a
 * held-back rule stopped, go to the review queue, scored again as pairs of
 * entities (review-pairs.ts).
 */
import { prepareName, scorePrepared } from '../../../../shared/names';
import { candidatePairs, rescuePairs } from '../pairs/blocking';
import { Clusters } from './clusters';
import { ambiguousCuts, weakDeclarationLinks } from './declaration-evidence';
import { mergeBest } from './merge-best';
import { MAX_REVIEW, reviewCandidates, type ReviewCandidate } from './review-pairs';
import {
  AUTO_MERGE,
  pairContext,
  REVIEW_FROM,
  scoreUnits,
  unitContext,
  unitStats,
  type Scored,
} from '../pairs/pair-scoring';
import { PAIR_BASE } from '../mentions/mention-reader';
import { collectGarbage } from '../../collect-garbage';
import type { Unit, UnitSet } from './units';

export { AUTO_MERGE, MAX_REVIEW, REVIEW_FROM, scoreUnits, unitStats, type ReviewCandidate };

export interface JudgementUnits {
  id: number;
  decision: 'same' | 'not_same' | 'unsure';
  unitsA: number[];
  unitsB: number[];
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

export function resolveUnits(
  set: UnitSet,
  judgements: readonly JudgementUnits[],
  progress?: (msg: string) => void,
  collect = false,
): Resolution {
  const { units } = set;
  const styled = namesakeStyles(units);
  const clusters = new Clusters(
    units.map((u, i) => ({
      identifier: u.identifier,
      family: u.analyzed.family,
      countries: u.countries,
      mentions: u.mentions,
      jurisdiction: u.analyzed.jurisdiction,
      legalStyle: styled[i]!,
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
  // 3. Same analyzed name, with and without identifier; 3b. the same comparison tokens, legal form written or
  // not (Ромашка / ООО Ромашка): what a name score of 1 would merge anyway, done before scoring so that those
  // pairs need no comparing. Conflicts still stop it. (Cut names read within a declaration are left to it:
  // steps 3 and 5 pass them over.)
  const mergeAlike = (keyOf: (u: Unit) => string) => {
    const groups = new Map<string, number[]>();
    units.forEach((u, i) => {
      if (u.inDeclaration) return;
      const k = keyOf(u);
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    });
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      // (A unit with another identifier than the target's is refused by the clusters.)
      const into = alikeTarget(units, g);
      for (const i of g) if (i !== into && clusters.union(into, i)) autoMerged++;
    }
  };
  mergeAlike((u) => u.analyzed.key);
  mergeAlike((u) => u.analyzed.key.slice(0, u.analyzed.key.indexOf('|')));
  // 4. Declarations.
  const stats = unitStats(units);
  const edges = set.declarationEdges;
  const ambiguous = ambiguousCuts(units, edges, stats);
  const weak = weakDeclarationLinks(units, edges, set.edgeDeclaration, stats);
  for (let k = 0; k < edges.length; k += 2) {
    if (ambiguous.has(edges[k]!) || ambiguous.has(edges[k + 1]!) || weak.has(k / 2)) continue;
    if (clusters.union(edges[k]!, edges[k + 1]!)) {
      autoMerged++;
      mark(edges[k + 1]!, 'declaration');
    }
  }

  // 5. Names.
  progress?.('Comparing names…');
  const { pairs, crowded } = candidatePairs(units, stats.df);
  if (collect) collectGarbage(); // the blocks: ~100 MB of keys
  const n = units.length;
  const coRecord = new Set<number>();
  for (const ps of set.producerShipper) {
    const p = Math.floor(ps / PAIR_BASE);
    const sh = ps % PAIR_BASE;
    coRecord.add(Math.min(p, sh) * n + Math.max(p, sh));
  }
  // Producer/shipper pairs of one record are compared even when no block brought them together. Both lists
  // are sorted by pair id (i·n+j), so walking them side by side finds the overlap without a lookup per pair.
  const coIds = Float64Array.from(coRecord).sort();
  const prepared = units.map((u) => prepareName(u.analyzed, stats));
  const ctx = units.map(unitContext);
  const consider = (into: Scored[], i: number, j: number, onRecord: boolean) => {
    if (clusters.find(i) === clusters.find(j)) return;
    const s = scorePrepared(prepared[i]!, prepared[j]!, stats, pairContext(ctx[i]!, ctx[j]!), false);
    if (s.score < REVIEW_FROM) return;
    // A cut-short producer name that fits the shipper of the same record is, most likely, the shipper.
    // Only when the cut name is all there in the other (at most its cut last word differs: Guangzhou Galaxy
    // Semiconductor, 30 characters, is no cut of Galaxy Semiconductor).
    const cut =
      (units[i]!.analyzed.maybeTruncated && s.unmatchedHeadA === 0) ||
      (units[j]!.analyzed.maybeTruncated && s.unmatchedHeadB === 0);
    const c: Scored =
      cut && onRecord
        ? { a: i, b: j, score: Math.min(1, s.score + 0.1), coRecord: true }
        : { a: i, b: j, score: s.score };
    if (s.fuzzy) c.fuzzy = true;
    if (s.extraVocabulary) c.extraVocabulary = true;
    into.push(c);
  };
  const scored: Scored[] = [];
  const blocked = pairs.length / 2;
  let co = 0;
  const inBlocks = new Set<number>();
  for (let p = 0; p < blocked; p++) {
    const i = pairs[2 * p]!;
    const j = pairs[2 * p + 1]!;
    const id = i * n + j;
    while (co < coIds.length && coIds[co]! < id) co++;
    const onRecord = co < coIds.length && coIds[co] === id;
    if (onRecord) inBlocks.add(id);
    consider(scored, i, j, onRecord);
  }
  // Co-record pairs no block brought together come last, in the order of their first record.
  for (const id of coRecord) if (!inBlocks.has(id)) consider(scored, Math.floor(id / n), id % n, true);
  if (collect) collectGarbage(); // what scoring 2M pairs left
  const review: Scored[] = [];
  autoMerged += mergeBest(units, clusters, scored, review, stats);
  // 6. Stray spellings: units still nearly alone, against the most-mentioned units of their crowded blocks.
  const stray: number[] = [];
  for (let u = 0; u < n; u++) if (clusters.size(u) <= STRAY_MENTIONS && !units[u]!.inDeclaration) stray.push(u);
  const second = rescuePairs(units, stray, crowded, stats.df);
  const rescued: Scored[] = [];
  for (let p = 0; p < second.length; p += 2) consider(rescued, second[p]!, second[p + 1]!, false);
  autoMerged += mergeBest(units, clusters, rescued, review, stats);
  // Reasons only for what a person will see: the best-scored pairs still apart, and the "unsure" ones.
  const shown = reviewCandidates(
    units,
    clusters,
    review,
    stats,
    judgements.filter((j) => j.decision === 'unsure'),
  );
  const rootOf = new Int32Array(units.length);
  for (let i = 0; i < units.length; i++) rootOf[i] = clusters.find(i);
  return { rootOf, decidedBy, autoMerged, review: shown, pairsScored: blocked + coIds.length + second.length / 2 };
}

/**
 * Where units that read alike carry two or more identifiers (two companies of one name, or one registered
 * company's dropped-word spelling: SPETSLOGISTIK LTD. with the INN of Спецлогистик Групп), the spellings without
 * one go with the identifier most of the group's mentions carry, not with whichever unit came first. Returns
 * the unit to merge into (the group's first when it carries at most one identifier).
 */
function alikeTarget(units: readonly Unit[], group: readonly number[]): number {
  const byId = new Map<string, { mentions: number; unit: number }>();
  for (const i of group) {
    const id = units[i]!.identifier;
    if (id === null) continue;
    const e = byId.get(id);
    if (e) e.mentions += units[i]!.mentions;
    else byId.set(id, { mentions: units[i]!.mentions, unit: i });
  }
  if (byId.size < 2) return group[0]!;
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions)[0]!.unit;
}

/** A cluster of this many mentions or fewer, after the blocks were compared, is a stray spelling (step 6). */
const STRAY_MENTIONS = 3;

/**
 * The legal style (Co., Ltd. / Limited) that keeps a unit apart, or '': only where the same words are written
 * Co., Ltd. mostly with one country and Limited mostly with another, a mainland company and its Hong Kong
 * namesake. Elsewhere a company writing both is one company (Limited is a rarer spelling of Co., Ltd.).
 */
function namesakeStyles(units: readonly Unit[]): string[] {
  const countries = new Map<string, Map<string, number>>(); // words + style → country → mentions
  const words = (u: Unit) => u.analyzed.key.slice(0, u.analyzed.key.indexOf('|'));
  for (const u of units) {
    if (!u.analyzed.legalStyle) continue;
    const k = `${words(u)}|${u.analyzed.legalStyle}`;
    const m = countries.get(k) ?? countries.set(k, new Map()).get(k)!;
    for (const c of u.countries) m.set(c, (m.get(c) ?? 0) + u.mentions);
  }
  const top = (k: string) => [...(countries.get(k) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
  const namesakes = new Set<string>();
  for (const k of countries.keys()) {
    if (!k.endsWith('|co')) continue;
    const w = k.slice(0, -3);
    const co = top(k);
    const plain = top(`${w}|plain`);
    if (co && plain && co !== plain) namesakes.add(w);
  }
  return units.map((u) => (u.analyzed.legalStyle && namesakes.has(words(u)) ? u.analyzed.legalStyle : ''));
}
