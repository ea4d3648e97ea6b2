import {
  NUMERIC_FIELDS,
  RECORD_FIELDS,
  type CustomsRecord,
  type NormalizedFields,
  type RecordField,
  type RecordFlag,
} from '../../../shared/domain/records';
import { chplTierOf } from '../../../shared/goods/hs-codes';
import { chplTierSql, filterSql, whereSql, type RecordFilter } from './record-filter';
import { foldForIndexSql, INDEXED_FIELDS } from './records-fts';
import type { ReadDb, WriteDb } from './types';

/** `declarationNo` → `declaration_no`: the column of each record field. */
const column = (f: RecordField): string => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const RECORD_COLUMNS: Record<RecordField, string> = Object.fromEntries(
  RECORD_FIELDS.map((f) => [f, column(f)]),
) as Record<RecordField, string>;

type RecordRow = { id: number; import_id: number; row: number; flags: string; raw: string } & Record<
  string,
  string | number | null
>;

export function toCustomsRecord(r: RecordRow): CustomsRecord {
  const fields = {} as Record<RecordField, string | number | null>;
  for (const f of RECORD_FIELDS) fields[f] = r[RECORD_COLUMNS[f]] ?? null;
  const hs = fields.hsCode as string | null;
  return {
    id: r.id,
    importId: r.import_id,
    row: r.row,
    ...(fields as NormalizedFields),
    hs6: hs && hs.length >= 6 ? hs.slice(0, 6) : null,
    chplTier: chplTierOf(hs),
    flags: JSON.parse(r.flags) as RecordFlag[],
  };
}

/**
 * A prepared insert of one import's records from their cells: id, row, the
 * values of `slots` (RECORD_FIELDS indexes; the other fields stay NULL),
 * flags, raw. Parameters are passed spread: better-sqlite3 reads an
 * argument list faster than an array's elements (measured ~30% of binding).
 */
export function recordInserter(
  db: WriteDb,
  importId: number,
  slots: readonly number[],
): (cells: (string | number | null)[]) => void {
  const columns = ['id', 'row', ...slots.map((s) => RECORD_COLUMNS[RECORD_FIELDS[s]!]), 'flags', 'raw'];
  const insert = db.prepare(
    `INSERT INTO records (import_id, ${columns.join(', ')}) VALUES (${Math.trunc(importId)}, ${columns.map(() => '?').join(', ')})`,
  );
  return (cells) => insert.run(...cells);
}

const ftsFromRecords = (from: string, where: string, cjk: string) =>
  `INSERT INTO records_fts (rowid, ${INDEXED_FIELDS.join(', ')}, cjk)
   SELECT r.id, ${INDEXED_FIELDS.map((c) => foldForIndexSql(`r.${c}`)).join(', ')}, ${cjk} FROM ${from} WHERE ${where}`;

/**
 * Indexes stored records for full-text search, straight from their columns
 * in SQL: binding the texts again from JavaScript cost as much as the
 * tokenizing. `add(first, last, cjk)` queues the records with ids
 * first…last (`cjk` lists (id, bigrams) for the few whose text has CJK runs,
 * records-fts.ts, which get their `cjk` column); they are indexed INDEX_EVERY
 * records at a time, because FTS5 writes a segment at the end of every
 * statement: indexing each batch of a thousand made a million-row import
 * leave a thousand segments, and queries that walk them all. `done()`
 * indexes what is queued. For a `bulk` load FTS5 also does not merge
 * segments while the indexer runs (merging as it went cost ~15% of a
 * million-row import, and a "crisis" merge stopped progress for over a
 * second); `done()` restores the usual settings, so later writes tidy the
 * index up a little at a time.
 */
