import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CustodianError } from '../../../shared/result';
import { CUSTODIAN_APPLICATION_ID, assertOpenableHeader, readCaseHeader } from './format';
import { migrate } from './migrations';
import type { ReadDb, WriteDb } from './types';

export interface OpenOptions {
  /**
   * Path of a better_sqlite3.node built for the running runtime. The
   * Electron shell passes its own build so that tests (plain Node) and the
   * app (Electron) use the same checkout without rebuilding.
   */
  nativeBinding?: string;
}

let defaultNativeBinding: string | undefined;
/** Set once by the Electron shell before any case is opened. */
export function setNativeBinding(path: string | undefined): void {
  defaultNativeBinding = path;
}

function connect(path: string, readonly: boolean, opts: OpenOptions): Database.Database {
  const nativeBinding = opts.nativeBinding ?? defaultNativeBinding;
  return new Database(path, {
    readonly,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

/** Settings every connection gets: evidence must survive a power cut, and a case's schema is never trusted to run code. */
function applyPragmas(db: Database.Database, write: boolean): void {
  db.pragma('trusted_schema = OFF');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  if (write) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('cache_size = -65536');
}

/** Creates a new, empty case file at `path`; refuses to overwrite anything. */
export function createCaseFile(path: string, opts: OpenOptions = {}): WriteDb {
  if (existsSync(path)) {
    throw new CustodianError('exists', `${path} already exists; choose a new file name for the case.`);
  }
  const nativeBinding = opts.nativeBinding ?? defaultNativeBinding;
  return readyForWriting(new Database(path, nativeBinding ? { nativeBinding } : {}), (db) => {
    // Before anything is written (application_id, WAL, the first table), or it cannot change: 8 KiB pages
    // hold a customs record's ~450 bytes with less per-page overhead; measured ~10% less SQLite CPU on a
    // million-row import.
    db.pragma('page_size = 8192');
    db.pragma(`application_id = ${CUSTODIAN_APPLICATION_ID}`);
  });
}

/** Applies the write pragmas and migrations (after `first`), closing the connection if any step fails. */
function readyForWriting(db: Database.Database, first: (db: Database.Database) => void = () => undefined): WriteDb {
  try {
    first(db);
    applyPragmas(db, true);
    migrate(db as WriteDb);
    return db as WriteDb;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens an existing case for writing. Anything that is not a case this
 * version understands is refused before SQLite touches it; a sound case is
 * checked, then brought up to the latest schema in one transaction.
 */
export function openCaseFile(path: string, opts: OpenOptions = {}): WriteDb {
  assertOpenableHeader(path, readCaseHeader(path));
  checkStructure(path, opts);
  return readyForWriting(connect(path, false, opts));
}

/**
 * A second connection that writes to a case this process has open already (checked and migrated by
 * the first): a job's helper thread. SQLite lets one of them write at a time.
 */
export function openCaseSecondWriter(path: string, opts: OpenOptions = {}): WriteDb {
  assertOpenableHeader(path, readCaseHeader(path));
  const db = connect(path, false, opts);
  applyPragmas(db, true);
  return db as WriteDb;
}

/** Opens a case read-only (a received file, a second reader next to a writer). */
export function openCaseReadOnly(path: string, opts: OpenOptions = {}): ReadDb {
  assertOpenableHeader(path, readCaseHeader(path));
  const db = connect(path, true, opts);
  applyPragmas(db, false);
  return db as ReadDb;
}

/** Sets a connection's page cache: a one-pass reader or a helper thread's writer needs far less than the usual 64 MiB. */
export function setCacheSize(db: ReadDb, kib: number): void {
  db.pragma(`cache_size = -${Math.trunc(kib)}`);
}

/** A connection's page cache setting as SQLite holds it, to put back with `restoreCacheSize` after a job that set its own. */
export function cacheSize(db: ReadDb): number {
  return db.pragma('cache_size', { simple: true }) as number;
}

export function restoreCacheSize(db: ReadDb, size: number): void {
  db.pragma(`cache_size = ${Math.trunc(size)}`);
}

/** Moves everything in the write-ahead log into the file and empties the log, so that the file alone is the whole case. */
export function checkpointWal(db: WriteDb): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Rewrites the file without its free pages, so nothing deleted stays readable in it. */
export function vacuum(db: WriteDb): void {
  db.exec('VACUUM');
}

/**
 * Writes a compact, consistent copy of the case to `path` (VACUUM INTO leaves out deleted content).
 * A received file's connection is query_only, which forbids VACUUM INTO too; opened read-only, it
 * still cannot write the file itself, so the guard is lifted for the copy alone.
 */
export function writeCompactCopy(db: ReadDb, path: string): void {
  const queryOnly = db.pragma('query_only', { simple: true }) === 1;
  if (queryOnly) db.pragma('query_only = OFF');
  try {
    db.prepare('VACUUM INTO ?').run(path);
  } finally {
    if (queryOnly) db.pragma('query_only = ON');
  }
}

/**
 * A read-only look before the file is opened for writing: SQLite must be
 * able to read it (a damaged file is refused as it is, rather than
 * "recovered" into something else).
 */
function checkStructure(path: string, opts: OpenOptions): void {
  let db: Database.Database | undefined;
  try {
    db = connect(path, true, opts);
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
  } catch (e) {
    if (e instanceof CustodianError) throw e;
    throw new CustodianError(
      'corrupt',
      `${path} is damaged and cannot be opened (${e instanceof Error ? e.message : String(e)}).`,
    );
  } finally {
    db?.close();
  }
}

/**
 * A read-only connection to a file received from someone else, with every
 * guard SQLite offers on: the schema may run no function (trusted_schema),
 * every cell's size is checked as it is read (cell_size_check), and nothing
 * can be written (query_only on top of the read-only open). Only
 * db/safe-open.ts calls this, before anything else is read.
 */
export function connectUntrusted(path: string, opts: OpenOptions = {}): ReadDb {
  const db = connect(path, true, opts);
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    db.pragma('query_only = ON');
    return db as ReadDb;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens the fresh copy an export is making (VACUUM INTO's output, not yet
 * anyone's case) to redact and seal it. It stays in rollback-journal mode:
 * a received file in WAL mode could not be opened read-only without
 * creating files next to it.
 */
export function openExportCopy(path: string, opts: OpenOptions = {}): WriteDb {
  const db = connect(path, false, opts);
  db.pragma('trusted_schema = OFF');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  return db as WriteDb;
}

/** A scratch database in memory (e.g. the schema our migrations make, to compare a received file with). */
export function openMemoryDb(): WriteDb {
  return new Database(':memory:', defaultNativeBinding ? { nativeBinding: defaultNativeBinding } : {}) as WriteDb;
}
