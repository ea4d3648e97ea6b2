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
 * held-back rule stopped, go to the review queue.
 */
import { prepareName, scorePair, scorePrepared, type PairContext, type PairScore, type TokenStats } from '../../../shared/names';
import { candidatePairs, rescuePairs } from './blocking';
import { Clusters, JUDGED_APART } from './clusters';
import { PAIR_BASE } from './mention-reader';
import { collectGarbage } from '../collect-garbage';
import type { Unit, UnitSet } from './units';

export const AUTO_MERGE = 0.86;
export const REVIEW_FROM = 0.6;
/** Entity pairs kept for the review queue, best first: reasons are worked out for these only. */
export const MAX_REVIEW = 20_000;

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
  /** The names agree only loosely: a typo-like match or a word of vocabulary only one has (PairScore). */
  loose?: boolean;
  /** A typo-like match (PairScore.fuzzy). */
  fuzzy?: boolean;
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

interface UnitContext {
  identifiers: readonly string[];
  countries: readonly string[];
}
const unitContext = (u: Unit): UnitContext => ({ identifiers: u.identifier ? [u.identifier] : NONE, countries: u.countries });
// One context object reused for every pair compared (the scorer reads it and keeps nothing).
const shared: PairContext = {};
function pairContext(a: UnitContext, b: UnitContext): PairContext {
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

export function resolveUnits(set: UnitSet, judgements: readonly JudgementUnits[], progress?: (msg: string) => void, collect = false): Resolution {
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
      const into = alikeTarget(units, g);
      for (const i of g) if (i !== into && (units[i]!.identifier === null || into === g[0]) && clusters.union(into, i)) autoMerged++;
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
    const cut = (units[i]!.analyzed.maybeTruncated && s.unmatchedHeadA === 0) || (units[j]!.analyzed.maybeTruncated && s.unmatchedHeadB === 0);
    const c: Scored = cut && onRecord ? { a: i, b: j, score: Math.min(1, s.score + 0.1), coRecord: true } : { a: i, b: j, score: s.score };
    if (s.fuzzy || s.extraVocabulary) c.loose = true;
    if (s.fuzzy) c.fuzzy = true;
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
  mergeBest(units, clusters, scored, review, stats, () => autoMerged++);
  // 6. Stray spellings: units still nearly alone, against the most-mentioned units of their crowded blocks.
  const stray: number[] = [];
  for (let u = 0; u < n; u++) if (clusters.size(u) <= STRAY_MENTIONS && !units[u]!.inDeclaration) stray.push(u);
  const second = rescuePairs(units, stray, crowded, stats.df);
  const rescued: Scored[] = [];
  for (let p = 0; p < second.length; p += 2) consider(rescued, second[p]!, second[p + 1]!, false);
  mergeBest(units, clusters, rescued, review, stats, () => autoMerged++);
  // Reasons only for what a person will see: the best-scored pairs still apart.
  // One pair per two clusters (the entities they become), the best scored.
  review.sort((x, y) => y.score - x.score);
  const seenPairs = new Set<number>();
  const best = review.filter((c) => {
    const ra = clusters.find(c.a);
    const rb = clusters.find(c.b);
    const key = Math.min(ra, rb) * units.length + Math.max(ra, rb);
    return ra !== rb && !seenPairs.has(key) && !!seenPairs.add(key);
  });
  const shown: ReviewCandidate[] = best.slice(0, MAX_REVIEW).map((c) => {
    const s = scoreUnits(units[c.a]!, units[c.b]!, stats);
    const reasons = [...s.reasons];
    if (c.coRecord) reasons.push('Named as producer and shipper on one record.');
    if (c.heldBack) reasons.push(c.heldBack);
    return { a: c.a, b: c.b, score: c.score, reasons };
  });
  const rootOf = new Int32Array(units.length);
  for (let i = 0; i < units.length; i++) rootOf[i] = clusters.find(i);
  return { rootOf, decidedBy, autoMerged, review: shown, pairsScored: blocked + coIds.length + second.length / 2 };
}

/**
 * Where units that read alike carry two or more identifiers (two companies of one name, or one registered
 * company's dropped-word spelling: SPETSLOGISTIK LTD. with the INN of Спецлогистик Групп), the spellings without
 * one go with the identifier most of the group's mentions carry, not with whichever unit came first. Returns
 * the unit to merge into; the group's first unit when it carries at most one identifier (then all merge).
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

/** A spelling written this often is in steady use: somebody's name, not a slip. */
const STEADY = 5;

/** A cluster of this many mentions or fewer, after the blocks were compared, is a stray spelling (step 6). */
const STRAY_MENTIONS = 3;

/**
 * Merges scored pairs best first, each unless a conflict forbids it; what stays apart in the uncertain band
 * (or was held back) goes to `review`.
 */
function mergeBest(units: readonly Unit[], clusters: Clusters, scored: Scored[], review: Scored[], stats: TokenStats, merged: () => void): void {
  demoteAmbiguousTruncations(units, scored, stats);
  scored.sort((x, y) => y.score - x.score);
  for (const c of scored) {
    // A one-off spelling (a typo) may join a company, but never bridge two established ones.
    // (A cut-short name is as weak a link as a typo, however often it was written.)
    const small = (u: number) => units[u]!.mentions === 1 || (units[u]!.analyzed.maybeTruncated && units[u]!.mentions <= 5);
    // A typo-like likeness is never enough to join two established names, whatever the spellings' counts.
    const bridge = (c.fuzzy || (c.score < 0.95 && (small(c.a) || small(c.b)))) && Math.min(clusters.size(c.a), clusters.size(c.b)) >= 3;
    // Two spellings each written again and again are each somebody's name: a loose likeness between them
    // (Spree Handels / Spreehandels, Спецлогистик / Спецлогистик Групп) is two companies more often than a slip.
    const steady = c.loose && units[c.a]!.mentions >= STEADY && units[c.b]!.mentions >= STEADY;
    if (c.score >= AUTO_MERGE && bridge) c.heldBack = 'A single odd spelling would join two established names.';
    else if (c.score >= AUTO_MERGE && steady) c.heldBack = `Both spellings are in steady use (${units[c.a]!.mentions} and ${units[c.b]!.mentions} mentions) and differ: perhaps two companies.`;
    if (c.score >= AUTO_MERGE && !bridge && !steady && clusters.union(c.a, c.b)) {
      merged();
      continue;
    }
    if (clusters.find(c.a) === clusters.find(c.b)) continue;
    const conflict = clusters.conflict(c.a, c.b);
    if (conflict === JUDGED_APART) continue; // decided already: never asked again
    review.push(c.heldBack || conflict ? { ...c, heldBack: [c.heldBack, conflict].filter(Boolean).join(' ') } : c);
  }
}

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

/** A unit with this many mentions is an established name of its own. */
const ESTABLISHED = 3;

/**
 * Declaration edges (by index) that must not merge: those joining two established names
 *  - on the word of one declaration only: one line written ООО «Микропоставка» in a declaration of
 *    ООО «Микропоставка Плюс» (a slip, or a dropped word) would merge companies of 90 and 2,000 mentions;
 *    established spellings of one company meet in many declarations;
 *  - whose names contradict the way sister companies' do (Телекомимпорт / Telekomimport M: one is the other
 *    plus a word; Балттрейд / Дальтрейд: a near miss): a few slips in a company of 10,000 mentions meet its
 *    sister's name in as many declarations.
 */
function weakDeclarationLinks(units: readonly Unit[], edges: readonly number[], declarationOf: readonly number[], stats: TokenStats): Set<number> {
  const n = units.length;
  const declarations = new Map<number, { count: number; last: number; contradict: boolean }>();
  const pairId = (k: number) => Math.min(edges[2 * k]!, edges[2 * k + 1]!) * n + Math.max(edges[2 * k]!, edges[2 * k + 1]!);
  for (let k = 0; k < declarationOf.length; k++) {
    const a = edges[2 * k]!;
    const b = edges[2 * k + 1]!;
    if (units[a]!.mentions < ESTABLISHED || units[b]!.mentions < ESTABLISHED || units[a]!.inDeclaration || units[b]!.inDeclaration) continue;
    const id = pairId(k);
    const d = declarations.get(id);
    if (d) {
      if (d.last !== declarationOf[k]) {
        d.count++;
        d.last = declarationOf[k]!;
      }
      continue;
    }
    const s = scoreUnits(units[a]!, units[b]!, stats, false);
    declarations.set(id, { count: 1, last: declarationOf[k]!, contradict: s.subset || (s.fuzzy && s.score >= REVIEW_FROM) });
  }
  const out = new Set<number>();
  for (let k = 0; k < declarationOf.length; k++) {
    const d = declarations.get(pairId(k));
    if (d && (d.count === 1 || d.contradict)) out.add(k);
  }
  return out;
}

/** Partners of one cut-short unit compared pairwise, at most (a cut name of one company has a few spellings around it). */
const MAX_CUT_PARTNERS = 12;

/**
 * Cut-short units whose declarations name companies that are not alike: АКЦИОНЕРНОЕ ОБЩЕСТВО «СПЕЦСИСТЕ is the
 * cut of Спецсистем-2000 and of Спецсистем-Центр alike, and one declaration edge to each would merge the two.
 * Such a unit links nothing through declarations; name scoring (and its own ambiguity check) decides it.
 */
function ambiguousCuts(units: readonly Unit[], edges: readonly number[], stats: TokenStats): Set<number> {
  const partners = new Map<number, Set<number>>();
  for (let k = 0; k < edges.length; k += 2) {
    for (const [t, other] of [
      [edges[k]!, edges[k + 1]!],
      [edges[k + 1]!, edges[k]!],
    ] as const) {
      if (!units[t]!.analyzed.maybeTruncated || units[t]!.inDeclaration || units[other]!.analyzed.maybeTruncated) continue;
      const set = partners.get(t) ?? partners.set(t, new Set()).get(t)!;
      if (set.size < MAX_CUT_PARTNERS) set.add(other);
    }
  }
  const out = new Set<number>();
  for (const [t, set] of partners) {
    const list = [...set];
    let alike = true;
    for (let x = 0; x < list.length && alike; x++)
      for (let y = x + 1; y < list.length && alike; y++) if (scoreUnits(units[list[x]!]!, units[list[y]!]!, stats, false).score < REVIEW_FROM) alike = false;
    if (!alike) out.add(t);
  }
  return out;
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
