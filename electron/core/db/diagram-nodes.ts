import type { NodeKind, Style } from '../../../shared/domain/diagrams';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  diagram_id: number;
  kind: NodeKind;
  ref: number | null;
  ref_label: string | null;
  text: string | null;
  label: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  style: string;
  parent_id: number | null;
}

/** A stored node, as the history snapshots and restores it. */
export interface NodeRecord {
  id: number;
  diagramId: number;
  kind: NodeKind;
  ref: number | null;
  /** What the entity, document or excerpt was called when placed. */
  refLabel: string | null;
  text: string | null;
  label: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  style: Style;
  parentId: number | null;
}

const toNode = (r: Row): NodeRecord => ({
  id: r.id,
  diagramId: r.diagram_id,
  kind: r.kind,
  ref: r.ref,
  refLabel: r.ref_label,
  text: r.text,
  label: r.label,
  x: r.x,
  y: r.y,
  w: r.w,
  h: r.h,
  style: JSON.parse(r.style) as Style,
  parentId: r.parent_id,
});

/** Inserts a node; under its own id when it has one (a redo or undo putting it back), else a new id. */
export function insertNode(db: WriteDb, n: Omit<NodeRecord, 'id'> & { id?: number }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO diagram_nodes (id, diagram_id, kind, ref, ref_label, text, label, x, y, w, h, style, parent_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        n.id ?? null,
        n.diagramId,
        n.kind,
        n.ref,
        n.refLabel,
        n.text,
        n.label,
        n.x,
        n.y,
        n.w,
        n.h,
        JSON.stringify(n.style),
        n.parentId,
      ).lastInsertRowid,
  );
}

export function getNode(db: ReadDb, id: number): NodeRecord | null {
  const r = db.prepare('SELECT * FROM diagram_nodes WHERE id = ?').get(id) as Row | undefined;
  return r ? toNode(r) : null;
}

export function listNodes(db: ReadDb, diagramId: number): NodeRecord[] {
  return (db.prepare('SELECT * FROM diagram_nodes WHERE diagram_id = ? ORDER BY id').all(diagramId) as Row[]).map(
    toNode,
  );
}

export function childNodes(db: ReadDb, parentId: number): NodeRecord[] {
  return (db.prepare('SELECT * FROM diagram_nodes WHERE parent_id = ? ORDER BY id').all(parentId) as Row[]).map(toNode);
}

/** Writes every field but the ids and kind (an update, a move, or an undo of either). */
export function updateNode(db: WriteDb, n: NodeRecord): void {
  db.prepare(
    'UPDATE diagram_nodes SET ref = ?, ref_label = ?, text = ?, label = ?, x = ?, y = ?, w = ?, h = ?, style = ?, parent_id = ? WHERE id = ?',
  ).run(n.ref, n.refLabel, n.text, n.label, n.x, n.y, n.w, n.h, JSON.stringify(n.style), n.parentId, n.id);
}

export function deleteNode(db: WriteDb, id: number): void {
  db.prepare('DELETE FROM diagram_nodes WHERE id = ?').run(id);
}
