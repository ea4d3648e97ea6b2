/**
 * `resolve` on a case: read every record's parties, resolve, and replace the
 * mentions, entity names and review queue in one transaction (a cancelled
 * or failed run leaves the case as it was). Entity ids are kept stable:
 * a cluster takes the id of the previous entity most of its mentions had,
 * and a name a person set is kept.
 *
 * On a big case the reading runs in a second thread while this one
 * analyzes the names it brings (resolveCaseInThreads).
 */
import { scriptsOf } from '../../../../shared/names';
import type { ResolveSummary } from '../../../../shared/domain/entities';
import { CustodianError } from '../../../../shared/result';
import { appendAudit } from '../../db/audit-log';
import { allEntities, entityWriter, retireEntity } from '../../db/entities';
import { clearEntityNames, entityNameBatchInserter } from '../../db/entity-names';
import { activeJudgements } from '../../db/judgements';
import { clearMentionNames, mentionNameInserter, previousNameEntities, restoreNameIndex } from '../../db/mention-names';
import { iterateRecordParties, stageMentions, swapInMentions } from '../../db/mentions';
import { maxRecordId } from '../../db/records';
import { clearReviewQueue, reviewInserter } from '../../db/review-queue';
import type { ReadDb, WriteDb } from '../../db/types';
import type { JobControl } from '../../jobs/protocol';
import { readMentions, SlotTable, type SlotFacts } from '../mentions/mention-reader';
import { mentionThreadMinRecords, readMentionsInThread } from '../mentions/mention-thread';
import { NameSide, type NameResolution } from './name-side';
import { MAX_REVIEW } from '../clusters/resolver';
import { collectEvery, collectGarbage } from '../../collect-garbage';
import { trace } from '../../trace';

/** Mentions from which a resolve collects its garbage between phases (a full collection costs ~0.3 s at 2.5M). */
const BIG_MENTIONS = 200_000;

interface Run {
  started: number;
  actor: string;
  control: JobControl | undefined;
  check(): void;
}

function startRun(actor: string, control?: JobControl): Run {
  return {
    started: Date.now(),
    actor,
    control,
    check: () => {
      if (control?.signal.aborted) throw new CustodianError('cancelled', 'Resolution was cancelled; nothing was changed.');
    },
  };
}

const readingProgress = (run: Run) => (n: number) => run.control?.progress(0.05, `Reading party names… ${n.toLocaleString('en')} records`);

/** Resolves in this thread (small cases, and inside another transaction: undoing a judgement resolves again). */
export function resolveCase(db: WriteDb, actor: string, control?: JobControl): ResolveSummary {
  const run = startRun(actor, control);
  const side = new NameSide(activeJudgements(db));
  run.control?.progress(0.05, 'Reading party names…');
  const { rows, facts } = readMentions(iterateRecordParties(db), (b) => side.add(b), readingProgress(run));
  const res = compareNames(run, side, facts);
  const stage = () => stageMentions(db, { recordId: rows.recordId, role: rows.role, nameId: rows.slot.map((s) => s + 1) });
  return writeResolution(db, run, side.slots, facts.slotCount, res, stage);
}

/**
 * Resolves with a second thread started from `workerScript`, when the case is big enough to gain: it reads
 * the records while this thread analyzes their names, then stages the mentions while this one compares.
 */
export async function resolveCaseInThreads(db: WriteDb, actor: string, workerScript: string | undefined, control?: JobControl): Promise<ResolveSummary> {
  const records = maxRecordId(db);
  if (!workerScript || records < mentionThreadMinRecords()) return resolveCase(db, actor, control);
  const run = startRun(actor, control);
  const side = new NameSide(activeJudgements(db));
  run.control?.progress(0.05, 'Reading party names…');
  // The reading thread's memory is on top of this one's while it reads: this heap is kept near its live size.
  const collect = collectEvery(96 * 1024 * 1024);
  const reading = readMentionsInThread(workerScript, db.name, (b) => (side.add(b), collect()), readingProgress(run));
  try {
    const facts = await reading.read;
    const res = compareNames(run, side, facts);
    await reading.staged;
    return writeResolution(db, run, side.slots, facts.slotCount, res, () => undefined);
  } finally {
    reading.close();
  }
}

function compareNames(run: Run, side: NameSide, facts: SlotFacts): NameResolution {
  run.check();
  // Each phase of a big resolve leaves a few hundred MB of garbage the next phase's peak need not carry.
  const big = facts.slotCount.reduce((sum, n) => sum + n, 0) >= BIG_MENTIONS;
  if (big) collectGarbage();
  trace('resolve: names analyzed');
  run.control?.progress(0.3, 'Comparing names…');
  const res = side.finish(facts, (m) => run.control?.progress(0.4, m), big);
  run.check();
  if (big) collectGarbage();
  trace('resolve: resolved');
  return res;
}

