import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  OPEN_FILTERS,
  OPEN_KINDS,
  SAVE_KINDS,
  ensureExtension,
  openDialogOptions,
  pickOpenPath,
  pickSavePath,
  safeSuggestedName,
  saveDialogOptions,
} from '../../electron/main/dialogs';

describe('native dialogs', () => {
  it('offers the right file types per kind', () => {
    const exts = (kind: (typeof OPEN_KINDS)[number]) => OPEN_FILTERS[kind].filters[0]!.extensions;
    expect(exts('case')).toEqual(['case']);
    expect(exts('customs')).toEqual(['csv', 'tsv', 'txt', 'xlsx', 'jsonl']);
    expect(exts('document')).toEqual(
      expect.arrayContaining(['pdf', 'html', 'htm', 'mhtml', 'docx', 'txt', 'md', 'png', 'jpg']),
    );
    expect(exts('list')).toEqual(['csv', 'json', 'jsonl']);
    expect(openDialogOptions('case').properties).toEqual(['openFile']);
    // Every kind the bridge knows has a dialog.
    expect(OPEN_KINDS).toEqual(['case', 'customs', 'document', 'list']);
    expect(SAVE_KINDS).toEqual(['case', 'pdf', 'svg', 'jsonl', 'csv']);
  });

  it('keeps a suggested name a bare file name with the right extension', () => {
    expect(safeSuggestedName('Brief: Ulan-Ude', 'pdf')).toBe('Brief Ulan-Ude.pdf');
    expect(safeSuggestedName('../../../etc/cron.d/x', 'csv')).toBe('x.csv');
    expect(safeSuggestedName('C:\\Windows\\evil', 'case')).toBe('evil.case');
    expect(safeSuggestedName(undefined, 'svg')).toBe('untitled.svg');
    expect(safeSuggestedName('copy.case', 'case')).toBe('copy.case');
    expect(ensureExtension('/tmp/out.JSONL', 'jsonl')).toBe('/tmp/out.JSONL');
    expect(ensureExtension('/tmp/out', 'jsonl')).toBe('/tmp/out.jsonl');
    const save = saveDialogOptions('case', 'Sample copy', '/home/me/Documents');
    expect(save.defaultPath).toBe('/home/me/Documents/Sample copy.case');
    expect(save.filters).toEqual([{ name: 'Custodian case', extensions: ['case'] }]);
  });

  it('returns the chosen path, adds a missing extension, and null when cancelled', async () => {
    const dialog = {
      showOpenDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePaths: ['/data/a.csv'] })
        .mockResolvedValueOnce({ canceled: true, filePaths: [] }),
      showSaveDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePath: '/out/brief' })
        .mockResolvedValueOnce({ canceled: true, filePath: '' }),
    } as unknown as Dialog;
    const win = {} as BrowserWindow;
    expect(await pickOpenPath(dialog, win, 'customs')).toBe('/data/a.csv');
    expect(vi.mocked(dialog.showOpenDialog).mock.calls[0]![0]).toBe(win); // modal to the window
    expect(await pickOpenPath(dialog, null, 'case')).toBeNull();
    expect(await pickSavePath(dialog, null, 'pdf', 'brief')).toBe('/out/brief.pdf');
    expect(await pickSavePath(dialog, null, 'pdf', 'brief')).toBeNull();
  });
});
