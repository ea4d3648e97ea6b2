/** Lists as the app shows them: one with its versions, and what a version changed. */
import type { ListDetail, ListDiff } from '../../../shared/domain/screening';
import { CustodianError } from '../../../shared/result';
import { countEntriesNotIn, entriesNotIn } from '../db/sanction-entries';
import { getList, getVersion, listVersions, previousVersionId } from '../db/sanction-lists';
import type { ReadDb } from '../db/types';

export function listDetail(db: ReadDb, id: number): ListDetail {
  const list = getList(db, id);
  const versions = list ? listVersions(db, id) : [];
  if (!list || !versions.length) throw new CustodianError('not_found', `There is no list ${id} in this case.`);
  return { ...list, current: versions[0]!, versions };
}

export function listDiff(db: ReadDb, versionId: number, limit: number): ListDiff {
  const version = getVersion(db, versionId);
  if (!version) throw new CustodianError('not_found', `There is no list version ${versionId} in this case.`);
  const previous = previousVersionId(db, versionId);
  return {
    listId: version.listId,
    versionId,
    previousVersionId: previous,
    added: entriesNotIn(db, versionId, previous, limit),
    removed: previous === null ? [] : entriesNotIn(db, previous, versionId, limit),
    addedCount: countEntriesNotIn(db, versionId, previous),
    removedCount: previous === null ? 0 : countEntriesNotIn(db, previous, versionId),
  };
}
