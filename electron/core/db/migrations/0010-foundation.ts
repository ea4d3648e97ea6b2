import type { Migration } from './types';

/**
 * The case file's first schema: metadata, blobs, sources and their imports,
 * customs records with their raw rows, rejects, and the hash-chained audit log.
 */
export const m0010: Migration = {
  version: 10,
  name: 'foundation',
  sql: `
CREATE TABLE case_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
) STRICT;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  -- The original bytes live in blobs under this key when they were stored (see import/keep-original.ts).
  blob_sha256 TEXT REFERENCES blobs(sha256),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sources_sha256 ON sources(sha256);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  preset TEXT,
  mapping TEXT NOT NULL,
  -- The header and mapping, stored once per import; with them records.raw rebuilds each row as read.
  columns TEXT NOT NULL,
  format TEXT NOT NULL DEFAULT 'csv',
  encoding TEXT NOT NULL,
  delimiter TEXT,
  -- The import's records have ids record_base + row (import/import-rows.ts): its rows are an id range.
  record_base INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rows_flagged INTEGER NOT NULL DEFAULT 0,
  replacement_chars INTEGER NOT NULL DEFAULT 0,
  warnings TEXT NOT NULL DEFAULT '[]',
  started_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  row INTEGER NOT NULL,
  date TEXT,
  direction TEXT,
  declaration_no TEXT,
  shipper TEXT,
  shipper_address TEXT,
  shipper_country TEXT,
  shipper_id TEXT,
  consignee TEXT,
  consignee_address TEXT,
  consignee_country TEXT,
  consignee_id TEXT,
  notify TEXT,
  producer TEXT,
  hs_code TEXT,
  description TEXT,
  quantity REAL,
  unit TEXT,
  net_kg REAL,
  gross_kg REAL,
  value REAL,
  currency TEXT,
  value_usd REAL,
  origin_country TEXT,
  destination_country TEXT,
  trading_country TEXT,
  port_lading TEXT,
  port_unlading TEXT,
  customs_post TEXT,
  transport TEXT,
  vessel TEXT,
  flags TEXT NOT NULL DEFAULT '[]',
  -- The raw values the normalized columns do not reproduce, {column index: text} (import/raw-row.ts):
  -- with the import's columns and mapping it rebuilds the row exactly as read.
  raw TEXT NOT NULL
) STRICT;
-- No (import_id, row) index: an import numbers its records id = (largest id before it) + row
-- (import/import-rows.ts), so id order is (import_id, row) order and a row is found by its id;
-- a second b-tree written for every one of a million rows would only slow the import.

CREATE TABLE rejects (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  row INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  duplicate_of INTEGER
) STRICT;
CREATE INDEX rejects_import ON rejects(import_id, row);

CREATE TABLE saved_mappings (
  name TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL
) STRICT;

-- Contentless full-text index over party names and descriptions (the text lives once, in records).
-- unicode61 folds case and diacritics for Latin and Cyrillic; cjk holds overlapping bigrams of the
-- Han/Kana/Hangul runs of those fields, because unicode61 would keep a whole Chinese run as one token.
CREATE VIRTUAL TABLE records_fts USING fts5(
  shipper, consignee, notify, producer, description, cjk,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);
-- Pending index data held in memory before FTS5 writes a segment (default 1 MB): 8 MB makes a
-- million-row import write fewer, larger segments and merge less (measured ~7% less FTS CPU).
INSERT INTO records_fts(records_fts, rank) VALUES('hashsize', 8388608);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
`,
};
