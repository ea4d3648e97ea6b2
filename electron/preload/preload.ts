import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHOD_NAMES } from '../../shared/api/method-names';
import { IPC, type CustodianBridge, type MenuCommand } from '../../shared/bridge';
import type { Result } from '../../shared/result';

/**
 * The page's only door to the backend: one `call` for the contract's
 * methods and two dialogs. No ipcRenderer, no Node, nothing else is exposed.
 * Method names are whitelisted here from a plain list (the contract itself
 * would bundle zod and every schema, ~750 KB, into each page load); inputs
 * are parsed with the contract's schemas on the main side (dispatch).
 *
 * Runs sandboxed: it may only require('electron'); the build bundles it into
 * one CJS file, and tests/shell/preload-bundle.test.ts checks that.
 */

// Menu commands that arrive before the page subscribes (the case to open at
// launch is sent as soon as the page loads, maybe before React's effects run)
// are kept and handed to the first listener.
const listeners = new Set<(command: MenuCommand) => void>();
const early: MenuCommand[] = [];
ipcRenderer.on(IPC.menu, (_e: IpcRendererEvent, command: MenuCommand) => {
  if (listeners.size === 0) early.push(command);
  else for (const l of listeners) l(command);
});

const allowed = new Set(API_METHOD_NAMES);

const bridge = {
  call: (method, input) => {
    if (typeof method !== 'string' || !allowed.has(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_method', message: `There is no API method ${String(method)}.` },
      });
    }
    return ipcRenderer.invoke(IPC.call, method, input) as Promise<Result<never>>;
  },
  shell: {
    pickOpenPath: (kind) => ipcRenderer.invoke(IPC.pickOpen, kind) as Promise<string | null>,
    pickSavePath: (kind, suggestedName) =>
      ipcRenderer.invoke(IPC.pickSave, kind, suggestedName) as Promise<string | null>,
    onMenu: (listener) => {
      // A copy: the page's function is wrapped by contextBridge, ours stays in this world.
      const l = (command: MenuCommand) => listener(command);
      listeners.add(l);
      for (const c of early.splice(0)) l(c);
      return () => {
        listeners.delete(l);
      };
    },
  },
} satisfies CustodianBridge;

contextBridge.exposeInMainWorld('custodian', bridge);
