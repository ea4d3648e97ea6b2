import { AWAITING_REVIEW, queueColleagueJudgements } from '../db/colleague-judgements';
import { ensureAnchor } from '../db/entity-anchors';
import { addConflict } from '../db/merge-conflicts';
import { findRow, otherRows, rowWhere, rowWriter, type Row } from '../db/merge-copy';
import { annotationVersion, evidenceInserter, linkEvidenceOf } from '../db/merge-rows';
import { count, skip, type MergeRun } from './merge-run';

/**
 * Their judgements, links and annotations, kept with their author. Each is
 * the same one in both cases when the same person made it at the same
 * moment; then if the two versions differ, both are kept as a conflict.
 * Ids they point at (entities, records, excerpts, nodes, edges) are read as
 * mine through the run's maps; one that points at something that did not
 * come over is left out and said so.
 */

/** Gives an entity a diagram or link points at its anchor mention (db/entity-anchors.ts), logged for undo. */
export function anchorEntity(run: Pick<MergeRun, 'db' | 'log'>, entityId: number): void {
  if (findRow(run.db, 'entity_anchors', ['entity_id'], [entityId]) !== undefined) return;
  ensureAnchor(run.db, entityId);
  if (findRow(run.db, 'entity_anchors', ['entity_id'], [entityId]) !== undefined)
    run.log.inserted('entity_anchors', entityId);
}

/**
 * Their judgements, with their author. The effect of one (which names it
 * moved, by their ids) means nothing here: it is kept without, as for a
 * judgement from before effects were kept. Their "same" judgements in force
 * come in revoked, awaiting my review (db/colleague-judgements.ts): each is
 * a suggestion in my review queue, never a merge my next resolve makes.
 * Their "not the same" and "unsure" ones only keep apart, and apply as made.
 */
export function mergeJudgements(run: MergeRun): void {
  const write = rowWriter(run.db, run.other, 'judgements');
  const key = ['decision', 'side_a', 'side_b', 'actor', 'at'];
  for (const j of otherRows(run.other, 'judgements', '1 ORDER BY id')) {
    if (
      findRow(
        run.db,
        'judgements',
        key,
        key.map((k) => j[k]),
      ) !== undefined
    )
      continue;
    const awaiting = j.decision === 'same' && !j.revoked_at;
    const held = awaiting ? { revoked_at: new Date().toISOString(), revoked_by: AWAITING_REVIEW } : {};
    run.log.inserted('judgements', write(j, { id: null, effect: null, ...held }));
    count(run, 'judgements');
  }
  for (const id of queueColleagueJudgements(run.db, (q) => run.log.changing('review_queue', 'id = ?', q))) {
    run.log.inserted('review_queue', id);
    run.suggestions++;
  }
}

const LINK_FIELDS = ['source_entity', 'target_entity', 'type', 'custom_label', 'grade', 'note'] as const;

export function mergeLinks(run: MergeRun): void {
  const { db, other, log, maps } = run;
  const write = rowWriter(db, other, 'links');
  const addEvidence = evidenceInserter(db);
  for (const l of otherRows(other, 'links', '1 ORDER BY id')) {
    const source = maps.entity.get(l.source_entity as number);
    const target = maps.entity.get(l.target_entity as number);
    if (source === undefined || target === undefined) {
      skip(run, 'link', l.id as number, 'an entity it joins did not come over');
      continue;
    }
    const evidence = linkEvidenceOf(other, l.id as number)
      .map((e) => ({ kind: e.kind, ref: (e.kind === 'record' ? maps.record : maps.excerpt).get(e.ref) }))
      .filter((e): e is { kind: string; ref: number } => e.ref !== undefined)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.ref - b.ref);
    const theirs: Row = { ...pick(l, LINK_FIELDS), source_entity: source, target_entity: target, evidence };
    const mineId = findRow(db, 'links', ['created_at', 'created_by'], [l.created_at, l.created_by]);
    if (mineId !== undefined) {
      maps.link.set(l.id as number, mineId);
      const row = rowWhere(db, 'links', 'id', mineId)!;
      const mine: Row = { ...pick(row, LINK_FIELDS), evidence: linkEvidenceOf(db, mineId) };
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) conflict(run, 'link', mineId, mine, theirs, l.created_by);
      continue;
    }
    const id = write(l, { id: null, source_entity: source, target_entity: target });
    log.inserted('links', id);
    for (const e of evidence) {
      addEvidence(id, e.kind, e.ref);
      log.inserted('link_evidence', { link_id: id, kind: e.kind, ref: e.ref });
    }
    anchorEntity(run, source);
    anchorEntity(run, target);
    maps.link.set(l.id as number, id);
    count(run, 'links');
  }
}

export function mergeAnnotations(run: MergeRun): void {
  const { db, other, log, maps } = run;
  const write = rowWriter(db, other, 'annotations');
  const targets: Record<string, Map<number, number>> = {
    record: maps.record,
    entity: maps.entity,
    node: maps.node,
    edge: maps.edge,
  };
  for (const a of otherRows(other, 'annotations', '1 ORDER BY id')) {
    const targetId = targets[a.target as string]?.get(a.target_id as number);
    if (targetId === undefined) {
      skip(run, 'annotation', a.id as number, `the ${String(a.target)} it is on did not come over`);
      continue;
    }
    const mineId = findRow(
      db,
      'annotations',
      ['created_at', 'created_by', 'target'],
      [a.created_at, a.created_by, a.target],
    );
    if (mineId !== undefined) {
      const mine = annotationVersion(db, mineId);
      const theirs = { target: a.target, target_id: targetId, text: a.text, updated_at: a.updated_at };
      if (mine.text !== a.text) conflict(run, 'annotation', mineId, mine, theirs, a.created_by);
      continue;
    }
    log.inserted('annotations', write(a, { id: null, target_id: targetId }));
    count(run, 'annotations');
  }
}

function conflict(run: MergeRun, kind: 'link' | 'annotation', localId: number, mine: Row, theirs: Row, by: unknown) {
  const id = addConflict(run.db, {
    mergeId: run.mergeId,
    kind,
    localId,
    mine,
    theirs,
    theirsBy: run.from ?? String(by),
  });
  if (id !== null) run.conflicts.push(id);
}

function pick(row: Row, fields: readonly string[]): Row {
  return Object.fromEntries(fields.map((f) => [f, row[f]]));
}
