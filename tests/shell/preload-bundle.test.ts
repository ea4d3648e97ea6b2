import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { IPC, type CustodianBridge, type MenuCommand } from '../../shared/bridge';
import { REPO } from '../helpers/temp';

/**
 * A sandboxed preload may require only 'electron' (and a few Node
 * built-ins we do not use): the bundle must be one self-contained CJS file.
 * Built here in memory with the options of scripts/build-node.mjs, then run
 * against a fake `electron` to see exactly what the page gets.
 */
async function bundlePreload(): Promise<string> {
  const out = await build({
    absWorkingDir: REPO,
    entryPoints: ['electron/preload/preload.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

function runPreload(code: string) {
  const exposed: Record<string, unknown> = {};
  const onHandlers: ((e: unknown, c: MenuCommand) => void)[] = [];
  const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer: {
      invoke,
      on: (channel: string, h: (e: unknown, c: MenuCommand) => void) => channel === IPC.menu && onHandlers.push(h),
    },
  };
  const required: string[] = [];
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports);
  const emit = (c: MenuCommand) => onHandlers.forEach((h) => h({}, c));
  return { bridge: exposed.custodian as CustodianBridge, exposed, required, invoke, emit };
}

describe('preload bundle', () => {
  it('requires nothing but electron and stays small', async () => {
    const code = await bundlePreload();
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code.length).toBeLessThan(20_000);
  });

  it('exposes exactly window.custodian = { call, shell: { pickOpenPath, pickSavePath, onMenu } }', async () => {
    const { exposed, bridge, required } = runPreload(await bundlePreload());
    expect(Object.keys(exposed)).toEqual(['custodian']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'shell']);
    expect(Object.keys(bridge.shell).sort()).toEqual(['onMenu', 'pickOpenPath', 'pickSavePath']);
    expect(required).toEqual(['electron']);
  });

  it('forwards calls and dialogs to the IPC channels of shared/bridge.ts', async () => {
    const { bridge, invoke } = runPreload(await bundlePreload());
    await bridge.call('case.info', {});
    await bridge.shell.pickOpenPath('customs');
    await bridge.shell.pickSavePath('pdf', 'brief.pdf');
    expect(invoke.mock.calls).toEqual([
      [IPC.call, 'case.info', {}],
      [IPC.pickOpen, 'customs'],
      [IPC.pickSave, 'pdf', 'brief.pdf'],
    ]);
    // Not even a string: refused before anything crosses.
    expect(await bridge.call(42 as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // A name outside the contract: refused in the preload too.
    expect(await bridge.call('shell.exec' as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(invoke).toHaveBeenCalledTimes(3);
  });

  it('keeps menu commands sent before the page listens, and stops after unsubscribe', async () => {
    const { bridge, emit } = runPreload(await bundlePreload());
    emit({ type: 'open-sample' });
    const seen: MenuCommand[] = [];
    const off = bridge.shell.onMenu((c) => seen.push(c));
    expect(seen).toEqual([{ type: 'open-sample' }]);
    emit({ type: 'open-path', path: '/a.case' });
    off();
    emit({ type: 'close-case' });
    expect(seen).toEqual([{ type: 'open-sample' }, { type: 'open-path', path: '/a.case' }]);
  });
});
