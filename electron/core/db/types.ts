import type BetterSqlite3 from 'better-sqlite3';

/**
 * Connections typed apart (as Signal Desktop does): a data module that only
 * reads takes a ReadDb, one that writes takes a WriteDb, so a read-only
 * (received, hostile-until-checked) case cannot be handed to a writer.
 */
export type ReadDb = BetterSqlite3.Database & { readonly __access: 'read' | 'write' };
export type WriteDb = BetterSqlite3.Database & { readonly __access: 'write' };
