import type { Excerpt } from '../../../shared/domain/documents';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  document_id: number;
  page: number;
  start: number;
  end: number;
  quote: string;
  note: string;
  created_at: string;
  created_by: string;
  title: string;
}

const toExcerpt = (r: Row): Excerpt => ({
  id: r.id,
  documentId: r.document_id,
  page: r.page,
  start: r.start,
  end: r.end,
  quote: r.quote,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
  documentTitle: r.title,
});

const SELECT = 'SELECT e.*, d.title FROM excerpts e JOIN documents d ON d.id = e.document_id';

export type NewExcerpt = Omit<Excerpt, 'id' | 'documentTitle'>;

export function insertExcerpt(db: WriteDb, e: NewExcerpt): number {
  return Number(
    db
      .prepare(
        'INSERT INTO excerpts (document_id, page, start, end, quote, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(e.documentId, e.page, e.start, e.end, e.quote, e.note, e.createdAt, e.createdBy).lastInsertRowid,
  );
}

export function getExcerpt(db: ReadDb, id: number): Excerpt | null {
  const r = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
  return r ? toExcerpt(r) : null;
}

export function listExcerpts(db: ReadDb, documentId?: number): Excerpt[] {
  const rows =
    documentId === undefined
      ? (db.prepare(`${SELECT} ORDER BY e.document_id, e.page, e.start`).all() as Row[])
      : (db.prepare(`${SELECT} WHERE e.document_id = ? ORDER BY e.page, e.start`).all(documentId) as Row[]);
  return rows.map(toExcerpt);
}

export function updateExcerptNote(db: WriteDb, id: number, note: string): void {
  db.prepare('UPDATE excerpts SET note = ? WHERE id = ?').run(note, id);
}

export function deleteExcerpt(db: WriteDb, id: number): void {
  db.prepare('DELETE FROM excerpts WHERE id = ?').run(id);
}
