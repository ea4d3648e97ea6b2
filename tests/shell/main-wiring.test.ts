import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC, type MenuCommand } from '../../shared/bridge';
import { REPO, tempDir } from '../helpers/temp';

/**
 * The Electron binary cannot run here, so main.ts is bundled as the build
 * does and run under Node against a fake `electron` module: enough to see
 * that the lifecycle is wired (window, security, IPC, menu, launch requests,
 * single instance, closing the case on quit) with the real core behind it.
 */
let bundle: Promise<string> | undefined;
const bundleMain = () =>
  (bundle ??= build({
    absWorkingDir: REPO,
    entryPoints: ['electron/main/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text));

type Handler = (event: unknown, ...args: unknown[]) => unknown;
interface MenuItem {
  label?: string;
  enabled?: boolean;
  submenu?: MenuItem[];
}

function fakeElectron(userData: string, gotLock = true) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => gotLock,
    getAppPath: () => REPO,
    getPath: (name: string) => join(userData, name),
    getVersion: () => '0.1.0',
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    addRecentDocument: vi.fn(),
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      sent: [] as [string, MenuCommand][],
      send: (channel: string, c: MenuCommand) => this.webContents.sent.push([channel, c]),
      setWindowOpenHandler: vi.fn(),
      mainFrame: { url: '' },
    });
    loaded: string | null = null;
    title = '';
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(path: string) {
      this.loaded = path;
      this.webContents.mainFrame.url = pathToFileURL(path).href;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    focus = vi.fn();
    restore = vi.fn();
    show = vi.fn();
    setTitle(t: string) {
      this.title = t;
    }
    static getAllWindows = () => windows;
    static getFocusedWindow = () => windows[0] ?? null;
  }
  const handlers = new Map<string, Handler>();
  const menus: MenuItem[][] = [];
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (c: string, h: Handler) => handlers.set(c, h) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: MenuItem[]) => menus.push(m) },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(),
    },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn() },
  };
  return { electron, app, windows, handlers, menus, session };
}

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

async function runMain(opts: { gotLock?: boolean } = {}) {
  const userData = tempDir();
  const fake = fakeElectron(userData, opts.gotLock);
  // Under plain Node the Node build of better-sqlite3 stands in for the Electron one npm start makes.
  process.env.CUSTODIAN_ELECTRON_SQLITE = join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  process.env.CUSTODIAN_OPEN_SAMPLE = '1';
  const realRequire = createRequire(join(REPO, 'out/main/main.cjs'));
  const require_ = (id: string) => (id === 'electron' ? fake.electron : realRequire(id));
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__dirname', '__filename', await bundleMain())(
    require_,
    module,
    module.exports,
    join(REPO, 'out/main'),
    join(REPO, 'out/main/main.cjs'),
  );
  await new Promise((r) => setTimeout(r, 10)); // whenReady().then(…)
  return { ...fake, userData };
}

const ownFrame = () => {
  const frame = { url: pathToFileURL(join(REPO, 'out/renderer/index.html')).href };
  return { sender: { mainFrame: frame }, senderFrame: frame };
};

describe('main process wiring (fake electron)', () => {
  it('opens one hardened window on the renderer, registers the IPC channels and a menu', async () => {
    const { windows, handlers, menus, session } = await runMain();
    expect(windows).toHaveLength(1);
    const win = windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join(REPO, 'out/preload/preload.cjs'),
    });
    expect(win.loaded).toBe(join(REPO, 'out/renderer/index.html'));
    expect(win.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect([...handlers.keys()].sort()).toEqual([IPC.call, IPC.pickOpen, IPC.pickSave].sort());
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(menus.at(-1)!.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('sends the launch request once the page has loaded, and forwards a second launch’s case', async () => {
    const { windows, app } = await runMain();
    const win = windows[0]!;
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-finish-load');
    expect(win.webContents.sent).toEqual([[IPC.menu, { type: 'open-sample' }]]);
    app.emit('second-instance', {}, ['/opt/custodian', '--flag', 'other.case'], '/home/me');
    expect(win.webContents.sent.at(-1)).toEqual([IPC.menu, { type: 'open-path', path: '/home/me/other.case' }]);
    expect(win.focus).toHaveBeenCalled();
    const openFile = { preventDefault: vi.fn() };
    app.emit('open-file', openFile, '/Users/me/mac.case');
    expect(openFile.preventDefault).toHaveBeenCalled();
    expect(win.webContents.sent.at(-1)).toEqual([IPC.menu, { type: 'open-path', path: '/Users/me/mac.case' }]);
  });

  it('answers our page through the real core, refreshes menu and title, and closes the case on quit', async () => {
    const { windows, handlers, menus, app, userData } = await runMain();
    const call = handlers.get(IPC.call)!;
    const path = join(userData, 'wired.case');
    expect(await call(ownFrame(), 'case.create', { path, title: 'Wired' })).toMatchObject({
      ok: true,
      value: { title: 'Wired' },
    });
    expect(windows[0]!.title).toBe('Wired — Custodian');
    const file = menus.at(-1)![0]!.submenu!;
    expect(file.find((i) => i.label === '&Close case')!.enabled).toBe(true);
    expect(app.addRecentDocument).toHaveBeenCalledWith(path);

    const stranger = { sender: { mainFrame: {} }, senderFrame: { url: 'https://evil.example/' } };
    expect(await call(stranger, 'case.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const beforeQuit = { preventDefault: vi.fn() };
    app.emit('before-quit', beforeQuit); // no jobs running: nothing to ask
    expect(beforeQuit.preventDefault).not.toHaveBeenCalled();
    app.emit('will-quit');
    expect(await call(ownFrame(), 'case.current', {})).toEqual({ ok: true, value: null });
  });

  it('does nothing but quit when another instance holds the lock', async () => {
    const { app, windows, handlers } = await runMain({ gotLock: false });
    expect(app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(handlers.size).toBe(0);
  });
});
