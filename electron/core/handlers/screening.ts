import type { ScreeningMethods } from '../../../shared/api/screening';
import { CustodianError } from '../../../shared/result';
import { recordPartyEntities } from '../db/mentions';
import { getEntry } from '../db/sanction-entries';
import { allLists, getVersion } from '../db/sanction-lists';
import { entityHitSummaries, getHit, latestRunId, listHits, setReview } from '../db/screening-hits';
import { hsDescriber } from '../../../shared/goods/hs-describe';
import { importList } from '../lists/import-list';
import { listDetail, listDiff } from '../lists/list-queries';
import { screenCase } from '../screening/screen';
import type { Handlers } from './types';

export const screeningHandlers: Handlers<ScreeningMethods> = {
  'lists.import': ({ session, actor }, input, control) => importList(session.db, input, actor, control),
  'lists.list': ({ session }) => allLists(session.db),
  'lists.get': ({ session }, { id }) => listDetail(session.db, id),
  'lists.diff': ({ session }, { versionId, limit }) => listDiff(session.db, versionId, limit),
  'lists.entry': ({ session }, { id }) => {
    const entry = getEntry(session.db, id);
    if (!entry) throw new CustodianError('not_found', `There is no list entry ${id} in this case.`);
    return entry;
  },
  'screening.run': ({ session, actor }, _input, control) => screenCase(session.db, actor, control),
  'hits.list': ({ session }, { runId, entityId, listId, status, limit, offset }) => {
    const run = runId ?? latestRunId(session.db);
    return run === null ? [] : listHits(session.db, { runId: run, entityId, listId, status }, limit, offset);
  },
  'hits.review': ({ core, session }, { id, status, note }) => {
    const hit = getHit(session.db, id);
    if (!hit) throw new CustodianError('not_found', `There is no screening hit ${id} in this case.`);
    const listId = getVersion(session.db, hit.versionId)!.listId;
    setReview(session.db, { entityId: hit.entityId, listId, externalId: hit.externalId }, status, note, core.actor);
    return getHit(session.db, id)!;
  },
  'hits.summary': ({ session }, { entityIds }) => {
    const run = latestRunId(session.db);
    return run === null ? [] : entityHitSummaries(session.db, run, entityIds);
  },
  'goods.describe': async (_ctx, { codes }) => {
    const describe = await hsDescriber();
    return codes.map((code) => ({ code, text: describe(code)?.levels.at(-1)?.text ?? null }));
  },
  'hits.records': ({ session }, { recordIds }) => {
    const run = latestRunId(session.db);
    if (run === null || recordIds.length === 0) return [];
    const parties = recordPartyEntities(session.db, recordIds);
    const summaries = new Map(
      entityHitSummaries(session.db, run, [...new Set(parties.map((p) => p.entityId))]).map((s) => [s.entityId, s]),
    );
    return parties.flatMap(({ recordId, role, entityId }) => {
      const summary = summaries.get(entityId);
      return summary ? [{ recordId, role, summary }] : [];
    });
  },
};
