/**
 * The investigator's decisions: merge, split, same / not the same / unsure.
 * Each is stored as a judgement (who, when, the names on each side) that
 * every later resolve applies before any automatic evidence, and is applied
 * to the case at once. Undo revokes the judgement (it stays, marked) and
 * resolves again. The dispatcher runs each in one transaction with its
 * audit entry.
 */
import type { Decision, EntityChange, EntitySummary, ResolveSummary } from '../../../../shared/domain/entities';
import { analyzeName, scriptsOf } from '../../../../shared/names';
import { CustodianError } from '../../../../shared/result';
import { entityWriter, getEntity, retireEntity, refreshEntityFacts } from '../../db/entities';
import { deleteEntityNames, entityNameInserter, getEntityNames } from '../../db/entity-names';
import { addJudgement, getJudgement, revokeJudgement } from '../../db/judgements';
import { entityNameRefs, entityNamesFromMentions, moveNames, moveNamesWritten } from '../../db/mention-names';
import { markReviewUnsure, removeReviewFor, removeReviewPair } from '../../db/review-queue';
import { appendAudit } from '../../db/audit-log';
import type { ReadDb, WriteDb } from '../../db/types';
import type { JobControl } from '../../jobs/protocol';
import { resolveCase } from '../resolve/resolve-case';

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
    insert(id, { name: n.name, mentions: n.mentions, scripts: scriptsOf(n.name), legalForm: analyzeName(n.name).legal[0]?.display ?? null });
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

function mergeInto(db: WriteDb, target: number, other: number): void {
  moveNames(db, other, target);
  retireEntity(db, other, target);
  removeReviewFor(db, other);
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
  for (const e of others) mergeInto(db, target.id, e.id);
  rebuildNames(db, target.id);
  return { entity: entitySummary(db, target.id), judgementId };
}

export function splitEntity(db: WriteDb, id: number, names: string[], actor: string, note: string): EntityChange {
  activeEntity(db, id);
  const refs = entityNameRefs(db, id);
  const leaving = refs.filter((r) => names.includes(r.name));
  const staying = refs.filter((r) => !names.includes(r.name));
  const unknown = names.filter((n) => !refs.some((r) => r.name === n));
  if (unknown.length) throw new CustodianError('invalid_input', `Entity ${id} has no mention named ${JSON.stringify(unknown[0])}.`);
  if (staying.length === 0) throw new CustodianError('invalid_input', 'A split must leave at least one name with the entity.');
  const judgementId = addJudgement(db, { decision: 'not_same', sideA: leaving, sideB: staying, actor, note });
  const created = entityWriter(db).insert({ name: names[0]!, country: null, identifiers: [], mentionCount: 0 });
  moveNamesWritten(db, id, created, names);
  rebuildNames(db, id);
  rebuildNames(db, created);
  removeReviewFor(db, id);
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
  const judgementId = addJudgement(db, { decision, sideA: entityNameRefs(db, a), sideB: entityNameRefs(db, b), actor, note });
  if (decision === 'same') {
    const [target, other] = ea.mentionCount >= eb.mentionCount ? [a, b] : [b, a];
    mergeInto(db, target, other);
    rebuildNames(db, target);
    return { judgementId, mergedInto: target };
  }
  if (decision === 'not_same') removeReviewPair(db, a, b);
  else markReviewUnsure(db, a, b);
  return { judgementId, mergedInto: null };
}

/** Refuses a judgement that is not there or was undone already. */
export function undoableJudgement(db: ReadDb, id: number): void {
  const j = getJudgement(db, id);
  if (!j) throw new CustodianError('not_found', `There is no judgement ${id} in this case.`);
  if (j.revokedAt) throw new CustodianError('invalid_input', `Judgement ${id} was already undone on ${j.revokedAt}.`);
}

export function undoJudgement(db: WriteDb, id: number, actor: string, control?: JobControl): ResolveSummary {
  undoableJudgement(db, id);
  revokeJudgement(db, id, actor);
  return resolveCase(db, actor, control);
}

/**
 * Undo as a background job (a big case takes as long to resolve again as a resolve): one transaction with
 * its audit entry, as the dispatcher would write it, so that a cancelled job leaves the case as it was.
 */
export function undoJudgementAudited(db: WriteDb, id: number, actor: string, control?: JobControl): ResolveSummary {
  return db
    .transaction(() => {
      const summary = undoJudgement(db, id, actor, control);
      appendAudit(db, actor, 'judgements.undo', { id });
      return summary;
    })
    .immediate();
}
