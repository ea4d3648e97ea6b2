import type { Migration } from './types';

/**
 * Diagrams, links and annotations.
 *
 * A diagram keeps only what a person placed: nodes (an entity, document or
 * excerpt by id, a note, a group) and edges between them. A shipment edge
 * stores its two nodes and nothing else: its count, value, dates and HS
 * chapters are summed from the records through the mentions each time it
 * is shown (the existing indexes mentions(name_id) — which carries the
 * record and role, the table being keyed by them — and
 * mention_names(entity_id) serve that; an index added on mentions here
 * would not survive a resolve, which swaps in a new mentions table).
 *
 * Nodes, links and evidence point at entities, documents, excerpts and
 * records without foreign keys: deleting evidence must neither fail nor
 * cascade because a diagram shows it; the diagram shows it as removed.
 * `ref_label` keeps what a node's thing was called when it was placed, to
 * name it once removed. AUTOINCREMENT keeps an id from being given again:
 * redo puts an undone node back under its old id, which nothing else may
 * have taken meanwhile.
 *
 * `entity_anchors` keeps, for each entity a diagram or link points at, one
 * mention (record and role) of it: an entity merged away and brought back by
 * an undo comes back under a new id, and its anchor's mention is how a node
 * finds it again.
 *
 * `diagram_history` is each diagram's undo log: a command is a list of ops
 * with the ops that undo it, and `diagrams.history_position` is the last
 * command applied (the ones after it can be redone).
 */
export const m0100: Migration = {
  version: 100,
  name: 'diagrams',
  sql: `
CREATE TABLE diagrams (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  viewport TEXT NOT NULL DEFAULT '{"x":0,"y":0,"zoom":1}',
  date_from TEXT,
  date_to TEXT,
  hs_chapters TEXT NOT NULL DEFAULT '[]',
  history_position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE diagram_nodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  diagram_id INTEGER NOT NULL REFERENCES diagrams(id),
  kind TEXT NOT NULL CHECK (kind IN ('entity', 'document', 'excerpt', 'note', 'group')),
  ref INTEGER,
  ref_label TEXT,
  text TEXT,
  label TEXT,
  x REAL NOT NULL,
  y REAL NOT NULL,
  w REAL NOT NULL,
  h REAL NOT NULL,
  style TEXT NOT NULL DEFAULT '{}',
  parent_id INTEGER REFERENCES diagram_nodes(id),
  CHECK ((kind IN ('entity', 'document', 'excerpt')) = (ref IS NOT NULL))
) STRICT;
CREATE INDEX diagram_nodes_diagram ON diagram_nodes(diagram_id);
CREATE INDEX diagram_nodes_parent ON diagram_nodes(parent_id);

CREATE TABLE diagram_edges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  diagram_id INTEGER NOT NULL REFERENCES diagrams(id),
  kind TEXT NOT NULL CHECK (kind IN ('shipment', 'link', 'free')),
  source_node INTEGER NOT NULL REFERENCES diagram_nodes(id),
  target_node INTEGER NOT NULL REFERENCES diagram_nodes(id),
  link_id INTEGER,
  label TEXT,
  style TEXT NOT NULL DEFAULT '{}',
  CHECK ((kind = 'link') = (link_id IS NOT NULL))
) STRICT;
CREATE INDEX diagram_edges_diagram ON diagram_edges(diagram_id);
CREATE INDEX diagram_edges_source ON diagram_edges(source_node);
CREATE INDEX diagram_edges_target ON diagram_edges(target_node);

CREATE TABLE diagram_history (
  diagram_id INTEGER NOT NULL REFERENCES diagrams(id),
  seq INTEGER NOT NULL,
  label TEXT NOT NULL,
  forward TEXT NOT NULL,
  inverse TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (diagram_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_entity INTEGER NOT NULL,
  target_entity INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('owns', 'subsidiary_of', 'director_of', 'supplier_of', 'associated', 'custom')),
  custom_label TEXT,
  grade TEXT NOT NULL CHECK (grade IN ('confirmed', 'tentative', 'unconfirmed')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (type <> 'custom' OR custom_label IS NOT NULL)
) STRICT;
CREATE INDEX links_source ON links(source_entity);
CREATE INDEX links_target ON links(target_entity);

CREATE TABLE link_evidence (
  link_id INTEGER NOT NULL REFERENCES links(id),
  kind TEXT NOT NULL CHECK (kind IN ('record', 'excerpt')),
  ref INTEGER NOT NULL,
  PRIMARY KEY (link_id, kind, ref)
) STRICT, WITHOUT ROWID;
CREATE INDEX link_evidence_ref ON link_evidence(kind, ref);

CREATE TABLE annotations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target TEXT NOT NULL CHECK (target IN ('node', 'edge', 'record', 'entity')),
  target_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX annotations_target ON annotations(target, target_id);

CREATE TABLE entity_anchors (
  entity_id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL,
  role TEXT NOT NULL
) STRICT;
`,
};
