import { CustodianError } from '../../../shared/result';
import { sealedTables } from './table-walk';
import type { WriteDb } from './types';

/**
 * The SQL of a redacted export (exchange/redact.ts), run on the export's
 * own copy, never on the case. What is kept is worked out first into temp
 * tables (in the connection's temp database, not in the file); then every
 * table is cut down to it. A table this list does not know (one a later
 * version adds) is emptied: redaction keeps only what it can name.
 */
const KEEP_SETS = `
CREATE TEMP TABLE keep_diagrams (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_nodes (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_edges (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_entities (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_links (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_records (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_excerpts (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_documents (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_imports (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_names (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE keep_hits (id INTEGER PRIMARY KEY);
`;

const DROP_KEEP_SETS = [...KEEP_SETS.matchAll(/CREATE TEMP TABLE (\w+)/g)]
  .map((m) => `DROP TABLE temp.${m[1]};`)
  .join(' ');

/** Works out what the chosen diagrams rest on. */
const FILL = [
  `INSERT INTO keep_nodes SELECT id FROM diagram_nodes WHERE diagram_id IN (SELECT id FROM keep_diagrams)`,
  `INSERT INTO keep_edges SELECT id FROM diagram_edges WHERE diagram_id IN (SELECT id FROM keep_diagrams)`,
  `INSERT OR IGNORE INTO keep_entities SELECT ref FROM diagram_nodes WHERE id IN (SELECT id FROM keep_nodes) AND kind = 'entity'`,
  `INSERT OR IGNORE INTO keep_links SELECT link_id FROM diagram_edges WHERE id IN (SELECT id FROM keep_edges) AND kind = 'link'`,
  // A shipment edge rests on every record from its shipper's entity to its consignee's.
  `INSERT OR IGNORE INTO keep_records
     SELECT sm.record_id FROM diagram_edges e
     JOIN diagram_nodes s ON s.id = e.source_node AND s.kind = 'entity'
     JOIN diagram_nodes t ON t.id = e.target_node AND t.kind = 'entity'
     JOIN mention_names sn ON sn.entity_id = s.ref
     JOIN mentions sm ON sm.name_id = sn.id AND sm.role = 'shipper'
     JOIN mentions tm ON tm.record_id = sm.record_id AND tm.role = 'consignee'
     JOIN mention_names tn ON tn.id = tm.name_id AND tn.entity_id = t.ref
     WHERE e.id IN (SELECT id FROM keep_edges) AND e.kind = 'shipment'`,
  `INSERT OR IGNORE INTO keep_records SELECT ref FROM link_evidence WHERE link_id IN (SELECT id FROM keep_links) AND kind = 'record'`,
  `INSERT OR IGNORE INTO keep_excerpts SELECT ref FROM link_evidence WHERE link_id IN (SELECT id FROM keep_links) AND kind = 'excerpt'`,
  `INSERT OR IGNORE INTO keep_excerpts SELECT ref FROM diagram_nodes WHERE id IN (SELECT id FROM keep_nodes) AND kind = 'excerpt'`,
  `INSERT OR IGNORE INTO keep_documents SELECT ref FROM diagram_nodes WHERE id IN (SELECT id FROM keep_nodes) AND kind = 'document'`,
  `INSERT OR IGNORE INTO keep_documents SELECT document_id FROM excerpts WHERE id IN (SELECT id FROM keep_excerpts)`,
  `INSERT OR IGNORE INTO keep_imports SELECT DISTINCT import_id FROM records WHERE id IN (SELECT id FROM keep_records)`,
  `INSERT OR IGNORE INTO keep_names SELECT DISTINCT name_id FROM mentions WHERE record_id IN (SELECT id FROM keep_records)`,
  `INSERT INTO keep_hits SELECT id FROM screening_hits WHERE entity_id IN (SELECT id FROM keep_entities)`,
];

/**
 * The screening of kept entities: their hits, the list entries those hits
 * name (with their facts) and the runs, list versions and lists they belong
 * to; not the rest of any list, nor the list files (each holds the whole
 * list). A review travels with its hit.
 */
const CUT_SCREENING = [
  `DELETE FROM screening_hits WHERE id NOT IN (SELECT id FROM keep_hits)`,
  `DELETE FROM screening_runs WHERE id NOT IN (SELECT run_id FROM screening_hits)`,
  // A run's counts would tell how many entities the whole case has: they count what is kept.
  `UPDATE screening_runs SET
     entities = (SELECT count(DISTINCT entity_id) FROM screening_hits h WHERE h.run_id = screening_runs.id),
     hits = (SELECT count(*) FROM screening_hits h WHERE h.run_id = screening_runs.id)`,
  `DELETE FROM sanction_list_files`,
  `DELETE FROM sanction_entries WHERE id NOT IN (SELECT entry_id FROM screening_hits)`,
  `DELETE FROM sanction_entry_values WHERE NOT EXISTS (SELECT 1 FROM sanction_entries e
     WHERE e.version_id = sanction_entry_values.version_id AND e.external_id = sanction_entry_values.external_id)`,
  `DELETE FROM screening_reviews WHERE NOT EXISTS (SELECT 1 FROM screening_hits h
     JOIN sanction_entries e ON e.id = h.entry_id JOIN sanction_list_versions v ON v.id = e.version_id
     WHERE h.entity_id = screening_reviews.entity_id AND v.list_id = screening_reviews.list_id
       AND e.external_id = screening_reviews.external_id)`,
  `DELETE FROM sanction_list_versions WHERE id NOT IN (SELECT version_id FROM sanction_entries)`,
  `DELETE FROM sanction_lists WHERE id NOT IN (SELECT list_id FROM sanction_list_versions)`,
];