/** The name shown for a cluster: the one written most often (ties: the longer). */
function displayName(counts: Map<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0].trim();
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** What the writing needs of each unit, gathered from its slots. */
interface UnitFacts {
  identifier: (string | null)[];
  country: (string | null)[];
  /** slots of each unit */
  slots: number[][];
}

function unitFacts(slots: SlotTable, res: NameResolution): UnitFacts {
  const n = res.rootOf.length;
  const out: UnitFacts = { identifier: new Array(n).fill(null), country: new Array(n).fill(null), slots: Array.from({ length: n }, () => []) };
  for (let s = 0; s < res.slotUnit.length; s++) {
    const u = res.slotUnit[s]!;
    if (u < 0) continue;
    // A unit's slots share the cleaned identifier and country (they are part of its key).
    out.identifier[u] = slots.slotIdentifier[s]!;
    out.country[u] = slots.slotCountry[s]!;
    out.slots[u]!.push(s);
  }
  return out;
}

/** Previous run: unit → (entity → mentions), read through the names as written. */
function previousVotes(db: ReadDb, slots: SlotTable, res: NameResolution): Map<number, Map<number, number>> {
  const previous = new Map<number, Map<number, number>>();
  const rows = previousNameEntities(db);
  // Slots are numbered in the order the records first name them, so over the same records a previous name
  // row (id: slot + 1) is this run's slot of that id; only names that moved are looked up (maps built then).
  const sameSlot = (id: number, raw: string, identifier: string | null, country: string | null) => {
    const s = id - 1;
    return s < slots.slotRaw.length && slots.slotIdentifier[s] === identifier && slots.slotCountry[s] === country && slots.rawNames[slots.slotRaw[s]!] === raw;
  };
  const slotKey = (raw: number, identifier: string | null, country: string | null) => `${raw}\u0000${identifier ?? ''}\u0000${country ?? ''}`;
  let lookup: { rawIndex: Map<string, number>; slotOf: Map<string, number> } | null = null;
  const slotOf = (raw: string, identifier: string | null, country: string | null): number | undefined => {
    lookup ??= {
      rawIndex: new Map(slots.rawNames.map((r, i) => [r, i])),
      slotOf: new Map(slots.slotRaw.map((r, s) => [slotKey(r, slots.slotIdentifier[s]!, slots.slotCountry[s]!), s])),
    };
    const r = lookup.rawIndex.get(raw);
    return r === undefined ? undefined : lookup.slotOf.get(slotKey(r, identifier, country));
  };
  for (const [id, raw, identifier, country, entity, n] of rows) {
    const s = sameSlot(id, raw, identifier, country) ? id - 1 : slotOf(raw, identifier, country);
    const u = s === undefined ? -1 : res.slotUnit[s]!;
    if (u < 0) continue;
    const m = previous.get(u) ?? previous.set(u, new Map()).get(u)!;
    m.set(entity, (m.get(entity) ?? 0) + n);
  }
  return previous;
}

/** Writes a name row per slot in a unit (id: slot + 1), with its entity. */
function writeMentionNames(db: WriteDb, slots: SlotTable, res: NameResolution, facts: UnitFacts, entityOfUnit: Int32Array, slotCount: Int32Array): void {
  const insert = mentionNameInserter(db);
  for (let s = 0; s < slots.slotRaw.length; s++) {
    const u = res.slotUnit[s]!;
    if (u < 0) continue;
    insert.add(s + 1, {
      rawName: slots.rawNames[slots.slotRaw[s]!]!,
      identifier: facts.identifier[u]!,
      country: facts.country[u]!,
      entityId: entityOfUnit[u]!,
      decidedBy: res.decidedBy[u]!,
      mentions: slotCount[s]!,
    });
  }
  insert.flush();
}

