import type { BrowserWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { CustodianBridge } from '../../shared/bridge';

/** The kinds of file the renderer may ask to open or save (from the bridge contract). */
export type OpenKind = Parameters<CustodianBridge['shell']['pickOpenPath']>[0];
export type SaveKind = Parameters<CustodianBridge['shell']['pickSavePath']>[0];

export const OPEN_KINDS: readonly OpenKind[] = ['case', 'customs', 'document', 'list'];
export const SAVE_KINDS: readonly SaveKind[] = ['case', 'pdf', 'svg', 'jsonl', 'csv'];

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

/** What each open dialog offers; the first filter is the one selected. */
export const OPEN_FILTERS: Record<OpenKind, { title: string; filters: FileFilter[]; multi: boolean }> = {
  case: { title: 'Open case', filters: [{ name: 'Custodian case', extensions: ['case'] }], multi: false },
  customs: {
    title: 'Import customs records',
    filters: [
      { name: 'Customs records', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'jsonl'] },
      { name: 'CSV / TSV / text', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'Excel workbook', extensions: ['xlsx'] },
      { name: 'JSON lines', extensions: ['jsonl'] },
      ALL_FILES,
    ],
    multi: false,
  },
  document: {
    title: 'Add document',
    filters: [
      { name: 'Documents', extensions: ['pdf', 'html', 'htm', 'mhtml', 'docx', 'txt', 'md', 'png', 'jpg', 'jpeg'] },
      { name: 'PDF', extensions: ['pdf'] },
      { name: 'Web page', extensions: ['html', 'htm', 'mhtml'] },
      { name: 'Word document', extensions: ['docx'] },
      { name: 'Text', extensions: ['txt', 'md'] },
      { name: 'Image', extensions: ['png', 'jpg', 'jpeg'] },
      ALL_FILES,
    ],
    multi: false,
  },
  list: {
    title: 'Import sanctions list',
    filters: [{ name: 'Sanctions lists', extensions: ['csv', 'json', 'jsonl'] }, ALL_FILES],
    multi: false,
  },
};

/** What each save dialog offers, and the extension a chosen name must end with. */
export const SAVE_FILTERS: Record<SaveKind, { title: string; filter: FileFilter; extension: string }> = {
  case: { title: 'Save case', filter: { name: 'Custodian case', extensions: ['case'] }, extension: '.case' },
  pdf: { title: 'Save brief', filter: { name: 'PDF', extensions: ['pdf'] }, extension: '.pdf' },
  svg: { title: 'Save diagram', filter: { name: 'SVG image', extensions: ['svg'] }, extension: '.svg' },
  jsonl: { title: 'Export JSON lines', filter: { name: 'JSON lines', extensions: ['jsonl'] }, extension: '.jsonl' },
  csv: { title: 'Export CSV', filter: { name: 'CSV', extensions: ['csv'] }, extension: '.csv' },
};

export const isOpenKind = (k: unknown): k is OpenKind =>
  typeof k === 'string' && (OPEN_KINDS as readonly string[]).includes(k);
export const isSaveKind = (k: unknown): k is SaveKind =>
  typeof k === 'string' && (SAVE_KINDS as readonly string[]).includes(k);

export function openDialogOptions(kind: OpenKind): OpenDialogOptions {
  const spec = OPEN_FILTERS[kind];
  return {
    title: spec.title,
    filters: spec.filters,
    properties: spec.multi ? ['openFile', 'multiSelections'] : ['openFile'],
  };
}

/** The suggested name comes from the page: keep only a bare file name, never a path. */
export function safeSuggestedName(name: unknown, kind: SaveKind): string {
  const raw = typeof name === 'string' ? name : '';
  const base = raw
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f<>:"|?*]/g, '')
    .trim()
    .slice(0, 120);
  return ensureExtension(base || 'untitled', kind);
}

/** Linux dialogs do not add the extension of the chosen filter; we do. */
export function ensureExtension(path: string, kind: SaveKind): string {
  const ext = SAVE_FILTERS[kind].extension;
  return extname(path).toLowerCase() === ext ? path : path + ext;
}

export function saveDialogOptions(kind: SaveKind, suggestedName: unknown, defaultDir?: string): SaveDialogOptions {
  const spec = SAVE_FILTERS[kind];
  const name = safeSuggestedName(suggestedName, kind);
  return {
    title: spec.title,
    defaultPath: defaultDir ? join(defaultDir, name) : name,
    filters: [spec.filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Shows the open dialog for `kind`; null when cancelled. */
export async function pickOpenPath(dialog: Dialog, win: BrowserWindow | null, kind: OpenKind): Promise<string | null> {
  const options = openDialogOptions(kind);
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

/** Shows the save dialog for `kind`; null when cancelled. */
export async function pickSavePath(
  dialog: Dialog,
  win: BrowserWindow | null,
  kind: SaveKind,
  suggestedName: unknown,
  defaultDir?: string,
): Promise<string | null> {
  const options = saveDialogOptions(kind, suggestedName, defaultDir);
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : ensureExtension(r.filePath, kind);
}
