import { cjkBigrams, foldForIndex, INDEXED_FIELDS } from './records-fts';
import type { ReadDb, WriteDb } from './types';

/**
 * Rows read from a colleague's case and written into this one, for a merge
 * (exchange/merge*.ts). The other file may be at an older schema version:
 * a row is copied by the columns both tables have (a column added since
 * takes its default).
 */

export type Row = Record<string, unknown>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(db: ReadDb, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[];
}

export const hasTable = (db: ReadDb, table: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/** A table's rows in the other case, one at a time (none when its older schema has no such table). */
export function otherRows(other: ReadDb, table: string, where = '1', ...params: unknown[]): IterableIterator<Row> {
  if (!hasTable(other, table)) return [][Symbol.iterator]();
  return other.prepare(`SELECT * FROM ${quote(table)} WHERE ${where}`).iterate(...params) as IterableIterator<Row>;
}

/** Inserts rows into one table of this case: the columns both cases have, overridden by `set`. */
export function rowWriter(db: WriteDb, other: ReadDb, table: string): (row: Row, set?: Row) => number {
  const mine = new Set(columnsOf(db, table));
  const shared = columnsOf(other, table).filter((c) => mine.has(c));
  const statements = new Map<string, { run(...values: unknown[]): { lastInsertRowid: number | bigint } }>();
  return (row, set = {}) => {
    const cols = [...new Set([...shared, ...Object.keys(set)])];
    const key = cols.join('\u0000');
    let stmt = statements.get(key);
    if (!stmt) {
      stmt = db.prepare(
        `INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      statements.set(key, stmt);
    }
    return Number(stmt.run(...cols.map((c) => (c in set ? set[c] : row[c]))).lastInsertRowid);
  };
}

/** The id of the first row of `table` whose `columns` hold `values` (IS: NULL matches NULL), or undefined. */
export function findRow(
  db: ReadDb,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
): number | undefined {
  return db
    .prepare(
      `SELECT rowid FROM ${quote(table)} WHERE ${columns.map((c) => `${quote(c)} IS ?`).join(' AND ')} ORDER BY rowid LIMIT 1`,
    )
    .pluck()
    .get(...values) as number | undefined;
}

/** The first row of a table whose column holds a value (a source, a stored file, a link, a diagram by id). */
export function rowWhere(db: ReadDb, table: string, column: string, value: unknown): Row | undefined {
  return db.prepare(`SELECT * FROM ${quote(table)} WHERE ${quote(column)} = ? LIMIT 1`).get(value) as Row | undefined;
}

/** The first import of a source that finished, with the id its records are numbered from. */
export function doneImportOf(db: ReadDb, sourceId: number): { id: number; record_base: number } | undefined {
  return db
    .prepare("SELECT id, record_base FROM imports WHERE source_id = ? AND status = 'done' ORDER BY id LIMIT 1")
    .get(sourceId) as { id: number; record_base: number } | undefined;
}

/** An import's records as [id, row], in id order (its ids run from its record_base on: see import-rows.ts). */
export function* importRecordRows(db: ReadDb, importId: number, recordBase: number): Generator<[number, number]> {
  const rows = db
    .prepare('SELECT id, row, import_id FROM records WHERE id > ? ORDER BY id')
    .raw(true)
    .iterate(recordBase) as IterableIterator<[number, number, number]>;
  for (const [id, row, imp] of rows) {
    if (imp !== importId) return;
    yield [id, row];
  }
}

const INDEXED = INDEXED_FIELDS.map((f) => f as string);
const SLOTS = INDEXED.map((_, i) => i);

/** One record's entry in the records index, exactly as recordIndexer writes it (folded texts, CJK bigrams or NULL). */
function ftsValues(values: unknown[]): unknown[] {
  const texts = values.map((v) => (typeof v === 'string' ? foldForIndex(v) : v));
  return [...texts, cjkBigrams(values, SLOTS) || null];
}

/**
 * Adds (or, with `remove`, takes out) the index entries of the records with
 * ids first…last. The index keeps no text (contentless): taking an entry out
 * means telling it the values it was given.
 */
export function indexRecordRange(db: WriteDb, first: number, last: number, remove = false): void {
  const cols = [...INDEXED.map(quote), 'cjk'];
  const write = remove
    ? db.prepare(
        `INSERT INTO records_fts (records_fts, rowid, ${cols.join(', ')}) VALUES ('delete', ?, ${cols.map(() => '?').join(', ')})`,
      )
    : db.prepare(`INSERT INTO records_fts (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`);
  const read = db
    .prepare(`SELECT id, ${INDEXED.map(quote).join(', ')} FROM records WHERE id BETWEEN ? AND ? ORDER BY id`)
    .raw(true);
  // A chunk at a time: a connection cannot write while a statement of its own is still reading.
  for (let from = first; from <= last; from += 5000) {
    for (const [id, ...values] of read.all(from, Math.min(last, from + 4999)) as unknown[][])
      write.run(id, ...ftsValues(values));
  }
}

/** Removes an import's records (out of the index first), their mentions and its rejects: undoing a merged import. */
export function deleteImportRows(db: WriteDb, importId: number): void {
  const range = db.prepare('SELECT min(id) AS a, max(id) AS b FROM records WHERE import_id = ?').get(importId) as {
    a: number | null;
    b: number | null;
  };
  if (range.a !== null && range.b !== null) {
    indexRecordRange(db, range.a, range.b, true);
    db.prepare('DELETE FROM mentions WHERE record_id BETWEEN ? AND ?').run(range.a, range.b);
    db.prepare('DELETE FROM records WHERE import_id = ?').run(importId);
  }
  db.prepare('DELETE FROM rejects WHERE import_id = ?').run(importId);
}

/** The largest id in a table (an import numbers its records on from the largest record id). */
export function maxId(db: ReadDb, table: string): number {
  return db
    .prepare(`SELECT coalesce(max(rowid), 0) FROM ${quote(table)}`)
    .pluck()
    .get() as number;
}
