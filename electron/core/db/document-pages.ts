import type { DocumentPage } from '../../../shared/domain/documents';
import type { ReadDb, WriteDb } from './types';
import { foldForIndex } from './records-fts';

interface Row {
  id: number;
  document_id: number;
  page: number;
  text: string;
  source: 'text' | 'ocr';
}

const toPage = (r: Row): DocumentPage => ({ documentId: r.document_id, page: r.page, text: r.text, source: r.source });

/**
 * The text the indexes see: the page's text with the folds SQLite's
 * tokenizers do not make (ё → е, as Russian readers treat them). Every fold
 * keeps the length, so snippets cut from the stored text line up.
 * Queries are folded the same way.
 */

/**
 * Writes one page and its entries in both full-text indexes. The indexes
 * take their content from `document_pages` (external content), so the text
 * is stored once; they are kept in step here rather than by triggers, which
 * a case file never carries (trusted_schema is off and received files are
 * checked for triggers they should not have).
 */
export function insertPage(
  db: WriteDb,
  documentId: number,
  page: number,
  text: string,
  source: 'text' | 'ocr' = 'text',
): void {
  const rowid = Number(
    db
      .prepare('INSERT INTO document_pages (document_id, page, text, source) VALUES (?, ?, ?, ?)')
      .run(documentId, page, text, source).lastInsertRowid,
  );
  if (text === '') return;
  db.prepare('INSERT INTO document_pages_fts (rowid, text) VALUES (?, ?)').run(rowid, foldForIndex(text));
  db.prepare('INSERT INTO document_pages_tri (rowid, text) VALUES (?, ?)').run(rowid, foldForIndex(text));
}

/** Replaces an empty page's text (OCR). Pages that have text are never rewritten: excerpts point into them. */
export function fillEmptyPage(db: WriteDb, documentId: number, page: number, text: string): boolean {
  const row = db
    .prepare('SELECT id, text FROM document_pages WHERE document_id = ? AND page = ?')
    .get(documentId, page) as { id: number; text: string } | undefined;
  if (!row || row.text !== '' || text === '') return false;
  db.prepare("UPDATE document_pages SET text = ?, source = 'ocr' WHERE id = ?").run(text, row.id);
  db.prepare('INSERT INTO document_pages_fts (rowid, text) VALUES (?, ?)').run(row.id, foldForIndex(text));
  db.prepare('INSERT INTO document_pages_tri (rowid, text) VALUES (?, ?)').run(row.id, foldForIndex(text));
  return true;
}

export function getPage(db: ReadDb, documentId: number, page: number): DocumentPage | null {
  const r = db.prepare('SELECT * FROM document_pages WHERE document_id = ? AND page = ?').get(documentId, page) as
    Row | undefined;
  return r ? toPage(r) : null;
}

export function listPages(db: ReadDb, documentId: number): DocumentPage[] {
  return (db.prepare('SELECT * FROM document_pages WHERE document_id = ? ORDER BY page').all(documentId) as Row[]).map(
    toPage,
  );
}

export interface PageMatch {
  documentId: number;
  page: number;
  title: string;
  snippet: string;
  text: string;
}

/** Which index a query goes to: words (unicode61) or character trigrams (CJK). */
export type PageIndex = 'words' | 'trigrams';

/**
 * Pages matching an FTS5 query, best first (bm25), with a plain snippet
 * (the caller highlights the terms it searched for). The page text comes
 * along so the caller can locate the terms itself (e.g. entity mentions
 * with offsets).
 */
export function matchPages(
  db: ReadDb,
  index: PageIndex,
  ftsQuery: string,
  limit: number,
  documentId?: number,
): PageMatch[] {
  const table = index === 'words' ? 'document_pages_fts' : 'document_pages_tri';
  const sql = `SELECT p.document_id, p.page, d.title, p.text,
      snippet(${table}, 0, '', '', '…', 24) AS snippet
    FROM ${table} f JOIN document_pages p ON p.id = f.rowid JOIN documents d ON d.id = p.document_id
    WHERE ${table} MATCH ? ${documentId === undefined ? '' : 'AND p.document_id = ?'}
    ORDER BY f.rank LIMIT ?`;
  const params: unknown[] = documentId === undefined ? [ftsQuery, limit] : [ftsQuery, documentId, limit];
  const rows = db.prepare(sql).all(...params) as {
    document_id: number;
    page: number;
    title: string;
    text: string;
    snippet: string;
  }[];
  return rows.map((r) => ({
    documentId: r.document_id,
    page: r.page,
    title: r.title,
    snippet: r.snippet,
    text: r.text,
  }));
}

/**
 * Pages containing every one of `needles` (case-folded by the caller), by a
 * plain scan: only for CJK terms of one or two characters, which no
 * trigram can index.
 */
export function scanPages(db: ReadDb, needles: string[], limit: number, documentId?: number): PageMatch[] {
  // lower() folds ASCII only; the caller lowercases ASCII in the needles to match.
  const where = needles.map(() => "instr(replace(lower(p.text), 'ё', 'е'), ?) > 0").join(' AND ');
  const sql = `SELECT p.document_id, p.page, d.title, p.text FROM document_pages p JOIN documents d ON d.id = p.document_id
    WHERE ${where} ${documentId === undefined ? '' : 'AND p.document_id = ?'} ORDER BY p.document_id, p.page LIMIT ?`;
  const params: unknown[] = [...needles, ...(documentId === undefined ? [] : [documentId]), limit];
  const rows = db.prepare(sql).all(...params) as { document_id: number; page: number; title: string; text: string }[];
  return rows.map((r) => ({ documentId: r.document_id, page: r.page, title: r.title, snippet: '', text: r.text }));
}

/** Removes a document's pages and their index entries (external-content indexes are told the text they had). */
export function deletePages(db: WriteDb, documentId: number): void {
  const rows = db
    .prepare("SELECT id, text FROM document_pages WHERE document_id = ? AND text <> ''")
    .all(documentId) as { id: number; text: string }[];
  const dropWords = db.prepare(
    "INSERT INTO document_pages_fts (document_pages_fts, rowid, text) VALUES ('delete', ?, ?)",
  );
  const dropTrigrams = db.prepare(
    "INSERT INTO document_pages_tri (document_pages_tri, rowid, text) VALUES ('delete', ?, ?)",
  );
  for (const r of rows) {
    dropWords.run(r.id, foldForIndex(r.text));
    dropTrigrams.run(r.id, foldForIndex(r.text));
  }
  db.prepare('DELETE FROM document_pages WHERE document_id = ?').run(documentId);
}