export function recordIndexer(
  db: WriteDb,
  bulk: boolean,
): { add(first: number, last: number, cjk: readonly (number | string)[]): void; done(): void } {
  const all = db.prepare(ftsFromRecords('records r', 'r.id BETWEEN ? AND ?', 'NULL'));
  const allBut = db.prepare(
    ftsFromRecords('records r', 'r.id BETWEEN ? AND ? AND r.id NOT IN (SELECT value ->> 0 FROM json_each(?))', 'NULL'),
  );
  // The CJK rows in one statement too, their bigrams from a JSON array of [id, bigrams].
  const withCjk = db.prepare(
    ftsFromRecords('json_each(?) j JOIN records r ON r.id = j.value ->> 0', '1', 'j.value ->> 1'),
  );
  // (FTS5 reads a setting's value from the statement's text: it cannot be a bound parameter.)
  const configure = (settings: Record<string, number>) => {
    for (const [name, value] of Object.entries(settings))
      db.exec(`INSERT INTO records_fts (records_fts, rank) VALUES ('${name}', ${Math.trunc(value)})`);
  };
  if (bulk) configure(FTS_BULK);
  let first = -1;
  let last = -1;
  let cjk: (number | string)[] = [];
  const flush = () => {
    if (first < 0) return;
    if (cjk.length === 0) all.run(first, last);
    else {
      const pairs: (number | string)[][] = [];
      for (let i = 0; i < cjk.length; i += 2) pairs.push([cjk[i]!, cjk[i + 1]!]);
      const json = JSON.stringify(pairs);
      allBut.run(first, last, json);
      withCjk.run(json);
    }
    first = -1;
    cjk = [];
  };
  return {
    add(from, to, bigrams) {
      if (first < 0) first = from;
      last = to;
      for (const v of bigrams) cjk.push(v);
      if (last - first + 1 >= INDEX_EVERY) flush();
    },
    done() {
      flush();
      if (bulk) configure(FTS_USUAL);
    },
  };
}

/** Records per full-text statement: few segments, and each statement well under the second between progress reports. */
const INDEX_EVERY = 16_384;

/** FTS5's defaults. */
const FTS_USUAL = { automerge: 4, crisismerge: 16 };
/** No merging while loading: a million rows make about sixty segments, which queries walk in a few milliseconds. */
const FTS_BULK = { automerge: 0, crisismerge: 1000 };

/** The largest record id so far (an import numbers its records from it: id = base + row). */
export function maxRecordId(db: ReadDb): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM records').get() as { n: number }).n;
}

/** One stored record's normalized values (RECORD_FIELDS order) and raw delta (import/normalize/raw-row.ts). */
export function recordValuesById(db: ReadDb, id: number): { values: (string | number | null)[]; raw: string } | null {
  const r = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  return r ? { values: RECORD_FIELDS.map((f) => r[RECORD_COLUMNS[f]] ?? null), raw: r.raw } : null;
}

