import type { ImportInfo, Mapping, Reject } from '../../../shared/domain/records';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  source_id: number;
  file_name: string;
  sha256: string;
  preset: string | null;
  status: 'done' | 'failed';
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  duplicates: number;
  rows_flagged: number;
  blank_rows: number;
  started_at: string;
  finished_at: string | null;
  encoding: string;
  columns: string;
  format: string;
  delimiter: string | null;
  mapping: string;
}

const toImportInfo = (r: Row): ImportInfo => ({
  id: r.id,
  sourceId: r.source_id,
  fileName: r.file_name,
  sha256: r.sha256,
  preset: r.preset,
  status: r.status,
  rowsRead: r.rows_read,
  rowsImported: r.rows_imported,
  rowsRejected: r.rows_rejected,
  duplicates: r.duplicates,
  rowsFlagged: r.rows_flagged,
  blankRows: r.blank_rows,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  encoding: r.encoding,
});

const SELECT = `SELECT i.*, s.file_name, s.sha256 FROM imports i JOIN sources s ON s.id = i.source_id`;

export interface NewImport {
  sourceId: number;
  preset: string | null;
  mapping: unknown;
  columns: string[];
  format: string;
  encoding: string;
  delimiter: string | null;
  /** Records of this import get ids recordBase + row. */
  recordBase: number;
  startedAt: string;
}

/**
 * Imports are all or nothing (one transaction), so a row here is always a
 * finished import: 'done'. 'failed' is kept for imports recorded by a
 * later, resumable design.
 */
export function insertImport(db: WriteDb, i: NewImport): number {
  return Number(
    db
      .prepare(
        `INSERT INTO imports (source_id, preset, mapping, columns, format, encoding, delimiter, record_base, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'done', ?)`,
      )
      .run(
        i.sourceId,
        i.preset,
        JSON.stringify(i.mapping),
        JSON.stringify(i.columns),
        i.format,
        i.encoding,
        i.delimiter,
        i.recordBase,
        i.startedAt,
      ).lastInsertRowid,
  );
}

export interface ImportCounts {
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  duplicates: number;
  rowsFlagged: number;
  blankRows: number;
  replacementChars: number;
  warnings: string[];
}

export function finishImport(db: WriteDb, id: number, c: ImportCounts): void {
  db.prepare(
    `UPDATE imports SET rows_read = ?, rows_imported = ?, rows_rejected = ?, duplicates = ?, rows_flagged = ?, blank_rows = ?, replacement_chars = ?, warnings = ?, finished_at = ? WHERE id = ?`,
  ).run(
    c.rowsRead,
    c.rowsImported,
    c.rowsRejected,
    c.duplicates,
    c.rowsFlagged,
    c.blankRows,
    c.replacementChars,
    JSON.stringify(c.warnings),
    new Date().toISOString(),
    id,
  );
}

export function listImports(db: ReadDb): ImportInfo[] {
  return (db.prepare(`${SELECT} ORDER BY i.id`).all() as Row[]).map(toImportInfo);
}

export function countImports(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
}

export function getImport(
  db: ReadDb,
  id: number,
): (ImportInfo & { columns: string[]; mapping: Mapping; format: string; delimiter: string | null }) | null {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  return r
    ? {
        ...toImportInfo(r),
        columns: JSON.parse(r.columns) as string[],
        mapping: JSON.parse(r.mapping) as Mapping,
        format: r.format,
        delimiter: r.delimiter,
      }
    : null;
}

/** The earlier import of a file with this SHA-256, if any. */
export function findImportBySha(db: ReadDb, sha256: string): ImportInfo | null {
  const r = db.prepare(`${SELECT} WHERE s.sha256 = ? AND i.status = 'done' ORDER BY i.id LIMIT 1`).get(sha256) as
    Row | undefined;
  return r ? toImportInfo(r) : null;
}

/** A prepared reject writer for one import. */
export function rejectInserter(db: WriteDb, importId: number): (r: Reject) => void {
  const stmt = db.prepare('INSERT INTO rejects (import_id, row, reason, raw, duplicate_of) VALUES (?, ?, ?, ?, ?)');
  return (r) => {
    stmt.run(importId, r.row, r.reason, r.raw, r.duplicateOf ?? null);
  };
}

/** Whether any source of this exact size was imported (only then can a file be a re-import). */
export function sourceOfSizeExists(db: ReadDb, size: number): boolean {
  return (
    db
      .prepare(
        "SELECT 1 FROM sources s JOIN imports i ON i.source_id = s.id WHERE s.size = ? AND i.status = 'done' LIMIT 1",
      )
      .get(size) !== undefined
  );
}

/** An import's rejects in row order; a page of them with `limit` (and `offset`). */
export function listRejects(db: ReadDb, importId: number, limit = -1, offset = 0): Reject[] {
  const rows = db
    .prepare('SELECT row, reason, raw, duplicate_of FROM rejects WHERE import_id = ? ORDER BY row LIMIT ? OFFSET ?')
    .all(importId, limit, offset) as { row: number; reason: string; raw: string; duplicate_of: number | null }[];
  return rows.map((r) => ({
    row: r.row,
    reason: r.reason,
    raw: r.raw,
    ...(r.duplicate_of ? { duplicateOf: r.duplicate_of } : {}),
  }));
}
