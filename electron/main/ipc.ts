import type { IpcMainInvokeEvent } from 'electron';
import { IPC } from '../../shared/bridge';
import { err, type Result } from '../../shared/result';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';
import { isOpenKind, isSaveKind, type OpenKind, type SaveKind } from './dialogs';
import { isTrustedSender, senderInfo, type SenderInfo } from './security';

/**
 * The main side of the bridge: one `ipcMain.handle` per invoke channel of
 * shared/bridge.ts, nothing else. Every handler first checks that the
 * message comes from our own page; `custodian:call` then goes straight to
 * the core's dispatcher, which parses the input with the contract's schema.
 * (`custodian:menu` flows the other way, main → page, so it has no handler.)
 */

/** The channels main answers, derived from the shared IPC table so the two cannot drift. */
export const INVOKE_CHANNELS = [IPC.call, IPC.pickOpen, IPC.pickSave] as const;

/** The slice of `ipcMain` we use (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface IpcDeps {
  core: CoreContext;
  /** URL of our renderer page (security.rendererUrl). */
  ownUrl: string;
  pickOpen(kind: OpenKind): Promise<string | null>;
  pickSave(kind: SaveKind, suggestedName: unknown): Promise<string | null>;
  /** After a call that may change which case is open or the recent list (menu, window title). */
  afterCaseChange?(method: string): void;
  /** How to read the sender off an event; tests pass plain objects. */
  readSender?(event: IpcMainInvokeEvent): SenderInfo;
}

const CASE_CHANGING = new Set(['case.create', 'case.open', 'case.openSample', 'case.close', 'case.rename']);

const untrusted = (channel: string): Result<never> =>
  err('forbidden', `Refused ${channel}: the message did not come from Custodian's own page.`);

export function registerIpc(ipcMain: IpcMainLike, deps: IpcDeps): void {
  const readSender = deps.readSender ?? senderInfo;
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(readSender(event), deps.ownUrl);

  ipcMain.handle(IPC.call, async (event, method, input) => {
    if (!trusted(event)) return untrusted(IPC.call);
    const result = await dispatch(deps.core, method, input);
    if (result.ok && typeof method === 'string' && CASE_CHANGING.has(method)) deps.afterCaseChange?.(method);
    return result;
  });

  // Dialogs answer a path or null; a refused or malformed request gets null, never an exception across IPC.
  ipcMain.handle(IPC.pickOpen, async (event, kind) => {
    if (!trusted(event) || !isOpenKind(kind)) return null;
    return deps.pickOpen(kind);
  });

  ipcMain.handle(IPC.pickSave, async (event, kind, suggestedName) => {
    if (!trusted(event) || !isSaveKind(kind)) return null;
    return deps.pickSave(kind, suggestedName);
  });
}
