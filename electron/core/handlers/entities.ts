import type { EntitiesMethods } from '../../../shared/api/entities';
import { CustodianError } from '../../../shared/result';
import { countEntities, getEntity, listEntities, renameEntity } from '../db/entities';
import { listJudgements } from '../db/judgements';
import { listMentions } from '../db/mentions';
import { countReviewQueue } from '../db/review-queue';
import { decidePair, entitySummary, mergeEntities, splitEntity } from '../entities/review/decisions';
import { undoableJudgement, undoInPlace, undoJudgementAudited } from '../entities/review/undo';
import { entityDetail, reviewPairs } from '../entities/review/detail';
import { matchNames } from '../entities/pairs/match-names';
import { resolveCaseInThreads } from '../entities/resolve/resolve-case';
import { documentsMentioning } from '../documents/entity-mentions';
import { entitiesFound } from '../search/entity-match';
import { writeEntitiesCsv } from '../interchange/write-table-csv';
import { checkedJob, type Handlers } from './types';

export const entitiesHandlers: Handlers<EntitiesMethods> = {
  'entities.resolve': ({ session, actor }, _input, control) => resolveCaseInThreads(session.db, actor, control),
  'entities.list': ({ session }, { query, limit, offset }) =>
    listEntities(session.db, entitiesFound(session.db, query), limit, offset),
  'entities.count': ({ session }, { query }) => countEntities(session.db, entitiesFound(session.db, query)?.ids),
  'entities.exportCsv': ({ session }, { query, path }) => writeEntitiesCsv(session.db, path, query),
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
  'mentions.list': ({ session }, { entityId, recordId, limit, offset }) =>
    listMentions(session.db, { entityId, recordId }, limit, offset),
  'review.list': ({ session }, { limit, offset, from }) => reviewPairs(session.db, limit, offset, from),
  'review.count': ({ session }) => countReviewQueue(session.db),
  'review.decide': ({ core, session }, { entityA, entityB, decision, note }) =>
    decidePair(session.db, entityA, entityB, decision, core.actor, note),
  'judgements.list': ({ session }, { includeRevoked }) => listJudgements(session.db, includeRevoked),
  'judgements.undo': ({ core, session }, { id }) => undoInPlace(session.db, id, core.actor),
  'judgements.undoResolving': checkedJob<'judgements.undoResolving'>(
    ({ session }, { id }) => void undoableJudgement(session.db, id),
    ({ session, actor }, { id }, control) => undoJudgementAudited(session.db, id, actor, control),
  ),
  'names.match': (_ctx, { pairs, threshold }) => matchNames(pairs, threshold),
};