/** Cuts each known table down to what is kept, children before parents. */
const CUT = [
  `DELETE FROM diagram_history`,
  `UPDATE diagrams SET history_position = 0`,
  `DELETE FROM annotations WHERE NOT (
     (target = 'node' AND target_id IN (SELECT id FROM keep_nodes)) OR
     (target = 'edge' AND target_id IN (SELECT id FROM keep_edges)) OR
     (target = 'record' AND target_id IN (SELECT id FROM keep_records)) OR
     (target = 'entity' AND target_id IN (SELECT id FROM keep_entities)))`,
  `DELETE FROM diagram_edges WHERE id NOT IN (SELECT id FROM keep_edges)`,
  `UPDATE diagram_nodes SET parent_id = NULL WHERE parent_id NOT IN (SELECT id FROM keep_nodes)`,
  `DELETE FROM diagram_nodes WHERE id NOT IN (SELECT id FROM keep_nodes)`,
  `DELETE FROM diagrams WHERE id NOT IN (SELECT id FROM keep_diagrams)`,
  `DELETE FROM link_evidence WHERE link_id NOT IN (SELECT id FROM keep_links)`,
  `DELETE FROM links WHERE id NOT IN (SELECT id FROM keep_links)`,
  `DELETE FROM judgements`,
  `DELETE FROM review_queue`,
  `DELETE FROM saved_mappings`,
  `DELETE FROM rejects`,
  `DELETE FROM audit_log`,
  `DELETE FROM mentions WHERE record_id NOT IN (SELECT id FROM keep_records)`,
  `DELETE FROM mention_names WHERE id NOT IN (SELECT id FROM keep_names)`,
  `UPDATE mention_names SET entity_id = NULL WHERE entity_id NOT IN (SELECT id FROM keep_entities)`,
  `DELETE FROM records WHERE id NOT IN (SELECT id FROM keep_records)`,
  `DELETE FROM imports WHERE id NOT IN (SELECT id FROM keep_imports)`,
  ...CUT_SCREENING,
  // The original customs file holds every row, shared or not: only its name and hash travel.
  `UPDATE sources SET blob_sha256 = NULL`,
  `DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM imports)`,
  `DELETE FROM entity_anchors WHERE entity_id NOT IN (SELECT id FROM keep_entities) OR record_id NOT IN (SELECT id FROM keep_records)`,
  // An entity keeps its canonical name and the names its kept records call it.
  `DELETE FROM entity_names WHERE entity_id NOT IN (SELECT id FROM keep_entities) OR (
     name NOT IN (SELECT e.name FROM entities e WHERE e.id = entity_names.entity_id) AND
     name NOT IN (SELECT n.raw_name FROM mention_names n WHERE n.entity_id = entity_names.entity_id))`,
  `UPDATE entities SET merged_into = NULL WHERE merged_into NOT IN (SELECT id FROM keep_entities)`,
  `DELETE FROM entities WHERE id NOT IN (SELECT id FROM keep_entities)`,
  `DELETE FROM excerpts WHERE id NOT IN (SELECT id FROM keep_excerpts)`,
  `DELETE FROM document_pages WHERE document_id NOT IN (SELECT id FROM keep_documents)`,
  `DELETE FROM documents WHERE id NOT IN (SELECT id FROM keep_documents)`,
  `DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM documents)`,
  `DELETE FROM search_words`,
];

/** Tables the cut above handles, and the full-text indexes redact.ts rebuilds. */
const KNOWN = new Set([
  ...['annotations', 'audit_log', 'blobs', 'case_meta', 'diagram_edges', 'diagram_history', 'diagram_nodes'],
  ...['diagrams', 'document_pages', 'documents', 'entities', 'entity_anchors', 'entity_names', 'excerpts'],
  ...['exchange_seal', 'exchange_seal_rows', 'imports', 'judgements', 'link_evidence', 'links', 'mention_names'],
  ...['mentions', 'records', 'rejects', 'review_queue', 'saved_mappings', 'search_words', 'sources'],
  ...['screening_hits', 'screening_runs', 'screening_reviews', 'sanction_list_files', 'sanction_entries'],
  ...['sanction_entry_values', 'sanction_list_versions', 'sanction_lists'],
]);
export const REBUILT_INDEXES = ['records_fts', 'entity_names_fts', 'document_pages_fts', 'document_pages_tri'];

