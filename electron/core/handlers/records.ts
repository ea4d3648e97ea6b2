import type { RecordsMethods } from '../../../shared/api/records';
import { CustodianError } from '../../../shared/result';
import { getImport, listImports, listRejects } from '../db/imports';
import { countRecords, getRecord, listRecords } from '../db/records';
import { listSavedMappings, saveMapping } from '../db/saved-mappings';
import { getSource } from '../db/sources';
import { searchAll } from '../search';
import { importFile } from '../import/import-file';
import { builtinPresets, PRESETS } from '../import/presets';
import { previewFile } from '../import/preview';
import { rebuildRaw } from '../import/raw-row';
import { RECORD_FIELDS } from '../../../shared/domain/records';
import type { Handlers } from './types';

export const recordsHandlers: Handlers<RecordsMethods> = {
  'import.preview': ({ session }, options) => previewFile(session.db, options),
  'import.validate': ({ session, actor }, options, control) => importFile(session.db, options, actor, { dryRun: true, control }),
  'import.run': ({ session, actor }, options, control) => importFile(session.db, options, actor, { control }),
  'import.presets': ({ session }) => [...builtinPresets(), ...listSavedMappings(session.db)],
  'import.saveMapping': ({ core, session }, { name, mapping }) => {
    if (PRESETS[name]) throw new CustodianError('invalid_input', `${name} is a built-in preset; choose another name for your mapping.`);
    return saveMapping(session.db, name, mapping, core.actor);
  },
  'imports.list': ({ session }) => listImports(session.db),
  'rejects.list': ({ session }, { importId }) => {
    if (!getImport(session.db, importId)) throw new CustodianError('not_found', `There is no import ${importId} in this case.`);
    return listRejects(session.db, importId);
  },
  'records.list': ({ session }, { limit, offset, sort, desc, afterId, ...filter }) => {
    if (afterId !== undefined && sort && sort !== 'row') {
      throw new CustodianError('invalid_input', `afterId pages in record order; with sort ${sort}, page with offset.`);
    }
    return listRecords(session.db, filter, limit, offset, sort, desc, afterId);
  },
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
        raw: rebuildRaw(RECORD_FIELDS.map((f) => found.record[f]), found.raw, imp.columns, imp.mapping),
      },
    };
  },
  'search.query': ({ session }, { query, limit, ...filter }) => searchAll(session.db, query, limit, filter),
};
