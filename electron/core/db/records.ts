import type { RecordFilterInput } from '../../../shared/api/records';
import {
  NUMERIC_FIELDS,
  RECORD_FIELDS,
  type CustomsRecord,
  type NormalizedFields,
  type RecordField,
  type RecordFlag,
} from '../../../shared/domain/records';
import { ftsQuery } from './records-fts';
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
    flags: JSON.parse(r.flags) as RecordFlag[],
  };
}

const insertSql = `INSERT INTO records (id, import_id, row, ${RECORD_FIELDS.map((f) => RECORD_COLUMNS[f]).join(', ')}, flags, raw)
  VALUES (?, ?, ?, ${RECORD_FIELDS.map(() => '?').join(', ')}, ?, ?)`;
const ftsSql = 'INSERT INTO records_fts (rowid, shipper, consignee, notify, producer, description, cjk) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** Values per record row and per full-text row, as import/import-rows.ts lays them out. */
const RECORD_PARAMS = RECORD_FIELDS.length + 5;
const FTS_PARAMS = 7;

/**
 * A prepared writer of records and their full-text rows, from flat value
 * arrays (id, import_id, row, RECORD_FIELDS…, flags, raw per record;
 * rowid and the indexed texts per full-text row), rows [from, to).
 * One single-row statement each, reused with reused parameter arrays
 * (measured: a 64-row multi-VALUES INSERT costs SQLite more than it saves).
 */
export function recordWriter(db: WriteDb): (records: unknown[], fts: unknown[], from: number, to: number) => void {
  const insert = db.prepare(insertSql);
  const insertFts = db.prepare(ftsSql);
  const rec = new Array<unknown>(RECORD_PARAMS);
  const ftsRow = new Array<unknown>(FTS_PARAMS);
  return (records, fts, from, to) => {
    for (let i = from; i < to; i++) {
      const r = i * RECORD_PARAMS;
      for (let k = 0; k < RECORD_PARAMS; k++) rec[k] = records[r + k];
      insert.run(rec);
      const f = i * FTS_PARAMS;
      for (let k = 0; k < FTS_PARAMS; k++) ftsRow[k] = fts[f + k];
      insertFts.run(ftsRow);
    }
  };
}

/** The largest record id so far (an import numbers its records from it: id = base + row). */
export function maxRecordId(db: ReadDb): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM records').get() as { n: number }).n;
}

/** One stored record's normalized values (RECORD_FIELDS order) and raw delta (import/raw-row.ts). */
export function recordValuesById(db: ReadDb, id: number): { values: (string | number | null)[]; raw: string } | null {
  const r = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  return r ? { values: RECORD_FIELDS.map((f) => r[RECORD_COLUMNS[f]] ?? null), raw: r.raw } : null;
}

const COUNTRY_COLUMNS = ['shipper_country', 'consignee_country', 'origin_country', 'destination_country', 'trading_country'];
const PARTY_COLUMNS = ['shipper', 'consignee', 'notify', 'producer'];

export type RecordFilter = Omit<RecordFilterInput, never>;

/** SQL conditions (over `records r`) for a filter; the FTS conditions use the index. */
export function filterSql(filter: RecordFilter): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (filter.importId !== undefined) {
    // An import's records are the id range record_base + 1 … record_base + rows_read: a rowid range, no index needed.
    sql.push(
      'r.id BETWEEN (SELECT record_base + 1 FROM imports WHERE id = ?) AND (SELECT record_base + rows_read FROM imports WHERE id = ?) AND r.import_id = ?',
    );
    params.push(filter.importId, filter.importId, filter.importId);
  }
  if (filter.flagged) sql.push("r.flags <> '[]'");
  if (filter.flag) {
    sql.push('instr(r.flags, ?) > 0');
    params.push(JSON.stringify(filter.flag));
  }
  if (filter.dateFrom) {
    sql.push('r.date >= ?');
    params.push(filter.dateFrom);
  }
  if (filter.dateTo) {
    sql.push('r.date <= ?');
    params.push(filter.dateTo);
  }
  const hs = filter.hsPrefix?.replace(/\D/g, '');
  if (hs) {
    sql.push('substr(r.hs_code, 1, ?) = ?');
    params.push(hs.length, hs);
  }
  if (filter.country) {
    sql.push(`? IN (${COUNTRY_COLUMNS.map((c) => `r.${c}`).join(', ')})`);
    params.push(filter.country.trim().toUpperCase());
  }
  if (filter.valueMin !== undefined) {
    sql.push('r.value_usd >= ?');
    params.push(filter.valueMin);
  }
  if (filter.valueMax !== undefined) {
    sql.push('r.value_usd <= ?');
    params.push(filter.valueMax);
  }
  const fts: string[] = [];
  if (filter.query?.trim()) {
    const q = ftsQuery(filter.query);
    if (q) fts.push(`(${q})`);
  }
  if (filter.party?.trim()) {
    const q = ftsQuery(filter.party, PARTY_COLUMNS);
    if (q) fts.push(`(${q})`);
  }
  if (fts.length) {
    sql.push('r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)');
    params.push(fts.join(' AND '));
  }
  return { sql, params };
}

const where = (f: RecordFilter) => {
  const w = filterSql(f);
  return { sql: w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '', params: w.params };
};

export function listRecords(
  db: ReadDb,
  filter: RecordFilter,
  limit: number,
  offset: number,
  sort?: RecordField | 'row',
  desc?: boolean,
): CustomsRecord[] {
  const w = where(filter);
  const dir = desc ? 'DESC' : 'ASC';
  // Ids follow (import_id, row) order (see import/import-rows.ts), and the id needs no index.
  const order =
    sort && sort !== 'row' ? `r.${RECORD_COLUMNS[sort]} ${dir} NULLS LAST, r.id` : `r.id ${dir}`;
  const rows = db
    .prepare(`SELECT r.* FROM records r ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as RecordRow[];
  return rows.map(toCustomsRecord);
}

export function countRecords(db: ReadDb, filter: RecordFilter): number {
  const w = where(filter);
  return (db.prepare(`SELECT count(*) AS n FROM records r ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** A record and its raw delta as stored (import/raw-row.ts rebuilds the row as read from both). */
export function getRecord(db: ReadDb, id: number): { record: CustomsRecord; raw: string } | null {
  const row = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  if (!row) return null;
  return { record: toCustomsRecord(row), raw: row.raw };
}

export const NUMERIC_FIELD_SET: ReadonlySet<RecordField> = new Set(NUMERIC_FIELDS);
