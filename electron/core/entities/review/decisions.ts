/**
 * The investigator's decisions: merge, split, same / not the same / unsure.
 * Each is stored as a judgement (who, when, the names on each side) that
 * every later resolve applies before any automatic evidence, and is applied
 * to the case at once, keeping what it changed (EffectRecorder) so that an
 * undo puts exactly that back (undo.ts). Ids stay: a merge's survivor keeps
 * its id and the merged-away ids lead to it; a split's original keeps its id
 * and the names split off get a new one. The dispatcher runs each in one
 * transaction with its audit entry.
 */
import type { Decision, EntityChange, EntitySummary } from '../../../../shared/domain/entities';
import { analyzeName, scriptsOf } from '../../../../shared/names';
import { CustodianError } from '../../../../shared/result';
import { entityWriter, getEntity, retireEntity, refreshEntityFacts } from '../../db/entities';
import { deleteEntityNames, entityNameInserter, getEntityNames } from '../../db/entity-names';
import { addJudgement } from '../../db/judgements';
import { entityNameRefs, entityNamesFromMentions, nameRowsOf } from '../../db/mention-names';
import type { WriteDb } from '../../db/types';
import { EffectRecorder } from './effect-recorder';
import { displayName } from '../resolve/display-name';

function activeEntity(db: WriteDb, id: number) {
  const e = getEntity(db, id);
  if (!e || e.mergedInto !== null || e.mentionCount === 0) {
    const into = e?.mergedInto ? ` (it was merged into entity ${e.mergedInto})` : '';
    throw new CustodianError('not_found', `There is no active entity ${id} in this case${into}.`);
  }
  return e;
}

function rebuildNames(db: WriteDb, id: number): void {
  deleteEntityNames(db, id);
  const insert = entityNameInserter(db);
  for (const n of entityNamesFromMentions(db, id)) {
    insert(id, {
      name: n.name,
      mentions: n.mentions,
      scripts: scriptsOf(n.name),
      legalForm: analyzeName(n.name).legal[0]?.display ?? null,
    });
  }
  refreshEntityFacts(db, id);
}

export function entitySummary(db: WriteDb, id: number): EntitySummary {
  const e = getEntity(db, id)!;
  const aliases = getEntityNames(db, id)
    .map((n) => n.name)
    .filter((n) => n !== e.name);
  return { id: e.id, name: e.name, country: e.country, aliases, mentions: e.mentionCount, identifiers: e.identifiers };
}

function mergeInto(db: WriteDb, rec: EffectRecorder, target: number, other: number): void {
  rec.moveNames(nameRowsOf(db, other), other, target);
  retireEntity(db, other, target);
  rec.moveQueuedPairs(other, target);
}

export function mergeEntities(db: WriteDb, ids: number[], actor: string, note: string): EntityChange {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw new CustodianError('invalid_input', 'Choose at least two different entities to merge.');
  const entities = unique.map((id) => activeEntity(db, id)).sort((a, b) => b.mentionCount - a.mentionCount);
  const target = entities[0]!;
  const others = entities.slice(1);
  const judgementId = addJudgement(db, {
    decision: 'same',
    sideA: entityNameRefs(db, target.id),
    sideB: others.flatMap((e) => entityNameRefs(db, e.id)),
    actor,
    note,
  });
  const rec = new EffectRecorder(db);
  for (const e of others) mergeInto(db, rec, target.id, e.id);
  rebuildNames(db, target.id);
  rec.save(judgementId);
  return { entity: entitySummary(db, target.id), judgementId };
}

export function splitEntity(db: WriteDb, id: number, names: string[], actor: string, note: string): EntityChange {
  activeEntity(db, id);
  const refs = entityNameRefs(db, id);
  const leaving = refs.filter((r) => names.includes(r.name));
  const staying = refs.filter((r) => !names.includes(r.name));
  const unknown = names.filter((n) => !refs.some((r) => r.name === n));
  if (unknown.length)
    throw new CustodianError('invalid_input', `Entity ${id} has no mention named ${JSON.stringify(unknown[0])}.`);
  if (staying.length === 0)
    throw new CustodianError('invalid_input', 'A split must leave at least one name with the entity.');
  const judgementId = addJudgement(db, { decision: 'not_same', sideA: leaving, sideB: staying, actor, note });
  const rec = new EffectRecorder(db);
  rec.entity(id);
  // The new entity is shown by the best of the names it takes (display-name.ts), as a resolve would name it.
  const counts = new Map<string, number>();
  for (const n of entityNamesFromMentions(db, id)) if (names.includes(n.name)) counts.set(n.name, n.mentions);
  const name = displayName(counts);
  const created = entityWriter(db).insert({ name, country: null, identifiers: [], mentionCount: 0 });
  rec.createdEntity(created);
  rec.moveNames(
    nameRowsOf(db, id).filter((r) => names.includes(r.raw)),
    id,
    created,
  );
  rebuildNames(db, id);
  rebuildNames(db, created);
  // The entity's names changed: its queued pairs were scored on names it may no longer have.
  rec.dropPairsOf(id);
  rec.save(judgementId);
  return { entity: entitySummary(db, created), judgementId };
}

export function decidePair(
  db: WriteDb,
  a: number,
  b: number,
  decision: Decision,
  actor: string,
  note: string,
): { judgementId: number; mergedInto: number | null } {
  if (a === b) throw new CustodianError('invalid_input', 'Choose two different entities.');
  const ea = activeEntity(db, a);
  const eb = activeEntity(db, b);
  const judgementId = addJudgement(db, {
    decision,
    sideA: entityNameRefs(db, a),
    sideB: entityNameRefs(db, b),
    actor,
    note,
  });
  const rec = new EffectRecorder(db);
  let mergedInto: number | null = null;
  if (decision === 'same') {
    const [target, other] = ea.mentionCount >= eb.mentionCount ? [a, b] : [b, a];
    mergeInto(db, rec, target, other);
    rebuildNames(db, target);
    mergedInto = target;
  } else if (decision === 'not_same') rec.dropPair(a, b);
  else rec.markUnsure(a, b);
  rec.save(judgementId);
  return { judgementId, mergedInto };
}
