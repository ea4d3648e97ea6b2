import type { Migration } from './types';

/**
 * Entities (companies) resolved from party mentions, the names seen for
 * each, the mentions themselves (which record names which entity in which
 * role, and how that was decided), the investigator's judgements, and the
 * review queue of uncertain pairs.
 */
export const m0040: Migration = {
  version: 40,
  name: 'entities',
  sql: `
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- 1 when a person set the canonical name; a later resolve keeps it.
  name_edited INTEGER NOT NULL DEFAULT 0,
  country TEXT,
  identifiers TEXT NOT NULL DEFAULT '[]',
  mention_count INTEGER NOT NULL DEFAULT 0,
  -- Set when a resolve or merge folded this entity into another; other tables may still point here.
  merged_into INTEGER REFERENCES entities(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX entities_active ON entities(merged_into, mention_count);

CREATE TABLE entity_names (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  name TEXT NOT NULL,
  scripts TEXT NOT NULL,
  legal_form TEXT,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (entity_id, name)
) STRICT;

-- No foreign keys here: the resolver rewrites every mention in one transaction
-- from the records and entities it just read and wrote, and checking two keys
-- per row would double the time of writing 2M mentions.
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('shipper', 'consignee', 'notify', 'producer')),
  raw_name TEXT NOT NULL,
  identifier TEXT,
  country TEXT,
  entity_id INTEGER,
  decided_by TEXT NOT NULL CHECK (decided_by IN ('auto', 'identifier', 'declaration', 'judgement'))
) STRICT;
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE UNIQUE INDEX mentions_record ON mentions(record_id, role);

CREATE TABLE judgements (
  id INTEGER PRIMARY KEY,
  decision TEXT NOT NULL CHECK (decision IN ('same', 'not_same', 'unsure')),
  -- JSON [{name, identifier}] of each side at the time of the decision.
  side_a TEXT NOT NULL,
  side_b TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  revoked_at TEXT,
  revoked_by TEXT
) STRICT;

CREATE TABLE review_queue (
  id INTEGER PRIMARY KEY,
  entity_a INTEGER NOT NULL REFERENCES entities(id),
  entity_b INTEGER NOT NULL REFERENCES entities(id),
  score REAL NOT NULL,
  reasons TEXT NOT NULL,
  unsure INTEGER NOT NULL DEFAULT 0,
  UNIQUE (entity_a, entity_b)
) STRICT;
`,
};
