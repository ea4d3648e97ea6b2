import type { ReadDb } from './types';

/** A table the seal covers, with the columns that order its rows. */
export interface SealedTable {
  name: string;
  columns: string[];
  /** Its primary key columns (or `rowid` when it has none): the order rows are walked and named in. */
  key: string[];
  /** Indexes in `columns` of the key (empty for rowid, which is read as the row's last value). */
  keyIndexes: number[];
  /** Per column, whether it can hold a blob (any column of a table that is not STRICT; ANY or BLOB in one that is). */
  maybeBlob: boolean[];
}

/** The types a STRICT table's column can be declared with that never hold a blob (SQLite refuses one). */
const NEVER_BLOB = new Set(['INT', 'INTEGER', 'REAL', 'TEXT']);

/** Tables of the seal itself: it cannot cover itself. */
export const SEAL_TABLES = new Set(['exchange_seal', 'exchange_seal_rows']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table whose rows the seal covers, in a canonical order (by name):
 * all ordinary tables, including the full-text indexes' shadow tables (so
 * nothing in the file escapes the seal), except SQLite's own bookkeeping
 * (sqlite_*) and the seal's tables. Virtual tables are read through their
 * shadow tables, never themselves (reading one runs its module).
 */
export function sealedTables(db: ReadDb): SealedTable[] {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  const out: SealedTable[] = [];
  for (const { name, sql } of rows) {
    if (SEAL_TABLES.has(name) || /^CREATE\s+VIRTUAL\s/i.test(sql)) continue;
    const info = db.prepare(`SELECT name, pk, type FROM pragma_table_info(?) ORDER BY cid`).all(name) as {
      name: string;
      pk: number;
      type: string;
    }[];
    const strict =
      (db.prepare(`SELECT strict FROM pragma_table_list(?)`).pluck().get(name) as number | undefined) === 1;
    const columns = info.map((c) => c.name);
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const key = pk.length ? pk.map((c) => c.name) : ['rowid'];
    const maybeBlob = info.map((c) => !strict || !NEVER_BLOB.has(c.type.toUpperCase()));
    out.push({ name, columns, key, keyIndexes: pk.map((c) => columns.indexOf(c.name)), maybeBlob });
  }
  return out;
}

/** A table's rows as value arrays in key order (with the rowid last when the table has no key of its own). */
export function iterateRows(db: ReadDb, t: SealedTable): IterableIterator<unknown[]> {
  const cols = t.columns.map(quote).join(', ');
  const select = t.keyIndexes.length ? cols : `${cols}, rowid`;
  return db
    .prepare(`SELECT ${select} FROM ${quote(t.name)} ORDER BY ${t.key.map(quote).join(', ')}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
}

/**
 * The stored files' rows in key order without their bytes: each row's
 * values with the file's place left null, then its length and type, which
 * SQLite answers from the record header without reading the file's pages.
 */
export function iterateBlobRowsWithoutData(db: ReadDb, t: SealedTable): IterableIterator<unknown[]> {
  const cols = t.columns.map((c) => (c === 'data' ? 'NULL' : quote(c))).join(', ');
  return db
    .prepare(`SELECT ${cols}, length(data), typeof(data) FROM ${quote(t.name)} ORDER BY ${t.key.map(quote).join(', ')}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
}

/**
 * A table's rows in key order as [text, ...key values]: the text is the
 * row's values as a JSON array made by SQLite itself (a blob as
 * {"blob": hex}; a column that cannot hold one is read as it is), so that a row crosses into JavaScript as one string
 * rather than a value per column, and reals keep every digit (5.0 stays
 * apart from 5).
 */
export function iterateRowTexts(db: ReadDb, t: SealedTable): IterableIterator<[string, ...unknown[]]> {
  // Only where a blob can be: a CASE per value of a million rows is a good part of the reading.
  const values = t.columns
    .map((c, i) =>
      t.maybeBlob[i]
        ? `CASE WHEN typeof(${quote(c)}) = 'blob' THEN json_object('blob', hex(${quote(c)})) ELSE ${quote(c)} END`
        : quote(c),
    )
    .join(', ');
  return db
    .prepare(
      `SELECT json_array(${values}), ${t.key.map(quote).join(', ')} FROM ${quote(t.name)} ORDER BY ${t.key.map(quote).join(', ')}`,
    )
    .raw(true)
    .iterate() as IterableIterator<[string, ...unknown[]]>;
}

/** A cheap size estimate for progress: rows (from the largest rowid where there is one) and blob bytes. */
export function estimateWork(db: ReadDb, t: SealedTable): number {
  try {
    const row = db.prepare(`SELECT max(rowid) AS n FROM ${quote(t.name)}`).get() as { n: number | null };
    const rows = row.n ?? 0;
    if (t.name === 'blobs') {
      const bytes = (db.prepare('SELECT sum(size) AS b FROM blobs').get() as { b: number | null }).b ?? 0;
      return rows + bytes / 4096;
    }
    return rows;
  } catch {
    // WITHOUT ROWID tables have no rowid: count them (they are small indexes of names and words).
    return (db.prepare(`SELECT count(*) AS n FROM ${quote(t.name)}`).get() as { n: number }).n;
  }
}
