/**
 * The last step of a resolve: the clusters become entities (each keeping
 * the id of the previous entity most of its mentions had, and a name a
 * person set), and the mention names, mentions and review queue are
 * replaced, all in one transaction with its audit entry.
 */
import { scriptsOf } from '../../../../shared/names';
import type { ResolveSummary } from '../../../../shared/domain/entities';
import { appendAudit } from '../../db/audit-log';
import { allEntities, entityWriter, retireEntity } from '../../db/entities';
import { clearEntityNames, entityNameBatchInserter } from '../../db/entity-names';
import { queueColleagueJudgements } from '../../db/colleague-judgements';
import { countResolveRun } from '../../db/judgements';
import { clearMentionNames, mentionNameInserter, restoreNameIndex } from '../../db/mention-names';
import { swapInMentions } from '../../db/mentions';
import { clearReviewQueue, reviewInserter, type QueueRow } from '../../db/review-queue';
import type { WriteDb } from '../../db/types';
import type { SlotTable } from '../mentions/mention-reader';
import { MAX_REVIEW } from '../clusters/resolver';
import { trace } from '../../trace';
import { displayName } from './display-name';
import type { NameResolution } from './name-side';
import { KeptIds, type Homecoming } from './previous-entities';
import type { Run } from './run';

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
  const out: UnitFacts = {
    identifier: new Array(n).fill(null),
    country: new Array(n).fill(null),
    slots: Array.from({ length: n }, () => []),
  };
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

/** Writes a name row per slot in a unit (id: slot + 1), with its entity. */
function writeMentionNames(
  db: WriteDb,
  slots: SlotTable,
  res: NameResolution,
  facts: UnitFacts,
  entityOfUnit: Int32Array,
  slotCount: Int32Array,
): void {
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

/**
 * `stage` writes the mentions (stageMentions) unless another thread has: the swap below makes them current.
 * `homecoming`: what an undone judgement had moved (see Homecoming), when this resolve undoes it.
 */
export function writeResolution(
  db: WriteDb,
  run: Run,
  slots: SlotTable,
  slotCount: Int32Array,
  res: NameResolution,
  stage: () => void,
  homecoming?: Homecoming,
): ResolveSummary {
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
  const clusters = [...members.values()].map((us) => ({
    units: us,
    mentions: us.reduce((sum, u) => sum + unitMentions(u), 0),
  }));
  clusters.sort((a, b) => b.mentions - a.mentions);
  const existing = allEntities(db);
  const ids = new KeptIds(db, slots, res, new Set(existing.map((e) => e.id)), homecoming);
  trace('resolve: previous entities read');
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
        const keep = ids.choose(c.units);
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
        ids.took(c.units, id);
        clusterEntity[ci] = id;
        for (const [name, n] of counts)
          names.add(id, { name, mentions: n, scripts: scriptsOf(name), legalForm: legal.get(name)! });
      });
      names.flush();
      trace('resolve: entities written');
      // Entities no cluster kept: retired, pointing at where most of their mentions went.
      for (const e of existing) {
        if (ids.isTaken(e.id) || (e.mentionCount === 0 && e.mergedInto !== null)) continue;
        retireEntity(db, e.id, ids.leadsTo(e.id));
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
      // A colleague's "same" judgements a merge brought in wait in the queue until decided (db/colleague-judgements.ts).
      const queued =
        writeReviewQueue(db, res, entityOfUnit, slots, facts, slotCount) + queueColleagueJudgements(db).length;
      const out: ResolveSummary = {
        entities: clusters.length,
        mentions: clusters.reduce((sum, c) => sum + c.mentions, 0),
        autoMerged: res.autoMerged,
        toReview: queued,
        judgementsApplied: res.judgementsApplied,
        seconds: Math.round((Date.now() - run.started) / 100) / 10,
      };
      // Every judgement's effect (what an undo puts back in place) was on the entities this run replaced.
      countResolveRun(db);
      appendAudit(db, run.actor, 'entities.resolve', { ...out, pairsScored: res.pairsScored });
      return out;
    })
    .immediate();
  trace('resolve: written');
  run.control?.progress(1, 'Done');
  return summary;
}

/**
 * Review queue: the best-scored pair per entity pair (marked unsure where an investigator said so), with the
 * spellings compared, each the one its unit is written most often. Returns how many were queued.
 */
function writeReviewQueue(
  db: WriteDb,
  res: NameResolution,
  entityOfUnit: Int32Array,
  slots: SlotTable,
  facts: UnitFacts,
  slotCount: Int32Array,
): number {
  const spelling = (u: number) => {
    let best = -1;
    for (const s of facts.slots[u]!) if (best < 0 || slotCount[s]! > slotCount[best]!) best = s;
    return slots.rawNames[slots.slotRaw[best]!]!;
  };
  const best = new Map<string, Omit<QueueRow, 'id'>>();
  for (const r of res.review) {
    const a = entityOfUnit[r.a]!;
    const b = entityOfUnit[r.b]!;
    if (a === b) continue;
    const k = a < b ? `${a}:${b}` : `${b}:${a}`;
    const was = best.get(k);
    const unsure = r.unsure || !!was?.unsure;
    if (!was || was.score < r.score)
      best.set(k, {
        entityA: a,
        entityB: b,
        score: r.score,
        reasons: r.reasons,
        unsure,
        names: { a: spelling(r.a), b: spelling(r.b) },
      });
    else was.unsure = unsure;
  }
  const insertReview = reviewInserter(db);
  const queued = [...best.values()].sort((x, y) => y.score - x.score).slice(0, MAX_REVIEW);
  for (const row of queued) insertReview(row);
  return queued.length;
}
