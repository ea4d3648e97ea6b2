import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import { IPC } from '../../shared/bridge';
import { createCore } from '../core/create-core';
import { dispatch } from '../core/dispatch';
import { setNativeBinding } from '../core/db/connection';

/** THIN FIRST VERSION: the shell issue work deepens this (menus, recent, security module). */
if (!app.requestSingleInstanceLock()) app.quit();

const appRoot = join(__dirname, '..', '..');
if (process.env.CUSTODIAN_ELECTRON_SQLITE) setNativeBinding(process.env.CUSTODIAN_ELECTRON_SQLITE);
const core = createCore({
  appDataDir: app.getPath('userData'),
  sampleDir: app.isPackaged ? join(process.resourcesPath, 'sample') : join(appRoot, 'build', 'sample'),
  workerScript: join(appRoot, 'out', 'node', 'job-worker.cjs'),
});

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    webPreferences: {
      preload: join(appRoot, 'out', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  void win.loadFile(join(appRoot, 'out', 'renderer', 'index.html'));
  return win;
}

ipcMain.handle(IPC.call, (_e, method: unknown, input: unknown) => dispatch(core, method, input));
ipcMain.handle(IPC.pickOpen, async () => {
  const r = await dialog.showOpenDialog({ properties: ['openFile'] });
  return r.canceled ? null : (r.filePaths[0] ?? null);
});
ipcMain.handle(IPC.pickSave, async (_e, _kind: string, suggestedName: string) => {
  const r = await dialog.showSaveDialog({ defaultPath: suggestedName });
  return r.canceled ? null : (r.filePath ?? null);
});

void app.whenReady().then(createWindow);
app.on('window-all-closed', () => {
  core.session?.close();
  app.quit();
});
