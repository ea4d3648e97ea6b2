import { analyzeName, normalizeText, scorePair } from '../../../shared/names';
import { getEntity, refreshEntityFacts } from '../db/entities';
import { entityNameInserter, namesMatching } from '../db/entity-names';
import { findRow, otherRows, rowWriter, type Row } from '../db/merge-copy';
import {
  addNameMentions,
  anchorOf,
  entityAtMention,
  localNameKeys,
  mentionInserter,
  mergedIntoOf,
  nameKey,
} from '../db/merge-names';
import { queueRowOf, reviewInserter } from '../db/review-queue';
import { ftsQuote } from '../db/records-fts';
import { REVIEW_FROM } from '../entities/pairs/pair-scoring';
import { anchorEntity } from './merge-links';
import { count, tick, type MergeRun } from './merge-run';

/**
 * Their entities, matched to mine by stable id: the mention (record and
 * role) an entity is anchored on (db/entity-anchors.ts), else the names
 * its mentions are written under, which I have too. One of theirs that
 * spans several of mine (they merged what I keep apart) goes to the first
 * and puts the pairs in my review queue; one I have nothing of comes in as
 * a new entity, and where a name of mine looks like it, the pair goes to
 * the review queue. Nothing of mine is ever merged here.
 */
export function mergeEntities(run: MergeRun): void {
  const { db, other, log, maps } = run;
  const names = localNameKeys(db);
  const theirNames = new Map<number, Row[]>();
  for (const n of otherRows(other, 'mention_names', '1 ORDER BY id')) {
    const list = theirNames.get(n.entity_id as number) ?? [];
    list.push(n);
    theirNames.set(n.entity_id as number, list);
  }
  const writeEntity = rowWriter(db, other, 'entities');
  const touched = new Set<number>();
  const created: number[] = [];
  let i = 0;
  for (const e of otherRows(other, 'entities', 'merged_into IS NULL ORDER BY id')) {
    tick(run, ++i);
    const theirId = e.id as number;
    const own = theirNames.get(theirId) ?? [];
    if (own.length === 0) continue; // no mention: nothing to know it by
    const mine = own.map((n) => names.get(nameKey(n))?.entity).filter((x): x is number => x !== undefined);
    const local = anchoredHere(run, theirId) ?? mostCommon(mine);
    let target: number;
    if (local !== undefined) {
      target = local;
      for (const apart of new Set(mine)) if (apart !== local) suggest(run, local, apart, String(e.name), 'one');
    } else {
      target = writeEntity(e, { id: null, merged_into: null, mention_count: 0 });
      log.inserted('entities', target);
      created.push(target);
      count(run, 'entities');
    }
    maps.entity.set(theirId, target);
    for (const n of own) {
      const known = names.get(nameKey(n));
      if (known) maps.name.set(n.id as number, known.id);
      else {
        const id = insertName(run, n, target);
        maps.name.set(n.id as number, id);
        names.set(nameKey(n), { id, entity: target });
        touched.add(target);
      }
    }
    addSpellings(run, theirId, target);
  }
  // Their merged-away entities read as the entity they were merged into.
  for (const e of otherRows(other, 'entities', 'merged_into IS NOT NULL ORDER BY id')) {
    let at = e.merged_into as number;
    for (let hops = 0; hops < 1000 && !maps.entity.has(at); hops++) {
      const next = mergedIntoOf(other, at);
      if (next === null || next === undefined) break;
      at = next;
    }
    const target = maps.entity.get(at);
    if (target !== undefined) maps.entity.set(e.id as number, target);
  }
  for (const id of addMentions(run)) touched.add(id);
  for (const id of new Set([...touched, ...created])) {
    log.changing('entities', 'id = ?', id);
    refreshEntityFacts(db, id);
  }
  const brought = new Set(created);
  for (const id of created) {
    anchorEntity(run, id);
    suggestLookalikes(run, id, brought);
  }
}

/** The entity of mine their entity's anchor mention is in (the same record and role here), if any. */
function anchoredHere(run: MergeRun, theirId: number): number | undefined {
  const a = anchorOf(run.other, theirId);
  const record = a && run.maps.record.get(a.record_id);
  return record === undefined ? undefined : entityAtMention(run.db, record, a!.role);
}