/** `stage` writes the mentions (stageMentions) unless another thread has: the swap below makes them current. */
function writeResolution(db: WriteDb, run: Run, slots: SlotTable, slotCount: Int32Array, res: NameResolution, stage: () => void): ResolveSummary {
  run.control?.progress(0.8, 'Writing entities…');
  const facts = unitFacts(slots, res);
  const unitMentions = (u: number) => facts.slots[u]!.reduce((sum, s) => sum + slotCount[s]!, 0);

  // Clusters, biggest first, and the previous entity each should keep.
  const members = new Map<number, number[]>();
  for (let u = 0; u < res.rootOf.length; u++) {
    const r = res.rootOf[u]!;
    const list = members.get(r);
    if (list) list.push(u);
    else members.set(r, [u]);
  }
  const clusters = [...members.values()].map((us) => ({ units: us, mentions: us.reduce((sum, u) => sum + unitMentions(u), 0) }));
  clusters.sort((a, b) => b.mentions - a.mentions);
  const previous = previousVotes(db, slots, res);
  trace('resolve: previous entities read');
  const existing = new Map(allEntities(db).map((e) => [e.id, e]));
  const taken = new Set<number>();
  const votesFor = new Map<number, Map<number, number>>(); // old entity → cluster index → mentions
  const clusterEntity: number[] = [];

  const summary = db
    .transaction(() => {
      stage();
      clearMentionNames(db);
      clearEntityNames(db);
      clearReviewQueue(db);
      const writer = entityWriter(db);
      const names = entityNameBatchInserter(db);
      clusters.forEach((c, ci) => {
        const votes = new Map<number, number>();
        for (const u of c.units)
          for (const [e, n] of previous.get(u) ?? []) {
            votes.set(e, (votes.get(e) ?? 0) + n);
            const v = votesFor.get(e) ?? new Map<number, number>();
            v.set(ci, (v.get(ci) ?? 0) + n);
            votesFor.set(e, v);
          }
        const keep = [...votes].filter(([e]) => existing.has(e) && !taken.has(e)).sort((a, b) => b[1] - a[1])[0]?.[0];
        const counts = new Map<string, number>();
        const legal = new Map<string, string | null>();
        for (const u of c.units)
          for (const s of facts.slots[u]!) {
            const raw = slots.rawNames[slots.slotRaw[s]!]!;
            counts.set(raw, (counts.get(raw) ?? 0) + slotCount[s]!);
            legal.set(raw, res.legalOfRaw[slots.slotRaw[s]!]!);
          }
        const write = {
          name: displayName(counts),
          country: mostCommon(c.units.map((u) => facts.country[u]!).filter((x): x is string => !!x)),
          identifiers: [...new Set(c.units.map((u) => facts.identifier[u]!).filter((x): x is string => !!x))].sort(),
          mentionCount: c.mentions,
        };
        let id: number;
        if (keep !== undefined) writer.update((id = keep), write);
        else id = writer.insert(write);
        taken.add(id);
        clusterEntity[ci] = id;
        for (const [name, n] of counts) names.add(id, { name, mentions: n, scripts: scriptsOf(name), legalForm: legal.get(name)! });
      });
      names.flush();
      trace('resolve: entities written');
      // Entities no cluster kept: retired, pointing at where most of their mentions went.
      for (const e of existing.values()) {
        if (taken.has(e.id) || (e.mentionCount === 0 && e.mergedInto !== null)) continue;
        const best = [...(votesFor.get(e.id) ?? [])].sort((a, b) => b[1] - a[1])[0];
        retireEntity(db, e.id, best ? clusterEntity[best[0]]! : null);
      }
      const entityOfUnit = new Int32Array(res.rootOf.length);
      clusters.forEach((c, ci) => c.units.forEach((u) => (entityOfUnit[u] = clusterEntity[ci]!)));
      writeMentionNames(db, slots, res, facts, entityOfUnit, slotCount);
      restoreNameIndex(db);
      trace('resolve: names written');
      // Slots in no unit (a name with nothing to compare once its legal form is set aside) name nobody.
      const unnamed: number[] = [];
      res.slotUnit.forEach((u, s) => u < 0 && unnamed.push(s + 1));
      swapInMentions(db, unnamed);
      trace('resolve: mentions swapped in');
      const queued = writeReviewQueue(db, res, entityOfUnit);
      const out: ResolveSummary = {
        entities: clusters.length,
        mentions: clusters.reduce((sum, c) => sum + c.mentions, 0),
        autoMerged: res.autoMerged,
        toReview: queued,
        judgementsApplied: res.judgementsApplied,
        seconds: Math.round((Date.now() - run.started) / 100) / 10,
      };
      appendAudit(db, run.actor, 'entities.resolve', { ...out, pairsScored: res.pairsScored });
      return out;
    })
    .immediate();
  trace('resolve: written');
  run.control?.progress(1, 'Done');
  return summary;
}

/** Review queue: the best score per entity pair, and the pairs an investigator marked unsure. Returns how many were queued. */
function writeReviewQueue(db: WriteDb, res: NameResolution, entityOfUnit: Int32Array): number {
  const best = new Map<string, { a: number; b: number; score: number; reasons: string[] }>();
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  for (const r of res.review) {
    const a = entityOfUnit[r.a]!;
    const b = entityOfUnit[r.b]!;
    if (a === b) continue;
    const k = pairKey(a, b);
    if ((best.get(k)?.score ?? -1) < r.score) best.set(k, { a, b, score: r.score, reasons: r.reasons });
  }
  const unsure = new Set<string>();
  for (const [ua, ub] of res.unsurePairs) {
    for (const x of ua)
      for (const y of ub) {
        const a = entityOfUnit[x]!;
        const b = entityOfUnit[y]!;
        if (a === b) continue;
        const k = pairKey(a, b);
        unsure.add(k);
        if (!best.has(k)) best.set(k, { a, b, score: 0, reasons: ['Marked unsure by an investigator.'] });
      }
  }
  const insertReview = reviewInserter(db);
  const queued = [...best.entries()].sort((x, y) => y[1].score - x[1].score).slice(0, MAX_REVIEW);
  for (const [k, r] of queued) insertReview(r.a, r.b, r.score, r.reasons, unsure.has(k));
  return queued.length;
}
