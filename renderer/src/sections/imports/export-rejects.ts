import { rejectsCsv } from '../../../../shared/domain/rejects-csv';
import { client } from '../../api/client';
import { CSV_TYPE, download, fileStem, pickExportPath, savesToPath } from '../../api/save-export';

/** A bare file name for an import's rejects: `rejects-<file>-import-<id>.csv`. */
export function rejectsFileName(importId: number, fileName: string): string {
  return `rejects-${fileStem(fileName.replace(/\.[^.]+$/, ''))}-import-${importId}.csv`;
}

/**
 * Saves an import's rejected rows as CSV. In the desktop app the person
 * chooses where in the native dialog and the core writes the file
 * (`rejects.export`, the same file as `custodian rejects --csv`); a browser
 * cannot be handed a path on the machine, so there the same CSV is a download.
 * Resolves to what to tell the person, or null when they cancelled.
 */
export async function saveRejectsCsv(importId: number, fileName: string): Promise<string | null> {
  const name = rejectsFileName(importId, fileName);
  if (savesToPath()) {
    const path = await pickExportPath('csv', name, 'Export rejects as CSV');
    if (!path) return null;
    const r = await client.call('rejects.export', { importId, path });
    if (!r.ok) throw new Error(r.error.message);
    return `Saved ${r.value.rows.toLocaleString()} rejected rows to ${r.value.file}.`;
  }
  const r = await client.call('rejects.list', { importId });
  if (!r.ok) throw new Error(r.error.message);
  download([rejectsCsv(r.value)], name, CSV_TYPE);
  return `Downloaded ${r.value.length.toLocaleString()} rejected rows as ${name}.`;
}
