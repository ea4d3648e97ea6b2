import type { RecordFilterInput } from '../../../shared/api/records';
import { CSV_BOM, csvLine } from '../../../shared/domain/csv';
import type { RecordField } from '../../../shared/domain/records';
import { CustodianError } from '../../../shared/result';
import { ENTITIES_CSV_HEADER, RECORDS_CSV_HEADER, entityCsvRow, recordCsvRow } from '../../../shared/domain/table-csv';
import { listEntities } from '../db/entities';
import { countRecords, iterateRecords } from '../db/records';
import type { ReadDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { entitiesFound } from '../search/entity-match';
import { recordFilter } from '../search/record-match';
import { writeBeside } from './write-beside';

const PROGRESS_EVERY = 5_000;

/**
 * The records view as CSV: every record its filters select, in its sort,
 * streamed from SQLite to the file (write-beside.ts), so a million rows keep
 * memory flat and a cancel leaves no file.
 */
export function writeRecordsCsv(
  db: ReadDb,
  path: string,
  query: RecordFilterInput & { sort?: RecordField | 'row' | 'chplTier'; desc?: boolean },
  control?: JobControl,
): { file: string; rows: number } {
  const { sort, desc, ...filterInput } = query;
  const filter = recordFilter(db, filterInput);
  const total = countRecords(db, filter);
  const { file, result } = writeBeside(path, (put) => {
    put(CSV_BOM + csvLine(RECORDS_CSV_HEADER));
    let done = 0;
    for (const r of iterateRecords(db, filter, sort, desc)) {
      put(csvLine(recordCsvRow(r)));
      if (++done % PROGRESS_EVERY === 0) {
        if (control?.signal.aborted)
          throw new CustodianError('cancelled', 'The export was cancelled; no file was written.');
        control?.progress(done / total, `${done.toLocaleString('en')} of ${total.toLocaleString('en')} records`);
      }
    }
    return done;
  });
  return { file, rows: result };
}

/** The entities list as CSV: all active entities, or those the query finds, in the list's order. */
export function writeEntitiesCsv(db: ReadDb, path: string, query?: string): { file: string; rows: number } {
  const entities = listEntities(db, entitiesFound(db, query), -1, 0);
  const { file } = writeBeside(path, (put) => {
    put(CSV_BOM + csvLine(ENTITIES_CSV_HEADER));
    for (const e of entities) put(csvLine(entityCsvRow(e)));
  });
  return { file, rows: entities.length };
}
