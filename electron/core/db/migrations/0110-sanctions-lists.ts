import type { Migration } from './types';

/**
 * Sanctions lists as files, and the screening of entities against them.
 *
 * A list (`sanction_lists`: OFAC SDN, an OpenSanctions dataset…) has
 * versions, each one file set as published on a date: its files are
 * `sources` like any import (SHA-256, original bytes in `blobs`), linked
 * by `sanction_list_files`. A version is never replaced: a newer one is
 * added beside it, so a screening made against the old one still shows
 * what the investigator saw then. The current version of a list is its
 * latest as-of date.
 *
 * An entry's facts (aliases in every script, identifiers, countries,
 * addresses, programs, listing date, remarks) are rows of
 * `sanction_entry_values`, keyed by the entry's id in its list
 * (`external_id`), not by its rowid: list files give an entry's facts in
 * other files (OFAC alt.csv, add.csv) or in other lines (an FtM Sanction
 * before or after its target), so a streamed import writes each fact as
 * it comes, in any order, and memory stays flat.
 *
 * A hit belongs to a screening run. Its review (confirmed, false positive)
 * is kept apart, keyed by entity, list and the entry's id in the list, so
 * that it survives re-screens and new versions of the list.
 */
export const m0110: Migration = {
  version: 110,
  name: 'sanctions-lists',
  sql: `
CREATE TABLE sanction_lists (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  authority TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('ofac', 'ftm', 'opensanctions-csv', 'csv')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sanction_list_versions (
  id INTEGER PRIMARY KEY,
  list_id INTEGER NOT NULL REFERENCES sanction_lists(id),
  as_of TEXT NOT NULL,
  -- The SHA-256 of the version's main file (sdn.csv, the JSON lines, the CSV).
  sha256 TEXT NOT NULL,
  entries INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  UNIQUE (list_id, sha256)
) STRICT;
CREATE INDEX sanction_list_versions_list ON sanction_list_versions(list_id, as_of);

CREATE TABLE sanction_list_files (
  version_id INTEGER NOT NULL REFERENCES sanction_list_versions(id),
  source_id INTEGER NOT NULL REFERENCES sources(id),
  role TEXT NOT NULL,
  PRIMARY KEY (version_id, source_id)
) STRICT;

CREATE TABLE sanction_entries (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES sanction_list_versions(id),
  external_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  -- Line of the file the entry was read from (provenance).
  line INTEGER NOT NULL,
  UNIQUE (version_id, external_id)
) STRICT;

CREATE TABLE sanction_entry_values (
  version_id INTEGER NOT NULL REFERENCES sanction_list_versions(id),
  external_id TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('alias', 'identifier', 'country', 'address', 'program', 'listed_on', 'remarks', 'birth_date')),
  value TEXT NOT NULL
) STRICT;
CREATE INDEX sanction_entry_values_entry ON sanction_entry_values(version_id, external_id);

CREATE TABLE screening_runs (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  -- JSON array of the list version ids screened against.
  versions TEXT NOT NULL,
  entities INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  hits INTEGER NOT NULL
) STRICT;

CREATE TABLE screening_hits (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES screening_runs(id),
  entity_id INTEGER NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES sanction_entries(id),
  score REAL NOT NULL,
  entity_name TEXT NOT NULL,
  entry_name TEXT NOT NULL,
  reasons TEXT NOT NULL,
  UNIQUE (run_id, entity_id, entry_id)
) STRICT;
CREATE INDEX screening_hits_entity ON screening_hits(entity_id, run_id);

CREATE TABLE screening_reviews (
  entity_id INTEGER NOT NULL,
  list_id INTEGER NOT NULL REFERENCES sanction_lists(id),
  external_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'false_positive')),
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (entity_id, list_id, external_id)
) STRICT;
`,
};