function mostCommon(ids: number[]): number | undefined {
  const n = new Map<number, number>();
  for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/** A name of theirs I do not have, in the entity it maps to (its mentions counted as they come in). */
function insertName(run: MergeRun, n: Row, entityId: number): number {
  const id = rowWriter(run.db, run.other, 'mention_names')(n, { id: null, entity_id: entityId, mentions: 0 });
  run.log.inserted('mention_names', id);
  return id;
}

/** Their spellings of an entity that mine lacks (what the entity list shows and searches). */
function addSpellings(run: MergeRun, theirId: number, target: number): void {
  const insert = entityNameInserter(run.db);
  for (const n of otherRows(run.other, 'entity_names', 'entity_id = ?', theirId)) {
    if (findRow(run.db, 'entity_names', ['entity_id', 'name'], [target, n.name]) !== undefined) continue;
    insert(target, {
      name: n.name as string,
      scripts: JSON.parse(n.scripts as string) as string[],
      legalForm: n.legal_form as string | null,
      mentions: n.mentions as number,
    } as Parameters<typeof insert>[1]);
    run.log.inserted('entity_names', findRow(run.db, 'entity_names', ['entity_id', 'name'], [target, n.name])!);
  }
}

/** The mentions of their records that are new here, under my name rows; answers the entities that gained some. */
function addMentions(run: MergeRun): Set<number> {
  const { db, other, log, maps } = run;
  const add = mentionInserter(db);
  const gained = new Map<number, number>();
  let i = 0;
  for (const m of otherRows(other, 'mentions', '1')) {
    tick(run, ++i);
    if (!maps.newRecords.has(m.record_id as number)) continue;
    const nameId = maps.name.get(m.name_id as number);
    if (nameId === undefined) continue;
    add(maps.record.get(m.record_id as number)!, m.role as string, nameId);
    gained.set(nameId, (gained.get(nameId) ?? 0) + 1);
  }
  const entities = new Set<number>();
  for (const [nameId, n] of gained) {
    log.changing('mention_names', 'id = ?', nameId);
    entities.add(addNameMentions(db, nameId, n));
  }
  return entities;
}

/** Puts a pair in the review queue, once. */
function suggest(
  run: MergeRun,
  a: number,
  b: number,
  theirName: string,
  why: 'one' | 'like',
  score = 1,
  reasons: string[] = [],
): void {
  if (queueRowOf(run.db, a, b)) return;
  const [na, nb] = [getEntity(run.db, a)?.name ?? '', getEntity(run.db, b)?.name ?? ''];
  reviewInserter(run.db)({
    entityA: a,
    entityB: b,
    score,
    reasons: [
      why === 'one'
        ? `In the merged case these are one entity (${theirName}).`
        : `Brought in from the merged case; its name looks like one of yours.`,
      ...reasons,
    ],
    unsure: false,
    names: { a: na, b: nb },
  });
  run.log.inserted('review_queue', queueRowOf(run.db, a, b)!.id);
  run.suggestions++;
}

/**
 * Pairs a new entity with my entities whose names score as possibly the
 * same (found through the names index); not with others brought in with it,
 * which their own resolve kept apart.
 */
function suggestLookalikes(run: MergeRun, id: number, brought: ReadonlySet<number>): void {
  const entity = getEntity(run.db, id)!;
  const words = normalizeText(entity.name)
    .split(/\s+/)
    .filter((w) => w.length >= 3)
    .slice(0, 6);
  if (!words.length) return;
  const found = namesMatching(run.db, words.map(ftsQuote).join(' OR '), 30, 5000) ?? [];
  const mine = analyzeName(entity.name);
  for (const { entityId, name } of found) {
    if (entityId === id || brought.has(entityId)) continue;
    const other = getEntity(run.db, entityId);
    if (!other || other.mergedInto !== null || other.mentionCount === 0) continue;
    const s = scorePair(mine, analyzeName(name), undefined, {
      identifiersA: entity.identifiers,
      identifiersB: other.identifiers,
    });
    if (s.score >= REVIEW_FROM) suggest(run, id, entityId, entity.name, 'like', s.score, s.reasons);
  }
}
