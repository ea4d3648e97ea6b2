import type { EdgeKind, Style } from '../../../shared/domain/diagrams';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  diagram_id: number;
  kind: EdgeKind;
  source_node: number;
  target_node: number;
  link_id: number | null;
  label: string | null;
  style: string;
}

/** A stored edge: for a shipment edge, only its two nodes (shipper's → consignee's). */
export interface EdgeRecord {
  id: number;
  diagramId: number;
  kind: EdgeKind;
  source: number;
  target: number;
  linkId: number | null;
  label: string | null;
  style: Style;
}

const toEdge = (r: Row): EdgeRecord => ({
  id: r.id,
  diagramId: r.diagram_id,
  kind: r.kind,
  source: r.source_node,
  target: r.target_node,
  linkId: r.link_id,
  label: r.label,
  style: JSON.parse(r.style) as Style,
});

export function insertEdge(db: WriteDb, e: Omit<EdgeRecord, 'id'> & { id?: number }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO diagram_edges (id, diagram_id, kind, source_node, target_node, link_id, label, style)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.id ?? null, e.diagramId, e.kind, e.source, e.target, e.linkId, e.label, JSON.stringify(e.style))
      .lastInsertRowid,
  );
}

export function getEdge(db: ReadDb, id: number): EdgeRecord | null {
  const r = db.prepare('SELECT * FROM diagram_edges WHERE id = ?').get(id) as Row | undefined;
  return r ? toEdge(r) : null;
}

export function listEdges(db: ReadDb, diagramId: number): EdgeRecord[] {
  return (db.prepare('SELECT * FROM diagram_edges WHERE diagram_id = ? ORDER BY id').all(diagramId) as Row[]).map(
    toEdge,
  );
}

/** The first edge of a kind (and link) from one node to another, if any: by the node index, not a diagram's list. */
export function findEdge(db: ReadDb, e: Pick<EdgeRecord, 'kind' | 'source' | 'target' | 'linkId'>): EdgeRecord | null {
  const r = db
    .prepare(
      'SELECT * FROM diagram_edges WHERE source_node = ? AND target_node = ? AND kind = ? AND link_id IS ? ORDER BY id LIMIT 1',
    )
    .get(e.source, e.target, e.kind, e.linkId) as Row | undefined;
  return r ? toEdge(r) : null;
}

/** The edges that end at a node (removing the node removes them). */
export function edgesAt(db: ReadDb, nodeId: number): EdgeRecord[] {
  return (
    db
      .prepare('SELECT * FROM diagram_edges WHERE source_node = ? OR target_node = ? ORDER BY id')
      .all(nodeId, nodeId) as Row[]
  ).map(toEdge);
}

export function updateEdge(db: WriteDb, e: EdgeRecord): void {
  db.prepare('UPDATE diagram_edges SET label = ?, style = ? WHERE id = ?').run(e.label, JSON.stringify(e.style), e.id);
}

export function deleteEdge(db: WriteDb, id: number): void {
  db.prepare('DELETE FROM diagram_edges WHERE id = ?').run(id);
}
