import type { EntitiesMethods } from '../../../shared/api/entities';
import { CustodianError } from '../../../shared/result';
import { countEntities, getEntity, listEntities, renameEntity } from '../db/entities';
import { listJudgements } from '../db/judgements';
import { listMentions } from '../db/mentions';
import { countReviewQueue } from '../db/review-queue';
import { decidePair, entitySummary, mergeEntities, splitEntity, undoableJudgement, undoJudgement } from '../entities/review/decisions';
import { entityDetail, reviewPairs } from '../entities/review/detail';
import { matchNames } from '../entities/pairs/match-names';
import { resolveCaseInThreads } from '../entities/resolve/resolve-case';
import { documentsMentioning } from '../documents/entity-mentions';
import type { Handlers } from './types';

export const entitiesHandlers: Handlers<EntitiesMethods> = {
  'entities.resolve': ({ core, session }) => resolveCaseInThreads(session.db, core.actor, core.workerScript),
  'entities.resolveStart': ({ core, session }) => core.jobs.start('entities.resolve', { casePath: session.path, actor: core.actor }),
  'entities.list': ({ session }, { query, limit, offset }) => listEntities(session.db, query, limit, offset),
  'entities.count': ({ session }, { query }) => countEntities(session.db, query),
  'entities.get': ({ session }, { id }) => entityDetail(session.db, id),
  'entities.documents': ({ session }, { id }) => {
    const detail = entityDetail(session.db, id);
    return documentsMentioning(session.db, [detail.name, ...detail.names.map((n) => n.name)]);
  },
  'entities.rename': ({ session }, { id, name }) => {
    if (!getEntity(session.db, id)) throw new CustodianError('not_found', `There is no entity ${id} in this case.`);
    renameEntity(session.db, id, name);
    return entitySummary(session.db, id);
  },
  'entities.merge': ({ core, session }, { ids, note }) => mergeEntities(session.db, ids, core.actor, note),
  'entities.split': ({ core, session }, { id, names, note }) => splitEntity(session.db, id, names, core.actor, note),
  'mentions.list': ({ session }, { entityId, recordId, limit, offset }) => listMentions(session.db, { entityId, recordId }, limit, offset),
  'review.list': ({ session }, { limit, offset }) => reviewPairs(session.db, limit, offset),
  'review.count': ({ session }) => countReviewQueue(session.db),
  'review.decide': ({ core, session }, { entityA, entityB, decision, note }) =>
    decidePair(session.db, entityA, entityB, decision, core.actor, note),
  'judgements.list': ({ session }, { includeRevoked }) => listJudgements(session.db, includeRevoked),
  'judgements.undo': ({ core, session }, { id }) => undoJudgement(session.db, id, core.actor),
  'judgements.undoStart': ({ core, session }, { id }) => {
    undoableJudgement(session.db, id);
    return core.jobs.start('judgements.undo', { casePath: session.path, actor: core.actor, judgementId: id });
  },
  'names.match': (_ctx, { pairs, threshold }) => matchNames(pairs, threshold),
};
