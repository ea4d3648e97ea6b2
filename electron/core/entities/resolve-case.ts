/**
 * `resolve` on a case: read every record's parties, resolve, and replace the
 * mentions, entity names and review queue in one transaction (a cancelled
 * or failed run leaves the case as it was). Entity ids are kept stable:
 * a cluster takes the id of the previous entity most of its mentions had,
 * and a name a person set is kept.
 */
import { scriptsOf } from '../../../shared/names';
import type { ResolveSummary } from '../../../shared/domain/entities';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import {
  allEntities,
  clearEntityNames,
  clearReviewQueue,
  entityNameBatchInserter,
  entityWriter,
  retireEntity,
  reviewInserter,
} from '../db/entities';
import { activeJudgements, type NameRef, type StoredJudgement } from '../db/judgements';
import { mentionNameInserter } from '../db/mention-names';
import { beginMentionRewrite, endMentionRewrite, iterateRecordParties, mentionInserter, previousNameEntities } from '../db/mentions';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { resolveUnits, type JudgementUnits } from './resolver';
import { buildUnits, cleanIdentifier, releaseAnalyses, ROLES, type Unit, type UnitSet } from './units';

const MAX_QUEUE = 20_000;

function judgementUnits(
  judgements: StoredJudgement[],
  set: UnitSet,
  pinned: ReadonlySet<string>,
): { units: JudgementUnits[]; unsurePairs: [number[], number[]][] } {
  // A judged name is pinned to its own units (one per country it was seen with).
  const byName = new Map<string, number[]>();
  set.units.forEach((u, i) => {
    for (const raw of u.names.keys()) {
      if (!pinned.has(raw)) continue;
      const k = `${raw}\u0000${u.identifier ?? ''}`;
      byName.set(k, [...(byName.get(k) ?? []), i]);
    }
  });
  const toUnits = (side: NameRef[]) => [...new Set(side.flatMap((r) => byName.get(`${r.name}\u0000${cleanIdentifier(r.identifier) ?? ''}`) ?? []))];
  const units: JudgementUnits[] = [];
  const unsurePairs: [number[], number[]][] = [];
  for (const j of judgements) {
    const ju = { id: j.id, decision: j.decision, unitsA: toUnits(j.sideA), unitsB: toUnits(j.sideB) };
    units.push(ju);
    if (j.decision === 'unsure') unsurePairs.push([ju.unitsA, ju.unitsB]);
  }
  return { units, unsurePairs };
}

/** The name shown for a cluster: the one written most often (ties: the longer). */
function displayName(units: Unit[]): string {
  const counts = new Map<string, number>();
  for (const u of units) for (const [n, c] of u.names) counts.set(n, (counts.get(n) ?? 0) + c);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0].trim();
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Writes each distinct (raw name, unit's identifier, unit's country) once; returns the name id of each slot. */
function writeMentionNames(db: WriteDb, set: UnitSet): Int32Array {
  const { slotRaw, slotUnit, rawNames } = set.mentions;
  const nameOfSlot = new Int32Array(slotRaw.length);
  // Two slots of one raw name in one unit (INNs written two ways) are one name.
  const ids = new Map<number, number>();
  const insert = mentionNameInserter(db);
  for (let s = 0; s < slotRaw.length; s++) {
    const key = slotRaw[s]! * set.units.length + slotUnit[s]!;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size + 1));
      const unit = set.units[slotUnit[s]!]!;
      insert.add(id, { rawName: rawNames[slotRaw[s]!]!, identifier: unit.identifier, country: unit.countries[0] ?? null });
    }
    nameOfSlot[s] = id;
  }
  insert.flush();
  return nameOfSlot;
}

