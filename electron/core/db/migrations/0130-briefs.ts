import type { Migration } from './types';

/**
 * Briefs and their versions. A version is never changed once saved: it is
 * what a rendered PDF's hash in the audit log can be checked against by
 * rendering it again. The findings with their citations are one JSON value
 * per version (validated by the contract's schema on save, read whole to
 * render); citations point at records, excerpts, links and diagrams by id
 * without foreign keys, so deleting evidence neither fails nor cascades —
 * the brief renders the citation as "[source removed]".
 * `generated_from` is the diagram ids (JSON) of a default brief, so that
 * rendering the same diagrams again finds it instead of making another.
 */
export const m0130: Migration = {
  version: 130,
  name: 'briefs',
  sql: `
CREATE TABLE briefs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  generated_from TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX briefs_generated_from ON briefs(generated_from);

CREATE TABLE brief_versions (
  brief_id INTEGER NOT NULL REFERENCES briefs(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  title TEXT NOT NULL,
  author TEXT NOT NULL,
  summary TEXT NOT NULL,
  findings TEXT NOT NULL,
  diagrams TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  PRIMARY KEY (brief_id, version)
) STRICT;
`,
};
