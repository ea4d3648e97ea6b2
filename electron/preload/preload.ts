import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName } from '../../shared/api';
import { IPC, type CustodianBridge, type MenuCommand } from '../../shared/bridge';
import type { Result } from '../../shared/result';

/**
 * The page's only door to the backend: one `call` for the contract's
 * methods (names checked against the contract before anything crosses) and
 * two dialogs. No ipcRenderer, no Node, nothing else is exposed.
 */
const bridge = {
  call: (method, input) => {
    if (!isMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `There is no API method ${String(method)}.` } });
    }
    return ipcRenderer.invoke(IPC.call, method, input) as Promise<Result<never>>;
  },
  shell: {
    pickOpenPath: (kind) => ipcRenderer.invoke(IPC.pickOpen, kind) as Promise<string | null>,
    pickSavePath: (kind, suggestedName) => ipcRenderer.invoke(IPC.pickSave, kind, suggestedName) as Promise<string | null>,
    onMenu: (listener) => {
      const handler = (_e: IpcRendererEvent, command: MenuCommand) => listener(command);
      ipcRenderer.on(IPC.menu, handler);
      return () => ipcRenderer.removeListener(IPC.menu, handler);
    },
  },
} satisfies CustodianBridge;

contextBridge.exposeInMainWorld('custodian', bridge);