export interface KeptCounts {
  entities: number;
  records: number;
  documents: number;
  excerpts: number;
  /** Screening hits of the kept entities, and the list entries they name. */
  hits: number;
  listEntries: number;
}

/** Cuts the copy down to the chosen diagrams and what they rest on (indexes are rebuilt by the caller). */
export function cutToDiagrams(db: WriteDb, diagramIds: readonly number[]): KeptCounts {
  const missing = diagramIds.filter((id) => !db.prepare('SELECT 1 FROM diagrams WHERE id = ?').get(id));
  if (missing.length) throw new CustodianError('not_found', `There is no diagram ${missing.join(', ')} in this case.`);
  db.pragma('defer_foreign_keys = ON');
  db.exec(KEEP_SETS);
  const addDiagram = db.prepare('INSERT OR IGNORE INTO keep_diagrams (id) VALUES (?)');
  for (const id of diagramIds) addDiagram.run(id);
  for (const sql of FILL) db.exec(sql);
  for (const sql of CUT) db.exec(sql);
  for (const t of sealedTables(db)) {
    if (KNOWN.has(t.name) || REBUILT_INDEXES.some((i) => t.name.startsWith(`${i}_`))) continue;
    db.exec(`DELETE FROM "${t.name.replace(/"/g, '""')}"`);
  }
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const kept = {
    entities: count('entities'),
    records: count('records'),
    documents: count('documents'),
    excerpts: count('excerpts'),
    hits: count('screening_hits'),
    listEntries: count('sanction_entries'),
  };
  db.exec(DROP_KEEP_SETS);
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (broken.length) {
    const b = broken[0]!;
    throw new CustodianError(
      'internal',
      `Redaction left ${b.table} row ${b.rowid} pointing at a missing ${b.parent} row.`,
    );
  }
  return kept;
}

/**
 * What a redaction to `diagramIds` would keep, worked out in temp tables
 * only (the case itself is not touched): the export dialog shows it before
 * anything is written.
 */
export function previewKept(db: WriteDb, diagramIds: readonly number[]): KeptCounts {
  db.exec(KEEP_SETS);
  try {
    const addDiagram = db.prepare('INSERT OR IGNORE INTO keep_diagrams (id) VALUES (?)');
    for (const id of diagramIds) addDiagram.run(id);
    for (const sql of FILL) db.exec(sql);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      entities: count('SELECT count(*) AS n FROM entities WHERE id IN (SELECT id FROM keep_entities)'),
      records: count('SELECT count(*) AS n FROM records WHERE id IN (SELECT id FROM keep_records)'),
      documents: count('SELECT count(*) AS n FROM documents WHERE id IN (SELECT id FROM keep_documents)'),
      excerpts: count('SELECT count(*) AS n FROM excerpts WHERE id IN (SELECT id FROM keep_excerpts)'),
      hits: count('SELECT count(*) AS n FROM keep_hits'),
      listEntries: count(
        'SELECT count(DISTINCT entry_id) AS n FROM screening_hits WHERE id IN (SELECT id FROM keep_hits)',
      ),
    };
  } finally {
    db.exec(DROP_KEEP_SETS);
  }
}

/** Empties a full-text index (its shadow tables), so that it can be filled again from what is kept. */
export function emptyIndex(db: WriteDb, index: string): void {
  db.exec(`INSERT INTO ${index} (${index}) VALUES ('delete-all')`);
}

export function keptRecordTexts(db: WriteDb): IterableIterator<[number, ...(string | null)[]]> {
  return db
    .prepare('SELECT id, shipper, consignee, notify, producer, description FROM records ORDER BY id')
    .raw(true)
    .iterate() as IterableIterator<[number, ...(string | null)[]]>;
}

export function keptNames(db: WriteDb): [number, string][] {
  return db.prepare('SELECT rowid, name FROM entity_names').raw(true).all() as [number, string][];
}

export function keptPages(db: WriteDb): [number, string][] {
  return db.prepare("SELECT id, text FROM document_pages WHERE text <> ''").raw(true).all() as [number, string][];
}

export function indexName(db: WriteDb, rowid: number, folded: string, cjk: string | null): void {
  db.prepare('INSERT INTO entity_names_fts (rowid, name, cjk) VALUES (?, ?, ?)').run(rowid, folded, cjk);
}

export function indexPage(db: WriteDb, rowid: number, folded: string): void {
  db.prepare('INSERT INTO document_pages_fts (rowid, text) VALUES (?, ?)').run(rowid, folded);
  db.prepare('INSERT INTO document_pages_tri (rowid, text) VALUES (?, ?)').run(rowid, folded);
}

/**
 * Merges every full-text index of the copy into one segment. Deleting a
 * row from an FTS5 index writes a delete marker that still spells the
 * words it removes, and the old entry stays until segments merge: without
 * this a document deleted before the export would travel in the index.
 */
export function mergeIndexes(db: WriteDb): void {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'`)
    .pluck()
    .all() as string[];
  for (const name of names) db.exec(`INSERT INTO "${name}" ("${name}") VALUES ('optimize')`);
}
