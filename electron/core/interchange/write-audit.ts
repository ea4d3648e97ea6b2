import type { AuditFilter } from '../../../shared/api/case';
import { CSV_BOM, csvLine } from '../../../shared/domain/csv';
import { AUDIT_CSV_HEADER, auditCsvRow } from '../../../shared/domain/table-csv';
import { iterateAudit } from '../db/audit-log';
import type { ReadDb } from '../db/types';
import { writeBeside } from './write-beside';

/**
 * The audit entries a filter selects, oldest first, as CSV (formula-safe,
 * shared/domain/csv.ts) or as JSON lines (one entry per line, its detail as
 * the JSON it was written as).
 */
export function writeAudit(
  db: ReadDb,
  path: string,
  format: 'csv' | 'jsonl',
  filter: AuditFilter,
): { file: string; entries: number } {
  const { file, result } = writeBeside(path, (put) => {
    let n = 0;
    if (format === 'csv') put(CSV_BOM + csvLine(AUDIT_CSV_HEADER));
    for (const e of iterateAudit(db, filter)) {
      put(format === 'csv' ? csvLine(auditCsvRow(e)) : `${JSON.stringify(e)}\n`);
      n++;
    }
    return n;
  });
  return { file, entries: result };
}
