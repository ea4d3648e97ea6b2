import type { Migration } from './types';

/**
 * The entity (and how it was decided) moves from each mention to its name:
 * every mention of one name_id is in one entity, whether a resolve, a
 * manual merge or a split (which moves names) put it there. Mentions become
 * (record, role, name) keyed by record and role, without a rowid: a resolve
 * of 1M records rewrites ~2.5M of them, and this shape writes in about half
 * the time (no rowid, no second copy of the key in a unique index, no
 * entity index to rebuild). mention_names keeps its mention count, so a
 * resolve reads the previous run's entities without counting 2.5M rows.
 */
export const m0070: Migration = {
  version: 70,
  name: 'entity-per-name',
  sql: `
CREATE TABLE mention_names_v2 (
  id INTEGER PRIMARY KEY,
  raw_name TEXT NOT NULL,
  identifier TEXT,
  country TEXT,
  entity_id INTEGER,
  decided_by TEXT NOT NULL CHECK (decided_by = 'auto' OR decided_by = 'identifier' OR decided_by = 'declaration' OR decided_by = 'judgement'),
  mentions INTEGER NOT NULL
) STRICT;
INSERT INTO mention_names_v2 (id, raw_name, identifier, country, entity_id, decided_by, mentions)
  SELECT n.id, n.raw_name, n.identifier, n.country, m.entity_id, m.decided_by, m.n
  FROM mention_names n
  JOIN (SELECT name_id, max(entity_id) AS entity_id, max(decided_by) AS decided_by, count(*) AS n FROM mentions GROUP BY name_id) m ON m.name_id = n.id;

CREATE TABLE mentions_v2 (
  record_id INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role = 'shipper' OR role = 'consignee' OR role = 'notify' OR role = 'producer'),
  name_id INTEGER NOT NULL,
  PRIMARY KEY (record_id, role)
) STRICT, WITHOUT ROWID;
INSERT INTO mentions_v2 (record_id, role, name_id) SELECT record_id, role, name_id FROM mentions;

DROP TABLE mentions;
DROP TABLE mention_names;
ALTER TABLE mentions_v2 RENAME TO mentions;
ALTER TABLE mention_names_v2 RENAME TO mention_names;
CREATE INDEX mentions_name ON mentions(name_id);
CREATE INDEX mention_names_entity ON mention_names(entity_id);
`,
};
