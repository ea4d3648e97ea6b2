import type { IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../shared/bridge';
import type { Result } from '../../shared/result';
import type { CaseInfo } from '../../shared/api';
import { INVOKE_CHANNELS, registerIpc, type IpcDeps } from '../../electron/main/ipc';
import { rendererUrl, type SenderInfo } from '../../electron/main/security';
import { tempCase } from '../helpers/temp';

const OWN = rendererUrl('/app/out/renderer/index.html');
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** An ipcMain stand-in that records handlers and refuses a second one per channel, as Electron does. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    invoke(channel: string, sender: SenderInfo, ...args: unknown[]) {
      return handlers.get(channel)!(sender as unknown as IpcMainInvokeEvent, ...args);
    },
  };
}

const ours: SenderInfo = { frameUrl: `${OWN}#/records`, isMainFrame: true };
const stranger: SenderInfo = { frameUrl: 'https://evil.example/', isMainFrame: true };
const iframe: SenderInfo = { frameUrl: OWN, isMainFrame: false };

async function setup(overrides: Partial<IpcDeps> = {}) {
  const { core, dir, path } = await tempCase('IPC case');
  const ipc = fakeIpcMain();
  const deps: IpcDeps = {
    core,
    ownUrl: OWN,
    pickOpen: vi.fn(async (kind) => `/picked/${kind}`),
    pickSave: vi.fn(async (kind, name) => `/saved/${kind}/${String(name)}`),
    afterCaseChange: vi.fn(),
    readSender: (e) => e as unknown as SenderInfo,
    ...overrides,
  };
  registerIpc(ipc, deps);
  return { ipc, deps, core, dir, path };
}

describe('IPC registration', () => {
  it('registers exactly one handler per invoke channel of shared/bridge.ts', async () => {
    const { ipc } = await setup();
    const invokeChannels = Object.values(IPC).filter((c) => c !== IPC.menu); // menu goes main → page
    expect([...ipc.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
    expect([...INVOKE_CHANNELS].sort()).toEqual([...invokeChannels].sort());
  });

  it('custodian:call refuses a stranger or an iframe and dispatches our page through the real core', async () => {
    const { ipc, core, path, deps } = await setup();
    for (const sender of [stranger, iframe, { frameUrl: null, isMainFrame: true }]) {
      const refused = (await ipc.invoke(IPC.call, sender, 'case.info', {})) as Result<unknown>;
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    }
    const info = (await ipc.invoke(IPC.call, ours, 'case.info', {})) as Result<CaseInfo>;
    expect(info).toMatchObject({ ok: true, value: { title: 'IPC case', path } });

    // Bad method names and bad inputs come back as results, never as exceptions across IPC.
    expect(await ipc.invoke(IPC.call, ours, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await ipc.invoke(IPC.call, ours, 'case.rename', { title: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });

    // A mutation goes through (and is audited by) the dispatcher; case changes refresh the shell.
    expect(await ipc.invoke(IPC.call, ours, 'case.rename', { title: 'Renamed' })).toMatchObject({
      ok: true,
      value: { title: 'Renamed' },
    });
    expect(deps.afterCaseChange).toHaveBeenCalledWith('case.rename');
    const audit = (await ipc.invoke(IPC.call, ours, 'audit.list', {})) as Result<{ action: string }[]>;
    expect(audit.ok && audit.value.map((a) => a.action)).toContain('case.rename');
    core.session?.close();
  });

  it('opens and closes cases for the page and tells the shell each time', async () => {
    const { ipc, core, path, deps } = await setup();
    expect(await ipc.invoke(IPC.call, ours, 'case.close', {})).toMatchObject({ ok: true });
    expect(core.session).toBeNull();
    expect(await ipc.invoke(IPC.call, ours, 'case.open', { path })).toMatchObject({ ok: true, value: { path } });
    expect(vi.mocked(deps.afterCaseChange!).mock.calls.map((c) => c[0])).toEqual(['case.close', 'case.open']);
    // A failed open does not refresh anything.
    const failed = (await ipc.invoke(IPC.call, ours, 'case.open', {
      path: join(path, 'nope.case'),
    })) as Result<unknown>;
    expect(failed.ok).toBe(false);
    expect(deps.afterCaseChange).toHaveBeenCalledTimes(2);
    core.session?.close();
  });

  it('shows dialogs only for our page and only for known kinds', async () => {
    const { ipc, deps, core } = await setup();
    expect(await ipc.invoke(IPC.pickOpen, ours, 'customs')).toBe('/picked/customs');
    expect(await ipc.invoke(IPC.pickSave, ours, 'pdf', 'brief.pdf')).toBe('/saved/pdf/brief.pdf');
    expect(await ipc.invoke(IPC.pickOpen, stranger, 'case')).toBeNull();
    expect(await ipc.invoke(IPC.pickSave, iframe, 'case', 'x')).toBeNull();
    expect(await ipc.invoke(IPC.pickOpen, ours, 'passwords')).toBeNull();
    expect(await ipc.invoke(IPC.pickSave, ours, 'exe', 'x.exe')).toBeNull();
    expect(deps.pickOpen).toHaveBeenCalledTimes(1);
    expect(deps.pickSave).toHaveBeenCalledTimes(1);
    core.session?.close();
  });
});
