import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FolderEntry, FolderListing } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';
import { FolderList } from './FolderList';
import { showModal } from './modal';
import { ModalFrame } from './ModalForm';

export interface CaseFileRequest {
  /** Open picks an existing case file; save names a new one in a folder. */
  mode: 'open' | 'save';
  title: string;
  /** The button that confirms: Open, Create, Save. */
  action: string;
  suggestedName?: string;
  /**
   * Lists a folder (null: the first root) as part of `root` (which names it
   * in the breadcrumb where roots nest); the browser bridge confines it to
   * home and the sample folder.
   */
  list(dir: string | null, root?: string): Promise<Result<FolderListing>>;
}

/** Shows the in-app case file dialog; resolves to the chosen path, or null when cancelled. */
export function pickCaseFile(request: CaseFileRequest): Promise<string | null> {
  return showModal<string | null>((answer) => <CaseFileDialog {...request} onDone={answer} />);
}

/** The next dialog opens where the last one was left, as a native one does. */
let lastFolder: { dir: string; root: string } | null = null;

function withCaseExtension(name: string): string {
  return name === '' || /\.case$/i.test(name) ? name : `${name}.case`;
}

/** Why a typed name cannot be saved in this folder, or null when it can. */
function nameProblem(name: string, listing: FolderListing | null): string | null {
  if (/[\\/\u0000-\u001f]/.test(name)) return 'A file name cannot contain / or \\.';
  if (name.startsWith('.')) return 'A name that starts with a dot would be hidden; choose another.';
  const same = listing?.entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  if (same?.kind === 'folder') return `A folder named “${same.name}” is here; choose another name.`;
  // Cases are never overwritten (case.create and case.saveCopy refuse), so the warning comes now, not after.
  if (same)
    return `“${same.name}” already exists in this folder. Custodian never writes over a case file: choose another name.`;
  return null;
}

function CaseFileDialog({
  mode,
  title,
  action,
  suggestedName,
  list,
  onDone,
}: CaseFileRequest & { onDone(path: string | null): void }) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [active, setActive] = useState(0);
  const [name, setName] = useState(suggestedName ?? '');
  const listRef = useRef<HTMLUListElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const problemId = useId();

  const go = useCallback(
    async (dir: string | null, root?: string, focusList = true): Promise<boolean> => {
      const request = ++latest.current;
      setLoading(true);
      const r = await list(dir, root);
      if (request !== latest.current) return false; // a later click won
      setLoading(false);
      if (!r.ok) {
        setError(r.error.message);
        return false;
      }
      setError(null);
      setListing(r.value);
      setActive(0);
      lastFolder = { dir: r.value.dir, root: r.value.root };
      if (focusList) listRef.current?.focus();
      return true;
    },
    [list],
  );

  useEffect(() => {
    listRef.current?.focus();
    const remembered = lastFolder;
    void go(remembered?.dir ?? null, remembered?.root, false).then((ok) => {
      if (!ok && remembered) void go(null, undefined, false); // that folder is gone: start at home
    });
  }, [go]);

  const entries = listing?.entries ?? [];
  const crumbs = listing?.crumbs ?? [];
  const fileName = withCaseExtension(name.trim());
  const problem = mode === 'save' && fileName ? nameProblem(fileName, listing) : null;
  const picked = entries[active];

  function activate(entry: FolderEntry) {
    if (entry.kind === 'folder') void go(entry.path, listing?.root);
    else if (mode === 'open') onDone(entry.path);
    else {
      // Saving: an existing case's name is a starting point to edit, never a target.
      setName(entry.name);
      nameRef.current?.focus();
    }
  }

  function submit() {
    if (!listing) return;
    if (mode === 'open') {
      if (picked) activate(picked);
      return;
    }
    if (!fileName || problem) return;
    const sep = listing.dir.endsWith(listing.separator) ? '' : listing.separator;
    onDone(`${listing.dir}${sep}${fileName}`);
  }

  const folderName = crumbs[crumbs.length - 1]?.name ?? '';
  return (
    <ModalFrame title={title} className="file-dialog" onCancel={() => onDone(null)} onSubmit={submit}>
      <div className="file-dialog-body">
        <nav className="file-dialog-places" aria-label="Places">
          {(listing?.roots ?? []).map((root) => (
            <button
              type="button"
              key={root.id}
              className={listing?.root === root.id ? 'current' : undefined}
              aria-current={listing?.root === root.id ? 'location' : undefined}
              title={root.path}
              onClick={() => void go(root.path, root.id)}
            >
              {root.label}
            </button>
          ))}
        </nav>
        <div className="file-dialog-main">
          <nav aria-label="Folder path">
            <ol className="breadcrumb">
              {crumbs.map((crumb, i) => (
                <li key={crumb.path}>
                  {i === crumbs.length - 1 ? (
                    <span aria-current="location" title={crumb.path}>
                      {crumb.name}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="link"
                      title={crumb.path}
                      onClick={() => void go(crumb.path, listing?.root)}
                    >
                      {crumb.name}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </nav>
          <div className="folder-list-head" aria-hidden="true">
            <span />
            <span>Name</span>
            <span>Size</span>
            <span>Modified</span>
          </div>
          <FolderList
            label={folderName ? `Folders and case files in ${folderName}` : 'Folders and case files'}
            entries={entries}
            active={active}
            busy={loading}
            listRef={listRef}
            onActive={(i) => {
              setActive(i);
              const entry = entries[i];
              if (mode === 'save' && entry?.kind === 'case') setName(entry.name);
            }}
            onActivate={activate}
            onUp={() => {
              const parent = crumbs[crumbs.length - 2];
              if (parent) void go(parent.path, listing?.root);
            }}
          />
          {listing && !loading && entries.length === 0 && <p className="muted empty">No folders or case files here.</p>}
          {listing?.truncated && (
            <p className="muted small">Only the first {entries.length.toLocaleString()} entries are shown.</p>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      <footer>
        {mode === 'save' && (
          <label className="field file-name">
            File name
            <input
              ref={nameRef}
              type="text"
              value={name}
              aria-describedby={problem ? problemId : undefined}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
        )}
        {mode === 'open' && (
          <span className="muted small picked">
            {picked?.kind === 'case' ? picked.path : 'Choose a case file (.case).'}
          </span>
        )}
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button
          type="submit"
          className="primary"
          disabled={!listing || (mode === 'open' ? !picked : !fileName || problem !== null)}
        >
          {mode === 'open' && picked?.kind === 'folder' ? 'Open folder' : action}
        </button>
        {problem && (
          <p id={problemId} className="file-name-problem" role="alert">
            {problem}
          </p>
        )}
      </footer>
    </ModalFrame>
  );
}
