import type { Row } from './merge-copy';
import type { ReadDb, WriteDb } from './types';

/**
 * The diagram, link and annotation rows a merge compares and writes
 * (exchange/merge-diagrams.ts, merge-links.ts), and what picking their side
 * of a conflict writes in place of mine (exchange/merge-undo.ts).
 */

export const diagramNodeRows = (db: ReadDb, diagramId: number): Row[] =>
  db.prepare('SELECT * FROM diagram_nodes WHERE diagram_id = ? ORDER BY id').all(diagramId) as Row[];

export const diagramEdgeRows = (db: ReadDb, diagramId: number): Row[] =>
  db.prepare('SELECT * FROM diagram_edges WHERE diagram_id = ? ORDER BY id').all(diagramId) as Row[];

export function nodeInserter(db: WriteDb): (diagramId: number, n: Row) => number {
  const stmt = db.prepare(
    `INSERT INTO diagram_nodes (diagram_id, kind, ref, ref_label, text, label, x, y, w, h, style)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (diagramId, n) =>
    Number(
      stmt.run(diagramId, n.kind, n.ref, n.ref_label, n.text, n.label, n.x, n.y, n.w, n.h, n.style).lastInsertRowid,
    );
}

export function setNodeParent(db: WriteDb, id: number, parentId: number): void {
  db.prepare('UPDATE diagram_nodes SET parent_id = ? WHERE id = ?').run(parentId, id);
}

export function edgeInserter(db: WriteDb): (diagramId: number, e: Row) => number {
  const stmt = db.prepare(
    'INSERT INTO diagram_edges (diagram_id, kind, source_node, target_node, link_id, label, style) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (diagramId, e) =>
    Number(stmt.run(diagramId, e.kind, e.source_node, e.target_node, e.link_id, e.label, e.style).lastInsertRowid);
}

/** A diagram's tables that hang on it, in the order they can go: edges, nodes, its undo history. */
export const DIAGRAM_CONTENT_TABLES = ['diagram_edges', 'diagram_nodes', 'diagram_history'] as const;

export function deleteDiagramContent(db: WriteDb, table: (typeof DIAGRAM_CONTENT_TABLES)[number], id: number): void {
  db.prepare(`DELETE FROM ${table} WHERE diagram_id = ?`).run(id);
}

/** Renames a diagram and starts its undo history afresh (the commands in it spoke of nodes it no longer has). */
export function resetDiagram(db: WriteDb, id: number, name: string): void {
  db.prepare('UPDATE diagrams SET name = ?, history_position = 0, updated_at = ? WHERE id = ?').run(
    name,
    new Date().toISOString(),
    id,
  );
}

export function linkEvidenceOf(db: ReadDb, linkId: number): { kind: string; ref: number }[] {
  return db.prepare('SELECT kind, ref FROM link_evidence WHERE link_id = ? ORDER BY kind, ref').all(linkId) as {
    kind: string;
    ref: number;
  }[];
}

export function evidenceInserter(db: WriteDb): (linkId: number, kind: string, ref: number) => void {
  const stmt = db.prepare('INSERT OR IGNORE INTO link_evidence (link_id, kind, ref) VALUES (?, ?, ?)');
  return (linkId, kind, ref) => void stmt.run(linkId, kind, ref);
}

export function deleteLinkEvidence(db: WriteDb, linkId: number): void {
  db.prepare('DELETE FROM link_evidence WHERE link_id = ?').run(linkId);
}

/** Writes a link's ends, type, grade and note as given. */
export function setLinkFields(db: WriteDb, id: number, l: Row): void {
  db.prepare(
    `UPDATE links SET source_entity = ?, target_entity = ?, type = ?, custom_label = ?, grade = ?, note = ?, updated_at = ?
     WHERE id = ?`,
  ).run(l.source_entity, l.target_entity, l.type, l.custom_label, l.grade, l.note, new Date().toISOString(), id);
}

/** A note as a conflict shows it: what it is on, its text, when last changed. */
export const annotationVersion = (db: ReadDb, id: number): Row =>
  db.prepare('SELECT target, target_id, text, updated_at FROM annotations WHERE id = ?').get(id) as Row;
