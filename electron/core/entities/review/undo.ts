/**
 * Undoing a judgement: it is revoked (kept, marked) and what it changed is
 * put back in place, from the effect it kept (effect-recorder.ts): the names
 * it moved return to the entities they came from, those entities get their
 * ids, facts and names back, an entity it created is retired (leading to
 * where its names went), and the review queue gets its rows back. A few
 * statements, not a resolve.
 *
 * Where that can no longer be done exactly (refusedInPlace says when),
 * `judgements.undo` refuses, and `judgements.undoResolving` (a job) resolves
 * the case again without the judgement instead, with the names it had moved
 * voting for the entities they came from, so that those come back under
 * their ids.
 */
import type { UndoSummary } from '../../../../shared/domain/entities';
import { CustodianError } from '../../../../shared/result';
import { appendAudit } from '../../db/audit-log';
import { restoreEntityFacts, retireEntity, survivorOf } from '../../db/entities';
import { deleteEntityNames, replaceEntityNames } from '../../db/entity-names';
import {
  getJudgement,
  laterJudgements,
  resolveRun,
  revokeJudgement,
  type JudgementEffect,
  type StoredJudgement,
} from '../../db/judgements';
import { countNameRowsIn, returnNameRows } from '../../db/mention-names';
import { putQueueRow } from '../../db/review-queue';
import type { ReadDb, WriteDb } from '../../db/types';
import type { JobControl } from '../../jobs/protocol';
import { nameKey, type Homecoming } from '../resolve/previous-entities';
import { resolveCase } from '../resolve/resolve-case';

/** A judgement that is there and in force, or a refusal. */
export function undoableJudgement(db: ReadDb, id: number): StoredJudgement {
  const j = getJudgement(db, id);
  if (!j) throw new CustodianError('not_found', `There is no judgement ${id} in this case.`);
  if (j.revokedAt) throw new CustodianError('invalid_input', `Judgement ${id} was already undone on ${j.revokedAt}.`);
  return j;
}

/** The entities and queue rows an effect changed. */
function touched(e: JudgementEffect): { entities: Set<number>; rows: Set<number> } {
  const entities = new Set(e.entities.map((x) => x.id));
  if (e.to !== null) entities.add(e.to);
  if (e.created !== null) entities.add(e.created);
  return { entities, rows: new Set(e.queue.map((r) => r.id)) };
}

/**
 * Why the judgement's effect can no longer be put back as it was, or null when it can. Its before-images hold only
 * while nothing else has changed what it changed since: a resolve writes every name row and entity again (the
 * judgement then holds through the resolve, and other names may have joined on its strength), and a later
 * decision on the same entities or queue rows changed them on top of it (undo that one first to undo in place).
 */
function refusedInPlace(db: ReadDb, j: StoredJudgement): string | null {
  const effect = j.effect;
  if (!effect) return 'it was made before Custodian kept what a decision changes';
  if (effect.run !== resolveRun(db)) return 'entities were resolved again since';
  const mine = touched(effect);
  for (const later of laterJudgements(db, j.id)) {
    const theirs = later.effect && touched(later.effect);
    if (
      !theirs ||
      [...theirs.entities].some((e) => mine.entities.has(e)) ||
      [...theirs.rows].some((r) => mine.rows.has(r))
    )
      return `a later decision (${later.id}) changed the same entities`;
  }
  if (
    effect.to !== null &&
    countNameRowsIn(
      db,
      effect.moved.map((m) => m.id),
      effect.to,
    ) !== effect.moved.length
  )
    return 'names it moved have moved since';
  return null;
}

function putBack(db: WriteDb, effect: JudgementEffect): number[] {
  returnNameRows(db, effect.moved);
  for (const e of effect.entities) {
    restoreEntityFacts(db, e);
    replaceEntityNames(db, e.id, e.names);
  }
  if (effect.created !== null) {
    // A split's new entity has no names left: it leads to the entity they returned to.
    retireEntity(db, effect.created, effect.moved[0]?.from ?? null);
    deleteEntityNames(db, effect.created);
  }
  // A pair's entity a later merge took away (one that moved no row of these: a decided pair's) is its survivor's.
  for (const row of effect.queue) {
    const [a, b] = [survivorOf(db, row.entityA), survivorOf(db, row.entityB)];
    if (a !== null && b !== null && a !== b) putQueueRow(db, { ...row, entityA: a, entityB: b });
  }
  return [...touched(effect).entities].sort((a, b) => a - b);
}

/** For the resolve that undoes a judgement: where the names it moved came from (see Homecoming). */
function homecoming(effect: JudgementEffect | null): Homecoming {
  const names = new Map<string, number>();
  const leadsTo = new Map<number, number>();
  for (const m of effect?.moved ?? []) names.set(nameKey(m.raw, m.identifier, m.country), m.from);
  if (effect?.created != null && effect.moved[0]) leadsTo.set(effect.created, effect.moved[0].from);
  return { names, leadsTo };
}

/**
 * `judgements.undo`: in place, or refused (`needs_resolve`) where that can no longer be done; the dispatcher runs it
 * in one transaction with its audit entry.
 */
export function undoInPlace(db: WriteDb, id: number, actor: string): UndoSummary {
  const started = Date.now();
  const j = undoableJudgement(db, id);
  const refused = refusedInPlace(db, j);
  if (refused !== null)
    throw new CustodianError(
      'needs_resolve',
      `Decision ${id} cannot be undone in place (${refused}): undoing it resolves the case again.`,
    );
  revokeJudgement(db, id, actor);
  const entities = putBack(db, j.effect!);
  return {
    judgementId: id,
    how: 'local',
    entities,
    resolve: null,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/**
 * `judgements.undoResolving`, a job: in place where it can be, else by resolving again (as long as a resolve). One
 * transaction with its audit entry, as the dispatcher would write it, so that a cancelled job leaves the case as it was.
 */
export function undoJudgementAudited(db: WriteDb, id: number, actor: string, control?: JobControl): UndoSummary {
  const started = Date.now();
  return db
    .transaction((): UndoSummary => {
      const j = undoableJudgement(db, id);
      const refused = refusedInPlace(db, j);
      revokeJudgement(db, id, actor);
      const seconds = () => Math.round((Date.now() - started) / 100) / 10;
      if (refused === null) {
        const entities = putBack(db, j.effect!);
        appendAudit(db, actor, 'judgements.undoResolving', { id, how: 'local', entities });
        return { judgementId: id, how: 'local', entities, resolve: null, seconds: seconds() };
      }
      control?.progress(0.02, `Resolving again: ${refused}…`);
      const resolve = resolveCase(db, actor, control, homecoming(j.effect));
      appendAudit(db, actor, 'judgements.undoResolving', { id, how: 'resolved', why: refused });
      return { judgementId: id, how: 'resolved', entities: [], resolve, seconds: seconds() };
    })
    .immediate();
}
