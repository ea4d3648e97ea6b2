import { rejectsCsv } from '../../../../shared/domain/rejects-csv';
import { client, shell } from '../../api/client';

/** A bare file name for an import's rejects: `rejects-<file>-import-<id>.csv`. */
export function rejectsFileName(importId: number, fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return `rejects-${stem}-import-${importId}.csv`;
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
  if (window.custodian) {
    const path = await shell.pickSavePath('csv', name, 'Export rejects as CSV');
    if (!path) return null;
    const r = await client.call('rejects.export', { importId, path });
    if (!r.ok) throw new Error(r.error.message);
    return `Saved ${r.value.rows.toLocaleString()} rejected rows to ${r.value.file}.`;
  }
  const r = await client.call('rejects.list', { importId });
  if (!r.ok) throw new Error(r.error.message);
  const url = URL.createObjectURL(new Blob([rejectsCsv(r.value)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${r.value.length.toLocaleString()} rejected rows as ${name}.`;
}
