import type { AuditEntry, AuditFilter } from '../../../../shared/api/case';
import { CSV_BOM, csvLine } from '../../../../shared/domain/csv';
import { AUDIT_CSV_HEADER, auditCsvRow } from '../../../../shared/domain/table-csv';
import { client } from '../../api/client';
import { CSV_TYPE, download, pickExportPath, savesToPath } from '../../api/save-export';

const PAGE = 10_000;

/**
 * Saves the audit entries the filter selects, oldest first, as CSV or JSON
 * lines: in the desktop app the core writes the file chosen in the save
 * dialog (`audit.export`); in a browser the same text is a download.
 * Resolves to what to tell the person, or null when they cancelled.
 */
export async function saveAudit(filter: AuditFilter, format: 'csv' | 'jsonl'): Promise<string | null> {
  const name = `audit-log.${format}`;
  if (savesToPath()) {
    const path = await pickExportPath(format, name, 'Export the audit log');
    if (!path) return null;
    const r = await client.call('audit.export', { ...filter, path, format });
    if (!r.ok) throw new Error(r.error.message);
    return `Saved ${entriesText(r.value.entries)} to ${r.value.file}.`;
  }
  const entries: AuditEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = await client.call('audit.list', { ...filter, limit: PAGE, offset });
    if (!r.ok) throw new Error(r.error.message);
    entries.push(...r.value);
    if (r.value.length < PAGE) break;
  }
  entries.reverse(); // oldest first, as the log was written and as the core's export writes it
  const parts =
    format === 'csv'
      ? [CSV_BOM + csvLine(AUDIT_CSV_HEADER), ...entries.map((e) => csvLine(auditCsvRow(e)))]
      : entries.map((e) => `${JSON.stringify(e)}\n`);
  download(parts, name, format === 'csv' ? CSV_TYPE : 'application/jsonl;charset=utf-8');
  return `Downloaded ${entriesText(entries.length)} as ${name}.`;
}

export const entriesText = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'}`;
