import { shell } from './client';

/**
 * Whether an export can be a file the core writes where the person chose
 * (the desktop app, with its native save dialog). A browser cannot hand the
 * bridge a path on the machine, so there an export is a download built from
 * the same API listing.
 */
export const savesToPath = (): boolean => Boolean(window.custodian);

/** Asks where to save (the native dialog); null when the person cancelled. */
export const pickExportPath = (kind: 'csv' | 'jsonl', suggestedName: string, title: string): Promise<string | null> =>
  shell.pickSavePath(kind, suggestedName, title);

/** Hands the browser a file to download, built from its parts (pages of CSV lines are not joined into one string). */
export function download(parts: BlobPart[], name: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const CSV_TYPE = 'text/csv;charset=utf-8';

/** A bare file name: the case's or a view's words, nothing a file system would choke on. */
export const fileStem = (text: string): string =>
  text
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'export';
