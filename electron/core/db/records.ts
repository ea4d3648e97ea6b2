import {
  NUMERIC_FIELDS,
  RECORD_FIELDS,
  type CustomsRecord,
  type NormalizedFields,
  type RecordField,
  type RecordFlag,
} from '../../../shared/domain/records';
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
  return {
    id: r.id,
    importId: r.import_id,
    row: r.row,
    ...(fields as NormalizedFields),
    flags: JSON.parse(r.flags) as RecordFlag[],
  };
}

export interface NewRecord {
  row: number;
  fields: NormalizedFields;
  flags: RecordFlag[];
  /** The row's values as read, in column order. */
  raw: string[];
}

const insertSql = `INSERT INTO records (import_id, row, ${RECORD_FIELDS.map((f) => RECORD_COLUMNS[f]).join(', ')}, flags, raw)
  VALUES (?, ?, ${RECORD_FIELDS.map(() => '?').join(', ')}, ?, ?)`;

/** A prepared inserter for one import: records and their full-text entries. */
export function recordInserter(db: WriteDb, importId: number): (rec: NewRecord) => number {
  const insert = db.prepare(insertSql);
  const insertFts = db.prepare(
    'INSERT INTO records_fts (rowid, shipper, consignee, notify, producer, description) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const values = new Array<unknown>(RECORD_FIELDS.length + 4);
  return (rec) => {
    values[0] = importId;
    values[1] = rec.row;
    for (let i = 0; i < RECORD_FIELDS.length; i++) values[i + 2] = rec.fields[RECORD_FIELDS[i]!];
    values[RECORD_FIELDS.length + 2] = JSON.stringify(rec.flags);
    values[RECORD_FIELDS.length + 3] = JSON.stringify(rec.raw);
    const id = Number(insert.run(values).lastInsertRowid);
    const f = rec.fields;
    insertFts.run(id, f.shipper, f.consignee, f.notify, f.producer, f.description);
    return id;
  };
}

export interface RecordFilter {
  importId?: number | undefined;
  query?: string | undefined;
  flagged?: boolean | undefined;
}

function where(filter: RecordFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.importId !== undefined) {
    clauses.push('r.import_id = ?');
    params.push(filter.importId);
  }
  if (filter.flagged) clauses.push("r.flags <> '[]'");
  if (filter.query && filter.query.trim()) {
    clauses.push('r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)');
    params.push(ftsQuery(filter.query));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Turns what a person types into an FTS5 query of quoted prefix terms (no FTS syntax errors). */
export function ftsQuery(text: string): string {
  const terms = text
    .split(/[\s\p{P}]+/u)
    .filter(Boolean)
    .map((t) => `"${t.replace(/"/g, '""')}"*`);
  return terms.length ? terms.join(' ') : '""';
}

export function listRecords(db: ReadDb, filter: RecordFilter, limit: number, offset: number): CustomsRecord[] {
  const w = where(filter);
  const rows = db
    .prepare(`SELECT r.* FROM records r ${w.sql} ORDER BY r.import_id, r.row LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as RecordRow[];
  return rows.map(toCustomsRecord);
}

export function countRecords(db: ReadDb, filter: RecordFilter): number {
  const w = where(filter);
  return (db.prepare(`SELECT count(*) AS n FROM records r ${w.sql}`).get(...w.params) as { n: number }).n;
}

export function getRecord(db: ReadDb, id: number): { record: CustomsRecord; raw: string[] } | null {
  const row = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  if (!row) return null;
  return { record: toCustomsRecord(row), raw: JSON.parse(row.raw) as string[] };
}

export const NUMERIC_FIELD_SET: ReadonlySet<RecordField> = new Set(NUMERIC_FIELDS);
