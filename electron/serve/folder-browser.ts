import { lstatSync, mkdirSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BrowseRoot, FolderEntry, FolderListing } from '../../shared/bridge';

/** A folder with more entries than this is listed in part (the dialog says so). */
const MAX_ENTRIES = 2000;

const OUTSIDE =
  'Custodian in a browser shows only folders inside your home folder and the sample folder; this one is outside them.';

/** Where the folder browser may look: the user's home and the folder that holds the sample case. */
export interface BrowseScope {
  home: string;
  /** The app's own folder (`<appData>`): the sample case is built there as `sample.case`. */
  samples: string;
  /** Folders of the app's own that the listing leaves out (the bridge's staging area for uploads). */
  hidden: string[];
}

export type Browsed = { ok: true; listing: FolderListing } | { ok: false; status: 400 | 403 | 404; message: string };

/**
 * The roots with their real paths: a home reached through a symlink (macOS
 * /var → /private/var, a home on another disk) must still contain what
 * realpath makes of the paths under it. A missing root is left out.
 */
export function browseRoots(scope: BrowseScope): BrowseRoot[] {
  const wanted: BrowseRoot[] = [
    { id: 'home', label: 'Home', path: scope.home },
    { id: 'samples', label: 'Samples', path: scope.samples },
  ];
  return wanted.flatMap((root) => {
    try {
      return [{ ...root, path: realpathSync(root.path) }];
    } catch {
      return [];
    }
  });
}

/** The scope of a bridge: $HOME (or the given home) and the app folder, made if missing. */
export function browseScope(appDataDir: string, uploadsDir: string, home: string = homedir()): BrowseScope {
  mkdirSync(uploadsDir, { recursive: true });
  // Listed paths are real, so the hidden one must be too.
  return { home, samples: appDataDir, hidden: [realpathSync(uploadsDir)] };
}

function isWithin(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The root that holds `path`: the preferred one (the root the dialog is
 * browsing) if it does, else the innermost (the sample folder may lie
 * inside home).
 */
function rootOf(path: string, roots: BrowseRoot[], preferred?: string | null): BrowseRoot | undefined {
  const holding = roots.filter((r) => isWithin(path, r.path)).sort((a, b) => b.path.length - a.path.length);
  return holding.find((r) => r.id === preferred) ?? holding[0];
}

/**
 * Lists a folder for the in-app dialog: its folders and `.case` files.
 * Confinement is decided on the real path (symlinks and `..` resolved), so
 * a link inside home that points elsewhere, or `home/../..`, is refused
 * (403) like any other path outside the roots; a path that is outside even
 * before resolving is refused without touching the disk, so that the answer
 * does not tell which outside paths exist.
 */
export function listFolder(scope: BrowseScope, dir: string | null, preferredRoot: string | null = null): Browsed {
  const roots = browseRoots(scope);
  if (roots.length === 0)
    return { ok: false, status: 404, message: 'Neither your home folder nor the sample folder exists.' };
  const wanted = dir ?? roots[0]!.path;
  if (!isAbsolute(wanted)) return { ok: false, status: 400, message: 'A folder must be given by its full path.' };
  const given = resolve(wanted);
  const lexicalRoots = [scope.home, scope.samples].map((p) => resolve(p));
  if (!rootOf(given, roots) && !lexicalRoots.some((r) => isWithin(given, r)))
    return { ok: false, status: 403, message: OUTSIDE };
  let real: string;
  try {
    real = realpathSync(given);
  } catch {
    return { ok: false, status: 404, message: `There is no folder ${given}.` };
  }
  const root = rootOf(real, roots, preferredRoot);
  if (!root) return { ok: false, status: 403, message: OUTSIDE };
  let dirents: Dirent[];
  try {
    if (!statSync(real).isDirectory()) return { ok: false, status: 400, message: `${real} is not a folder.` };
    dirents = readdirSync(real, { withFileTypes: true });
  } catch {
    return { ok: false, status: 403, message: `Custodian may not read the folder ${real}.` };
  }
  const entries: FolderEntry[] = [];
  for (const d of dirents) {
    const entry = entryOf(d, real, roots, scope.hidden);
    if (entry) entries.push(entry);
  }
  entries.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name, undefined, { numeric: true }) : a.kind === 'folder' ? -1 : 1,
  );
  return {
    ok: true,
    listing: {
      dir: real,
      separator: sep,
      root: root.id,
      crumbs: crumbsOf(real, root),
      entries: entries.slice(0, MAX_ENTRIES),
      truncated: entries.length > MAX_ENTRIES,
      roots,
    },
  };
}

/**
 * One folder or case file, or null for anything the dialog does not show:
 * hidden names, other files, the app's own folders, and links that lead
 * outside the roots (the list never offers what opening would refuse).
 */
function entryOf(d: Dirent, dir: string, roots: BrowseRoot[], hidden: string[]): FolderEntry | null {
  if (d.name.startsWith('.')) return null;
  const path = join(dir, d.name);
  if (hidden.includes(path)) return null;
  const looksLikeCase = /\.case$/i.test(d.name);
  if (!d.isDirectory() && !d.isSymbolicLink() && !(d.isFile() && looksLikeCase)) return null;
  let stats: Stats;
  try {
    if (d.isSymbolicLink() && !rootOf(realpathSync(path), roots)) return null;
    stats = statSync(path);
  } catch {
    return null; // a dangling link, or a file removed while listing
  }
  const modified = stats.mtime.toISOString();
  if (stats.isDirectory()) return { name: d.name, path, kind: 'folder', size: null, modified };
  if (stats.isFile() && looksLikeCase) return { name: d.name, path, kind: 'case', size: stats.size, modified };
  return null;
}

/** The root (named by its label), then each folder down to `dir`. */
function crumbsOf(dir: string, root: BrowseRoot): FolderListing['crumbs'] {
  const crumbs = [{ name: root.label, path: root.path }];
  let path = root.path;
  for (const part of relative(root.path, dir).split(sep).filter(Boolean)) {
    path = join(path, part);
    crumbs.push({ name: part, path });
  }
  return crumbs;
}

/**
 * Whether a method may write to `path` through the bridge: the page may
 * name any path, so the file a method writes must lie where the folder
 * dialog may look (home, the sample folder). Decided on the real path of
 * the folder it goes in (a link inside home that leads out is refused), and
 * the name itself may not be a link. Null when allowed, else why not.
 */
export function refusedWritePath(scope: BrowseScope, path: unknown): string | null {
  if (typeof path !== 'string' || !isAbsolute(path)) return 'A file to write must be given by its full path.';
  const target = resolve(path);
  const roots = browseRoots(scope);
  let folder: string;
  try {
    folder = realpathSync(dirname(target));
  } catch {
    return `There is no folder ${dirname(target)}.`;
  }
  if (!rootOf(folder, roots) || scope.hidden.some((h) => isWithin(folder, h)))
    return 'Custodian in a browser writes files only inside your home folder and the sample folder; that place is outside them.';
  try {
    if (lstatSync(target).isSymbolicLink()) return `${target} is a link; choose a new file name.`;
  } catch {
    // It does not exist yet: the usual case.
  }
  return null;
}
