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
    /**
     * A native "save" dialog; resolves to the chosen path or null. `purpose`
     * ("New case", "Save a copy") titles the browser's in-app dialog; a
     * native dialog may ignore it.
     */
    pickSavePath(
      kind: 'case' | 'pdf' | 'svg' | 'jsonl' | 'csv',
      suggestedName: string,
      purpose?: string,
    ): Promise<string | null>;
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
  | { type: 'export-for-colleague' }
  | { type: 'merge-colleague' }
  | { type: 'identity' }
  | { type: 'close-case' };

/** IPC channel names, shared by main and preload. */
export const IPC = {
  call: 'custodian:call',
  pickOpen: 'custodian:pick-open',
  pickSave: 'custodian:pick-save',
  menu: 'custodian:menu',
} as const;

/** A place the browser bridge's folder browser may show (the user's home, the folder of the sample case). */
export interface BrowseRoot {
  id: 'home' | 'samples';
  label: string;
  /** Its real path (symlinks resolved). */
  path: string;
}

/** A folder or case file in a listing of the browser bridge (`GET /fs/list`). */
export interface FolderEntry {
  name: string;
  path: string;
  kind: 'folder' | 'case';
  /** Bytes; null for a folder. */
  size: number | null;
  /** Last modified, ISO 8601. */
  modified: string;
}

/** What `GET /fs/list?dir=…` answers: one folder under a root, its folders and `.case` files. */
export interface FolderListing {
  /** The folder's real path. */
  dir: string;
  /** The bridge machine's path separator, to join a typed file name to `dir`. */
  separator: string;
  /** The root it lies under, and the way down from it (the root first, named by its label). */
  root: BrowseRoot['id'];
  crumbs: { name: string; path: string }[];
  /** Folders first, then case files, each by name. */
  entries: FolderEntry[];
  /** More entries than a listing carries were left off. */
  truncated: boolean;
  roots: BrowseRoot[];
}