/** `afterId` (keyset paging) applies to id order only: the caller refuses it with another sort. */
export function listRecords(
  db: ReadDb,
  filter: RecordFilter,
  limit: number,
  offset: number,
  sort?: RecordField | 'row' | 'chplTier',
  desc?: boolean,
  afterId?: number,
): CustomsRecord[] {
  const f = filterSql(filter);
  const { order, tier } = orderSql(sort, desc);
  if (afterId !== undefined) {
    f.sql.push(desc ? 'r.id < ?' : 'r.id > ?');
    f.params.push(afterId);
  }
  const w = f.sql.length ? `WHERE ${f.sql.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT r.* FROM records r ${w} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...f.params, ...(tier?.params ?? []), limit, offset) as RecordRow[];
  return rows.map(toCustomsRecord);
}

function orderSql(sort?: RecordField | 'row' | 'chplTier', desc?: boolean) {
  const dir = desc ? 'DESC' : 'ASC';
  // Ids follow (import_id, row) order (see import/batches/import-rows.ts), and the id needs no index.
  // The tier is no column: it is worked out from hs_code in the ORDER BY (a CASE over the CHPL's fifty prefixes).
  const tier = sort === 'chplTier' ? chplTierSql('r.hs_code') : null;
  const key = tier ? tier.sql : sort && sort !== 'row' && sort !== 'chplTier' ? `r.${RECORD_COLUMNS[sort]}` : null;
  return { order: key ? `${key} ${dir} NULLS LAST, r.id` : `r.id ${dir}`, tier };
}

/** Every record a filter selects, in the list's order, one at a time (an export of a million keeps memory flat). */
export function* iterateRecords(
  db: ReadDb,
  filter: RecordFilter,
  sort?: RecordField | 'row' | 'chplTier',
  desc?: boolean,
): Generator<CustomsRecord> {
  const f = filterSql(filter);
  const w = f.sql.length ? `WHERE ${f.sql.join(' AND ')}` : '';
  const { order, tier } = orderSql(sort, desc);
  const rows = db
    .prepare(`SELECT r.* FROM records r ${w} ORDER BY ${order}`)
    .iterate(...f.params, ...(tier?.params ?? []));
  for (const r of rows as Iterable<RecordRow>) yield toCustomsRecord(r);
}

export function countRecords(db: ReadDb, filter: RecordFilter): number {
  const w = whereSql(filter);
  return (db.prepare(`SELECT count(*) AS n FROM records r ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** A record and its raw delta as stored (import/normalize/raw-row.ts rebuilds the row as read from both). */
export function getRecord(db: ReadDb, id: number): { record: CustomsRecord; raw: string } | null {
  const row = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  if (!row) return null;
  return { record: toCustomsRecord(row), raw: row.raw };
}

export const NUMERIC_FIELD_SET: ReadonlySet<RecordField> = new Set(NUMERIC_FIELDS);

/** A record as a search hit shows it. */
export interface RecordHitRow {
  id: number;
  import_id: number;
  row: number;
  date: string | null;
  shipper: string | null;
  consignee: string | null;
  hs_code: string | null;
  description: string | null;
}

const HIT_COLUMNS = 'r.id, r.import_id, r.row, r.date, r.shipper, r.consignee, r.hs_code, r.description';

/** Records the filter keeps, as search hits, newest first. */
export function recordHits(db: ReadDb, filter: RecordFilter, limit: number): RecordHitRow[] {
  const w = whereSql(filter);
  return db
    .prepare(`SELECT ${HIT_COLUMNS} FROM records r ${w.sql} ORDER BY r.id DESC LIMIT ?`)
    .all(...w.params, limit) as RecordHitRow[];
}

/** Above this many matches, ranking them all costs more than it tells; newest first instead. */
const RANK_AT_MOST = 500;

/**
 * Records matching an FTS5 query (ftsQuery) and the filters. Few matches
 * are ordered by relevance (bm25); a word matching a large share of a
 * million rows is returned newest first, which FTS5 does without scoring
 * every match.
 */
export function matchRecords(db: ReadDb, match: string, limit: number, filters: RecordFilter): RecordHitRow[] {
  const w = filterSql(filters);
  const extra = w.sql.length ? `AND ${w.sql.join(' AND ')}` : '';
  const many =
    (
      db
        .prepare('SELECT count(*) AS n FROM (SELECT 1 FROM records_fts WHERE records_fts MATCH ? LIMIT ?)')
        .get(match, RANK_AT_MOST + 1) as {
        n: number;
      }
    ).n > RANK_AT_MOST;
  const cols = HIT_COLUMNS;
  if (!many && !extra) {
    // Rank inside FTS5 first, then join only the winners (ranking across the join costs several times more).
    return db
      .prepare(
        `SELECT ${cols} FROM (SELECT rowid, rank FROM records_fts WHERE records_fts MATCH ? ORDER BY rank LIMIT ?) f
         JOIN records r ON r.id = f.rowid ORDER BY f.rank`,
      )
      .all(match, limit) as RecordHitRow[];
  }
  return db
    .prepare(
      `SELECT ${cols} FROM records_fts f JOIN records r ON r.id = f.rowid
       WHERE records_fts MATCH ? ${extra}
       ORDER BY ${many ? 'f.rowid DESC' : 'f.rank'} LIMIT ?`,
    )
    .all(match, ...w.params, limit) as RecordHitRow[];
}
