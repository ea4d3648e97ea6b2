import type { Migration } from './types';

/**
 * Source documents: metadata (bytes live in `blobs` by SHA-256), text per
 * page, excerpts, and two full-text indexes over the pages that share the
 * page table as their content:
 * - `document_pages_fts` (unicode61, diacritics folded) for words in Latin,
 *   Cyrillic and other space-separated scripts;
 * - `document_pages_tri` (trigram) for Chinese, Japanese and Korean, which
 *   are written without spaces, so word tokens do not exist.
 * Finding where an entity is "mentioned in" documents is a query over these
 * indexes (phrase MATCH, then offsets in the page text), never a re-scan.
 */
export const m0030: Migration = {
  version: 30,
  name: 'documents',
  sql: `
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE REFERENCES blobs(sha256),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf', 'html', 'docx', 'text', 'image')),
  size INTEGER NOT NULL,
  title TEXT NOT NULL,
  source_url TEXT,
  captured_at TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  page_count INTEGER NOT NULL,
  text_status TEXT NOT NULL CHECK (text_status IN ('text', 'no_text', 'ocr')),
  flags TEXT NOT NULL DEFAULT '[]',
  extractor TEXT NOT NULL,
  view_html TEXT
) STRICT;

CREATE TABLE document_pages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  page INTEGER NOT NULL CHECK (page >= 1),
  text TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'text' CHECK (source IN ('text', 'ocr')),
  UNIQUE (document_id, page)
) STRICT;

CREATE TABLE excerpts (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  page INTEGER NOT NULL,
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (end > start),
  FOREIGN KEY (document_id, page) REFERENCES document_pages(document_id, page)
) STRICT;
CREATE INDEX excerpts_document ON excerpts(document_id, page);

CREATE VIRTUAL TABLE document_pages_fts USING fts5(
  text, content='document_pages', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE document_pages_tri USING fts5(
  text, content='document_pages', content_rowid='id',
  tokenize='trigram remove_diacritics 1'
);
`,
};
