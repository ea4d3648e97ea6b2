import type { DocumentFlag, DocumentInfo, DocumentKind, TextStatus } from '../../../shared/domain/documents';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  sha256: string;
  file_name: string;
  media_type: string;
  kind: DocumentKind;
  size: number;
  title: string;
  source_url: string | null;
  captured_at: string | null;
  added_at: string;
  added_by: string;
  notes: string;
  page_count: number;
  text_status: TextStatus;
  flags: string;
  extractor: string;
  excerpts: number;
}

const toDocument = (r: Row): DocumentInfo => ({
  id: r.id,
  sha256: r.sha256,
  fileName: r.file_name,
  mediaType: r.media_type,
  kind: r.kind,
  size: r.size,
  title: r.title,
  sourceUrl: r.source_url,
  capturedAt: r.captured_at,
  addedAt: r.added_at,
  addedBy: r.added_by,
  notes: r.notes,
  pages: r.page_count,
  textStatus: r.text_status,
  flags: JSON.parse(r.flags) as DocumentFlag[],
  extractor: r.extractor,
  excerpts: r.excerpts,
});

// Everything but view_html, which can be large and only the viewer needs.
const SELECT = `SELECT d.id, d.sha256, d.file_name, d.media_type, d.kind, d.size, d.title, d.source_url, d.captured_at,
  d.added_at, d.added_by, d.notes, d.page_count, d.text_status, d.flags, d.extractor,
  (SELECT count(*) FROM excerpts e WHERE e.document_id = d.id) AS excerpts
  FROM documents d`;

/**
 * A document to add: what DocumentInfo describes, less what the case gives it (its id) or counts (its
 * excerpts), with the viewer's sanitized HTML (DocumentContent's), which the listing leaves out.
 */
export type NewDocument = Omit<DocumentInfo, 'id' | 'excerpts'> & { viewHtml: string | null };

export function insertDocument(db: WriteDb, d: NewDocument): number {
  return Number(
    db
      .prepare(
        `INSERT INTO documents (sha256, file_name, media_type, kind, size, title, source_url, captured_at, added_at, added_by,
           notes, page_count, text_status, flags, extractor, view_html)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.sha256,
        d.fileName,
        d.mediaType,
        d.kind,
        d.size,
        d.title,
        d.sourceUrl,
        d.capturedAt,
        d.addedAt,
        d.addedBy,
        d.notes,
        d.pages,
        d.textStatus,
        JSON.stringify(d.flags),
        d.extractor,
        d.viewHtml,
      ).lastInsertRowid,
  );
}

export function getDocument(db: ReadDb, id: number): DocumentInfo | null {
  const r = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as Row | undefined;
  return r ? toDocument(r) : null;
}

export function findDocumentBySha(db: ReadDb, sha256: string): DocumentInfo | null {
  const r = db.prepare(`${SELECT} WHERE d.sha256 = ?`).get(sha256) as Row | undefined;
  return r ? toDocument(r) : null;
}

export function listDocuments(db: ReadDb): DocumentInfo[] {
  return (db.prepare(`${SELECT} ORDER BY d.id`).all() as Row[]).map(toDocument);
}

export function countDocuments(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}

export function getViewHtml(db: ReadDb, id: number): string | null {
  const r = db.prepare('SELECT view_html FROM documents WHERE id = ?').get(id) as
    { view_html: string | null } | undefined;
  return r?.view_html ?? null;
}

export interface DocumentPatch {
  title?: string | undefined;
  sourceUrl?: string | undefined;
  capturedAt?: string | undefined;
  notes?: string | undefined;
}

/** Changes only the fields given; an empty source URL or capture date clears it. */
export function updateDocument(db: WriteDb, id: number, p: DocumentPatch): void {
  const orNull = (v: string | undefined) => (v === undefined ? undefined : v === '' ? null : v);
  db.prepare(
    `UPDATE documents SET
       title = coalesce(?, title),
       source_url = CASE WHEN ? THEN ? ELSE source_url END,
       captured_at = CASE WHEN ? THEN ? ELSE captured_at END,
       notes = coalesce(?, notes)
     WHERE id = ?`,
  ).run(
    p.title ?? null,
    p.sourceUrl !== undefined ? 1 : 0,
    orNull(p.sourceUrl) ?? null,
    p.capturedAt !== undefined ? 1 : 0,
    orNull(p.capturedAt) ?? null,
    p.notes ?? null,
    id,
  );
}

export function setTextStatus(db: WriteDb, id: number, status: TextStatus, extractor: string): void {
  db.prepare('UPDATE documents SET text_status = ?, extractor = ? WHERE id = ?').run(status, extractor, id);
}

/**
 * Removes a document's row, and its bytes unless something else in the
 * case keeps the same bytes (a source file, another table's reference:
 * the foreign key refuses, and the bytes stay).
 */
export function deleteDocument(db: WriteDb, id: number, sha256: string): void {
  db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  try {
    db.prepare('DELETE FROM blobs WHERE sha256 = ?').run(sha256);
  } catch (e) {
    if (!(e instanceof Error && /FOREIGN KEY/i.test(e.message))) throw e;
  }
}
