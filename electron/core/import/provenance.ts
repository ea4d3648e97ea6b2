import { RECORD_FIELDS, type RecordDetail } from '../../../shared/domain/records';
import { CustodianError } from '../../../shared/result';
import { getImport } from '../db/imports';
import { getRecord } from '../db/records';
import { getSource } from '../db/sources';
import type { ReadDb } from '../db/types';
import { rebuildRaw } from './normalize/raw-row';

/**
 * A record with where it came from: the source file (name, SHA-256, who
 * imported it when), the import and row, and the row exactly as read,
 * rebuilt from the record's values, the import's header and mapping and
 * the raw values kept beside them (normalize/raw-row.ts).
 */
export function recordWithProvenance(db: ReadDb, id: number): RecordDetail {
  const found = getRecord(db, id);
  if (!found) throw new CustodianError('not_found', `There is no record ${id} in this case.`);
  const imp = getImport(db, found.record.importId)!;
  const source = getSource(db, imp.sourceId)!;
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
      raw: rebuildRaw(
        RECORD_FIELDS.map((f) => found.record[f]),
        found.raw,
        imp.columns,
        imp.mapping,
      ),
    },
  };
}
