import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import type { MenuCommand } from '../../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { CoreContext } from '../core/context';
import { createCore } from '../core/create-core';
import { setNativeBinding } from '../core/db/connection';
import { readRecent } from '../core/recent';
import { pickOpenPath, pickSavePath } from './dialogs';
import { registerIpc } from './ipc';
import { launchRequest } from './launch';
import { buildMenuTemplate } from './menu';
import { chooseNativeBinding } from './native-binding';
import { shellPaths } from './paths';
import { QUIT_ANYWAY, quitQuestion } from './quit-guard';
import { hardenApp, hardenSession, rendererUrl } from './security';
import { createMainWindow, type MainWindow } from './window';

/**
 * The Electron shell's lifecycle: one instance, one window, one core. The
 * page decides what to do with a case (it owns the flows and their errors);
 * the shell forwards what the OS asks for (a .case double-clicked, a second
 * launch, a menu item) to the page as MenuCommands.
 */

if (!app.requestSingleInstanceLock()) {
  // Another Custodian is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  const paths = shellPaths({
    appRoot: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });
  const binding = chooseNativeBinding({
    env: process.env,
    isPackaged: app.isPackaged,
    appRoot: app.getAppPath(),
    electronVersion: process.versions.electron,
    exists: existsSync,
  });
  if (binding.path) {
    setNativeBinding(binding.path);
    // Job worker threads inherit this environment; our worker entry (job-worker.ts) sets it there.
    process.env.CUSTODIAN_ELECTRON_SQLITE = binding.path;
  }
  const core = createCore({
    appDataDir: app.getPath('userData'),
    sampleDir: paths.sampleDir,
    workerScript: paths.workerScript,
  });
  const ownUrl = rendererUrl(paths.rendererIndex);

  const quitting = quitConfirmation(core);
  let main: MainWindow | null = null;
  // What the OS asked for before the window existed (argv, macOS open-file before ready).
  let pending: MenuCommand | null = launchRequest(process.argv, process.cwd(), process.env);
  const deliver = (command: MenuCommand) => {
    if (main && !main.win.isDestroyed()) main.send(command);
    else pending = command;
  };

  app.on('open-file', (event, path) => {
    event.preventDefault();
    deliver({ type: 'open-path', path });
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (main && !main.win.isDestroyed()) {
      if (main.win.isMinimized()) main.win.restore();
      main.win.focus();
    }
    const request = launchRequest(argv, workingDirectory, {});
    if (request) deliver(request);
  });
  hardenApp(app);

  const about = () =>
    void dialog.showMessageBox({
      type: 'info',
      message: `Custodian ${app.getVersion()}`,
      detail:
        'An offline evidence app for investigators tracing trade in sensitive goods through customs records.\n\n' +
        `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    });

  const refresh = () => {
    const info = safeInfo(core);
    const template = buildMenuTemplate({
      appName: 'Custodian',
      platform: process.platform,
      isPackaged: app.isPackaged,
      recent: readRecent(core.appDataDir),
      hasCase: info !== null,
      readOnly: info?.readOnly ?? false,
      send: deliver,
      about,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    if (main && !main.win.isDestroyed()) {
      main.win.setTitle(info ? `${info.title || 'Untitled case'} — Custodian` : 'Custodian');
      if (process.platform === 'darwin') main.win.setRepresentedFilename(info?.path ?? '');
    }
    if (info) app.addRecentDocument(info.path);
  };

  const openWindow = () => {
    main = createMainWindow(paths, process.platform);
    const win = main.win;
    win.on('close', (event) => {
      if (quitting.confirmed || core.jobs.running().length === 0) return;
      event.preventDefault();
      void quitting.ask(win).then((yes) => yes && win.close());
    });
    if (pending) {
      main.send(pending);
      pending = null;
    }
    refresh();
  };

  app.on('before-quit', (event) => {
    if (quitting.confirmed || core.jobs.running().length === 0) return;
    event.preventDefault();
    void quitting.ask(main?.win ?? null).then((yes) => yes && app.quit());
  });
  app.on('will-quit', () => closeCase(core));
  app.on('window-all-closed', () => {
    closeCase(core);
    // macOS keeps the app alive without windows; 'activate' opens a new one.
    if (process.platform !== 'darwin') app.quit();
    else refresh();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, CONTENT_SECURITY_POLICY);
    registerIpc(ipcMain, {
      core,
      ownUrl,
      pickOpen: (kind) => pickOpenPath(dialog, BrowserWindow.getFocusedWindow(), kind),
      pickSave: (kind, name) =>
        pickSavePath(dialog, BrowserWindow.getFocusedWindow(), kind, name, app.getPath('documents')),
      afterCaseChange: refresh,
    });
    openWindow();
    if (binding.problem) dialog.showErrorBox('Custodian cannot open cases', binding.problem);
  });
}

function safeInfo(core: CoreContext) {
  try {
    return core.session?.info() ?? null;
  } catch {
    return null;
  }
}

/** Closes the open case cleanly (WAL checkpointed by SQLite on close). */
function closeCase(core: CoreContext): void {
  try {
    core.session?.close();
  } finally {
    core.session = null;
  }
}

/** One "jobs are running, quit anyway?" dialog at a time; a yes cancels the jobs. */
function quitConfirmation(core: CoreContext) {
  let asking: Promise<boolean> | null = null;
  const state = {
    confirmed: false,
    ask(win: BrowserWindow | null): Promise<boolean> {
      const question = quitQuestion(core.jobs.running());
      if (!question) return Promise.resolve((state.confirmed = true));
      asking ??= (win ? dialog.showMessageBox(win, question) : dialog.showMessageBox(question))
        .then(({ response }) => {
          if (response !== QUIT_ANYWAY) return false;
          for (const job of core.jobs.running()) core.jobs.cancel(job.jobId);
          state.confirmed = true;
          return true;
        })
        .finally(() => {
          asking = null;
        });
      return asking;
    },
  };
  return state;
}
