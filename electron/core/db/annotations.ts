import type { Annotation, AnnotationTarget } from '../../../shared/domain/diagrams';
import type { ReadDb, WriteDb } from './types';

interface Row {
  id: number;
  target: AnnotationTarget;
  target_id: number;
  text: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

const toAnnotation = (r: Row): Annotation => ({
  id: r.id,
  target: r.target,
  targetId: r.target_id,
  text: r.text,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

/** Inserts a note; under its own id when it has one (an undo putting it back). */
export function insertAnnotation(db: WriteDb, a: Omit<Annotation, 'id'> & { id?: number }): number {
  return Number(
    db
      .prepare(
        'INSERT INTO annotations (id, target, target_id, text, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(a.id ?? null, a.target, a.targetId, a.text, a.createdAt, a.createdBy, a.updatedAt).lastInsertRowid,
  );
}

export function getAnnotation(db: ReadDb, id: number): Annotation | null {
  const r = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as Row | undefined;
  return r ? toAnnotation(r) : null;
}

export function annotationsOn(db: ReadDb, target: AnnotationTarget, targetId: number): Annotation[] {
  return (
    db
      .prepare('SELECT * FROM annotations WHERE target = ? AND target_id = ? ORDER BY id')
      .all(target, targetId) as Row[]
  ).map(toAnnotation);
}

/** The notes on a diagram's nodes and edges, in one read. */
export function diagramAnnotations(db: ReadDb, diagramId: number): Annotation[] {
  return (
    db
      .prepare(
        `SELECT * FROM annotations WHERE (target = 'node' AND target_id IN (SELECT id FROM diagram_nodes WHERE diagram_id = ?))
           OR (target = 'edge' AND target_id IN (SELECT id FROM diagram_edges WHERE diagram_id = ?)) ORDER BY id`,
      )
      .all(diagramId, diagramId) as Row[]
  ).map(toAnnotation);
}

export function setAnnotationText(db: WriteDb, id: number, text: string): void {
  db.prepare('UPDATE annotations SET text = ?, updated_at = ? WHERE id = ?').run(text, new Date().toISOString(), id);
}

export function deleteAnnotation(db: WriteDb, id: number): void {
  db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
}
