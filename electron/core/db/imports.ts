import type { ImportInfo, Reject } from '../../../shared/domain/records';
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
  started_at: string;
  finished_at: string | null;
  encoding: string;
  columns: string;
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
  encoding: string;
  startedAt: string;
}

export function insertImport(db: WriteDb, i: NewImport): number {
  return Number(
    db
      .prepare(
        `INSERT INTO imports (source_id, preset, mapping, columns, encoding, status, started_at) VALUES (?, ?, ?, ?, ?, 'done', ?)`,
      )
      .run(i.sourceId, i.preset, JSON.stringify(i.mapping), JSON.stringify(i.columns), i.encoding, i.startedAt)
      .lastInsertRowid,
  );
}

export interface ImportCounts {
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  duplicates: number;
  rowsFlagged: number;
  warnings: string[];
}

export function finishImport(db: WriteDb, id: number, c: ImportCounts): void {
  db.prepare(
    `UPDATE imports SET rows_read = ?, rows_imported = ?, rows_rejected = ?, duplicates = ?, rows_flagged = ?, warnings = ?, finished_at = ? WHERE id = ?`,
  ).run(c.rowsRead, c.rowsImported, c.rowsRejected, c.duplicates, c.rowsFlagged, JSON.stringify(c.warnings), new Date().toISOString(), id);
}

export function listImports(db: ReadDb): ImportInfo[] {
  return (db.prepare(`${SELECT} ORDER BY i.id`).all() as Row[]).map(toImportInfo);
}

export function getImport(db: ReadDb, id: number): (ImportInfo & { columns: string[] }) | null {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  return r ? { ...toImportInfo(r), columns: JSON.parse(r.columns) as string[] } : null;
}

/** The earlier import of a file with this SHA-256, if any. */
export function findImportBySha(db: ReadDb, sha256: string): ImportInfo | null {
  const r = db.prepare(`${SELECT} WHERE s.sha256 = ? AND i.status = 'done' ORDER BY i.id LIMIT 1`).get(sha256) as
    | Row
    | undefined;
  return r ? toImportInfo(r) : null;
}

export function insertReject(db: WriteDb, importId: number, r: Reject): void {
  db.prepare('INSERT INTO rejects (import_id, row, reason, raw, duplicate_of) VALUES (?, ?, ?, ?, ?)').run(
    importId,
    r.row,
    r.reason,
    r.raw,
    r.duplicateOf ?? null,
  );
}

export function listRejects(db: ReadDb, importId: number): Reject[] {
  const rows = db
    .prepare('SELECT row, reason, raw, duplicate_of FROM rejects WHERE import_id = ? ORDER BY row')
    .all(importId) as { row: number; reason: string; raw: string; duplicate_of: number | null }[];
  return rows.map((r) => ({ row: r.row, reason: r.reason, raw: r.raw, ...(r.duplicate_of ? { duplicateOf: r.duplicate_of } : {}) }));
}
