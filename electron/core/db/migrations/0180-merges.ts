import type { Migration } from './types';

/**
 * Merges of a colleague's case into this one (exchange/merge.ts):
 * - `merges`: one row per merge not undone: when, by whom, the other
 *   file's digest and signer, and what it added (JSON counts);
 * - `merge_changes`: the merge's undo log, in the order it wrote: each row
 *   it inserted (`before` NULL: undo deletes it) and the prior values of
 *   each row it changed (`before`: JSON of the whole row, which undo puts
 *   back). Undoing replays it backwards, then removes the merge's rows here,
 *   so the case is as it was (its audit log says both happened);
 * - `merge_conflicts`: a thing both sides changed differently (an
 *   annotation, a link, a diagram): both versions kept, mine in place and
 *   theirs here, until the investigator picks one.
 */
export const m0180: Migration = {
  version: 180,
  name: 'merges',
  sql: `
CREATE TABLE merges (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  other_file TEXT NOT NULL,
  other_digest TEXT NOT NULL,
  -- JSON Signer of the other file's seal, or NULL when it had none.
  signer TEXT,
  verified INTEGER NOT NULL,
  added TEXT NOT NULL,
  audit_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE merge_changes (
  merge_id INTEGER NOT NULL REFERENCES merges(id),
  seq INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  before TEXT,
  PRIMARY KEY (merge_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE merge_conflicts (
  id INTEGER PRIMARY KEY,
  merge_id INTEGER NOT NULL REFERENCES merges(id),
  kind TEXT NOT NULL CHECK (kind IN ('annotation', 'link', 'diagram')),
  local_id INTEGER NOT NULL,
  mine TEXT NOT NULL,
  theirs TEXT NOT NULL,
  theirs_by TEXT NOT NULL,
  picked TEXT CHECK (picked IN ('mine', 'theirs')),
  picked_at TEXT,
  picked_by TEXT
) STRICT;
CREATE INDEX merge_conflicts_merge ON merge_conflicts(merge_id);
`,
};
