import type { WriteDb } from './types';

/** A write transaction begun, to be committed or rolled back by its holder. */
export interface HeldTransaction {
  commit(): void;
  /** Undoes everything since begin; nothing to do when SQLite already rolled back (after some errors it does). */
  rollback(): void;
}

/**
 * A write transaction held open across awaits: an import streams its file
 * inside one, and better-sqlite3's db.transaction() takes only a
 * synchronous function. IMMEDIATE takes the write lock at once, so a
 * second writer waits at the start rather than failing halfway through.
 */
export function beginImmediate(db: WriteDb): HeldTransaction {
  db.exec('BEGIN IMMEDIATE');
  return {
    commit: () => void db.exec('COMMIT'),
    rollback: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
  };
}
