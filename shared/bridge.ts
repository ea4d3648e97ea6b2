import type { ApiInput, ApiOutput, MethodName } from './api';
import type { Result } from './result';

/**
 * What the Electron preload exposes as `window.custodian` (checked there
 * with `satisfies`). `call` carries every API method; the `shell` part is
 * what only a desktop shell can do (native dialogs), which the browser
 * client does its own way.
 */
export interface CustodianBridge {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
  shell: {
    /** A native "open" dialog; resolves to the chosen path or null. */
    pickOpenPath(kind: 'case' | 'customs' | 'document' | 'list'): Promise<string | null>;
    /** A native "save" dialog; resolves to the chosen path or null. */
    pickSavePath(kind: 'case' | 'pdf' | 'svg' | 'jsonl' | 'csv', suggestedName: string): Promise<string | null>;
    /** Menu commands (New, Open, Open recent …) sent by the shell to the page. */
    onMenu(listener: (command: MenuCommand) => void): () => void;
  };
}

export type MenuCommand =
  | { type: 'new-case' }
  | { type: 'open-case' }
  | { type: 'open-path'; path: string }
  | { type: 'open-sample' }
  | { type: 'save-copy' }
  | { type: 'close-case' };

/** IPC channel names, shared by main and preload. */
export const IPC = {
  call: 'custodian:call',
  pickOpen: 'custodian:pick-open',
  pickSave: 'custodian:pick-save',
  menu: 'custodian:menu',
} as const;
