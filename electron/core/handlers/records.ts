import type { RecordsMethods } from '../../../shared/api/records';
import { CustodianError } from '../../../shared/result';
import { getImport, listImports, listRejects } from '../db/imports';
import { countRecords, getRecord, listRecords } from '../db/records';
import { getSource } from '../db/sources';
import { searchAll } from '../search';
import { importFile } from '../import/import-file';
import { previewFile } from '../import/preview';
import type { Handlers } from './types';

export const recordsHandlers: Handlers<RecordsMethods> = {
  'import.preview': (_ctx, options) => previewFile(options),
  'import.run': ({ core, session }, options) => importFile(session.db, options, core.actor),
  'import.start': ({ core, session }, options) =>
    core.jobs.start('import', { casePath: session.path, actor: core.actor, options }),
  'imports.list': ({ session }) => listImports(session.db),
  'rejects.list': ({ session }, { importId }) => {
    if (!getImport(session.db, importId)) throw new CustodianError('not_found', `There is no import ${importId} in this case.`);
    return listRejects(session.db, importId);
  },
  'records.list': ({ session }, { limit, offset, ...filter }) => listRecords(session.db, filter, limit, offset),
  'records.count': ({ session }, filter) => countRecords(session.db, filter),
  'records.get': ({ session }, { id }) => {
    const found = getRecord(session.db, id);
    if (!found) throw new CustodianError('not_found', `There is no record ${id} in this case.`);
    const imp = getImport(session.db, found.record.importId)!;
    const source = getSource(session.db, imp.sourceId)!;
    return {
      record: found.record,
      provenance: {
        sourceId: source.id,
        fileName: source.fileName,
        sha256: source.sha256,
        mediaType: source.mediaType,
        importedAt: source.importedAt,
        importedBy: source.importedBy,
        importId: imp.id,
        row: found.record.row,
        columns: imp.columns,
        raw: found.raw,
      },
    };
  },
  'search.query': ({ session }, { query, limit }) => searchAll(session.db, query, limit),
};