export function resolveCase(db: WriteDb, actor: string, control?: JobControl): ResolveSummary {
  const started = Date.now();
  const check = () => {
    if (control?.signal.aborted) throw new CustodianError('cancelled', 'Resolution was cancelled; nothing was changed.');
  };
  control?.progress(0.05, 'Reading party names…');
  const judgements = activeJudgements(db);
  const pinned = new Set(judgements.flatMap((j) => [...j.sideA, ...j.sideB].map((r) => r.name)));
  const set = buildUnits(iterateRecordParties(db), pinned, (n) => control?.progress(0.05, `Reading party names… ${n.toLocaleString('en')} records`));
  check();
  const { units: judged, unsurePairs } = judgementUnits(judgements, set, pinned);
  control?.progress(0.3, 'Comparing names…');
  const res = resolveUnits(set, judged, (m) => control?.progress(0.4, m));
  check();
  control?.progress(0.8, 'Writing entities…');

  // Clusters, biggest first, and the previous entity each should keep.
  const members = new Map<number, number[]>();
  set.units.forEach((_, i) => {
    const r = res.rootOf[i]!;
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  });
  const clusters = [...members.values()].map((us) => ({ units: us, mentions: us.reduce((s, u) => s + set.units[u]!.mentions, 0) }));
  clusters.sort((a, b) => b.mentions - a.mentions);
  // Previous run: unit → (entity → mentions), read through the names as written.
  const previous = new Map<number, Map<number, number>>();
  for (const [raw, identifier, country, entity, n] of previousNameEntities(db)) {
    const u = set.unitOf(raw, identifier, country);
    if (u === undefined) continue;
    const m = previous.get(u) ?? previous.set(u, new Map()).get(u)!;
    m.set(entity, (m.get(entity) ?? 0) + n);
  }
  releaseAnalyses(set);
  const existing = new Map(allEntities(db).map((e) => [e.id, e]));
  const taken = new Set<number>();
  const votesFor = new Map<number, Map<number, number>>(); // old entity → cluster index → mentions
  const clusterEntity: number[] = [];

  const summary = db
    .transaction(() => {
      beginMentionRewrite(db);
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
        const us = c.units.map((u) => set.units[u]!);
        const write = {
          name: displayName(us),
          country: mostCommon(us.flatMap((u) => u.countries)),
          identifiers: [...new Set(us.map((u) => u.identifier).filter((x): x is string => !!x))].sort(),
          mentionCount: c.mentions,
        };
        let id: number;
        if (keep !== undefined) writer.update((id = keep), write);
        else id = writer.insert(write);
        taken.add(id);
        clusterEntity[ci] = id;
        const counts = new Map<string, number>();
        for (const u of us) for (const [n, k] of u.names) counts.set(n, (counts.get(n) ?? 0) + k);
        for (const [name, mentions] of counts) names.add(id, { name, mentions, scripts: scriptsOf(name), legalForm: set.legalOf(name) });
      });
      names.flush();
      // Entities no cluster kept: retired, pointing at where most of their mentions went.
      for (const e of existing.values()) {
        if (taken.has(e.id) || (e.mentionCount === 0 && e.mergedInto !== null)) continue;
        const best = [...(votesFor.get(e.id) ?? [])].sort((a, b) => b[1] - a[1])[0];
        retireEntity(db, e.id, best ? clusterEntity[best[0]]! : null);
      }
      const entityOfUnit = new Int32Array(set.units.length);
      clusters.forEach((c, ci) => c.units.forEach((u) => (entityOfUnit[u] = clusterEntity[ci]!)));
      const nameOfSlot = writeMentionNames(db, set);
      const insertMention = mentionInserter(db);
      const ms = set.mentions;
      for (let i = 0; i < ms.recordId.length; i++) {
        const u = ms.unit[i]!;
        insertMention.addRow(ms.recordId[i]!, ROLES[ms.role[i]!]!, nameOfSlot[ms.slot[i]!]!, entityOfUnit[u]!, res.decidedBy[u]!);
      }
      insertMention.flush();
      endMentionRewrite(db);
      // Review queue: best score per entity pair.
      const best = new Map<string, { a: number; b: number; score: number; reasons: string[] }>();
      for (const r of res.review) {
        const a = entityOfUnit[r.a]!;
        const b = entityOfUnit[r.b]!;
        if (a === b) continue;
        const k = a < b ? `${a}:${b}` : `${b}:${a}`;
        if ((best.get(k)?.score ?? -1) < r.score) best.set(k, { a, b, score: r.score, reasons: r.reasons });
      }
      const unsure = new Set<string>();
      for (const [ua, ub] of unsurePairs) {
        for (const x of ua)
          for (const y of ub) {
            const a = entityOfUnit[x]!;
            const b = entityOfUnit[y]!;
            if (a === b) continue;
            const k = a < b ? `${a}:${b}` : `${b}:${a}`;
            unsure.add(k);
            if (!best.has(k)) best.set(k, { a, b, score: 0, reasons: ['Marked unsure by an investigator.'] });
          }
      }
      const insertReview = reviewInserter(db);
      const queued = [...best.entries()].sort((x, y) => y[1].score - x[1].score).slice(0, MAX_QUEUE);
      for (const [k, r] of queued) insertReview(r.a, r.b, r.score, r.reasons, unsure.has(k));
      const out: ResolveSummary = {
        entities: clusters.length,
        mentions: set.mentions.recordId.length,
        autoMerged: res.autoMerged,
        toReview: queued.length,
        judgementsApplied: judged.length,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
      appendAudit(db, actor, 'entities.resolve', { ...out, pairsScored: res.pairsScored });
      return out;
    })
    .immediate();
  control?.progress(1, 'Done');
  return summary;
}
