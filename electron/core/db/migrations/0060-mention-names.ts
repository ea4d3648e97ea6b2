import type { Migration } from './types';

/**
 * Mentions name their party through a row of mention_names (raw name as
 * written, identifier, country) instead of repeating the text: 1M records
 * carry about 2.5M mentions but a few hundred thousand distinct names, and
 * a resolve rewrites every mention (integers write several times faster
 * than the names themselves). Existing mentions are carried over.
 *
 * The checks on role and decided_by are written as ORs: SQLite evaluates
 * a CHECK … IN (list) per row at a cost that, over 2.5M rows, more than
 * doubled the time of writing them; the ORs cost next to nothing.
 */
export const m0060: Migration = {
  version: 60,
  name: 'mention-names',
  sql: `
CREATE TABLE mention_names (
  id INTEGER PRIMARY KEY,
  raw_name TEXT NOT NULL,
  identifier TEXT,
  country TEXT
) STRICT;
INSERT INTO mention_names (raw_name, identifier, country) SELECT DISTINCT raw_name, identifier, country FROM mentions;
CREATE INDEX temp_mention_names_lookup ON mention_names(raw_name, identifier, country);

CREATE TABLE mentions_by_name (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role = 'shipper' OR role = 'consignee' OR role = 'notify' OR role = 'producer'),
  name_id INTEGER NOT NULL,
  entity_id INTEGER,
  decided_by TEXT NOT NULL CHECK (decided_by = 'auto' OR decided_by = 'identifier' OR decided_by = 'declaration' OR decided_by = 'judgement')
) STRICT;
INSERT INTO mentions_by_name (id, record_id, role, name_id, entity_id, decided_by)
  SELECT m.id, m.record_id, m.role, n.id, m.entity_id, m.decided_by FROM mentions m
  JOIN mention_names n ON n.raw_name = m.raw_name AND n.identifier IS m.identifier AND n.country IS m.country;
DROP INDEX temp_mention_names_lookup;
DROP TABLE mentions;
ALTER TABLE mentions_by_name RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE UNIQUE INDEX mentions_record ON mentions(record_id, role);
`,
};
