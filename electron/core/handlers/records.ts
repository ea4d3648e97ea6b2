import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RecordsMethods } from '../../../shared/api/records';
import { rejectsCsv } from '../../../shared/domain/rejects-csv';
import { CustodianError } from '../../../shared/result';
import { getImport, listImports, listRejects } from '../db/imports';
import { countRecords, listRecords } from '../db/records';
import { hitsWithHsText, withGoods, withHsText } from '../goods/describe-records';
import { listSavedMappings, saveMapping } from '../db/saved-mappings';
import { recordFilter } from '../search/record-match';
import { searchAll } from '../search/search-all';
import { importJobHandlers } from './import-jobs';
import { writeRecordsCsv } from '../interchange/write-table-csv';
import { builtinPresets, PRESETS } from '../import/mapping/presets';
import { previewFile } from '../import/preview';
import { recordWithProvenance } from '../import/provenance';
import type { ReadDb } from '../db/types';
import type { Handlers } from './types';

export const recordsHandlers: Handlers<RecordsMethods> = {
  'import.preview': ({ session }, options) => previewFile(session.db, options),
  ...importJobHandlers,
  'import.presets': ({ session }) => [...builtinPresets(), ...listSavedMappings(session.db)],
  'import.saveMapping': ({ core, session }, { name, mapping }) => {
    if (PRESETS[name])
      throw new CustodianError('invalid_input', `${name} is a built-in preset; choose another name for your mapping.`);
    return saveMapping(session.db, name, mapping, core.actor);
  },
  'imports.list': ({ session }) => listImports(session.db),
  'rejects.list': ({ session }, { importId, limit, offset }) => {
    mustHaveImport(session.db, importId);
    return listRejects(session.db, importId, limit, offset);
  },
  'rejects.export': ({ session }, { importId, path }) => {
    mustHaveImport(session.db, importId);
    const rejects = listRejects(session.db, importId);
    const file = resolve(path);
    writeFileSync(file, rejectsCsv(rejects));
    return { file, rows: rejects.length };
  },
  'records.list': ({ session }, { limit, offset, sort, desc, afterId, ...filter }) => {
    if (afterId !== undefined && sort && sort !== 'row') {
      throw new CustodianError('invalid_input', `afterId pages in record order; with sort ${sort}, page with offset.`);
    }
    return withHsText(listRecords(session.db, recordFilter(session.db, filter), limit, offset, sort, desc, afterId));
  },
  'records.count': ({ session }, filter) => countRecords(session.db, recordFilter(session.db, filter)),
  'records.exportCsv': ({ session }, { path, ...query }, control) => writeRecordsCsv(session.db, path, query, control),
  'records.get': ({ session }, { id }) => withGoods(recordWithProvenance(session.db, id)),
  'search.query': ({ session }, { query, limit, ...filter }) =>
    hitsWithHsText(searchAll(session.db, query, limit, filter)),
};

function mustHaveImport(db: ReadDb, importId: number): void {
  if (!getImport(db, importId)) throw new CustodianError('not_found', `There is no import ${importId} in this case.`);
}
