/**
 * What a diagram's history stores: every edit is kept as the few row-level
 * changes below (forward) with the changes that undo it (inverse). They
 * carry whole rows with their ids, so redo puts back exactly what undo took
 * away (AUTOINCREMENT keeps those ids from being given to anything else).
 */
import type { Annotation, DiagramFilters, NameScript } from '../../../shared/domain/diagrams';
import { CustodianError } from '../../../shared/result';
import { deleteAnnotation, insertAnnotation, setAnnotationText } from '../db/annotations';
import { deleteEdge, insertEdge, updateEdge, type EdgeRecord } from '../db/diagram-edges';
import { deleteNode, getNode, insertNode, updateNode, type NodeRecord } from '../db/diagram-nodes';
import { renameDiagram, setDiagramFilters, setNameScript } from '../db/diagrams';
import { deleteLink, insertLink, updateLink, type LinkRecord } from '../db/links';
import type { WriteDb } from '../db/types';

export type StateOp =
  | { op: 'removeRows'; nodes: number[]; edges: number[]; annotations: number[]; links: number[] }
  | { op: 'restoreRows'; nodes: NodeRecord[]; edges: EdgeRecord[]; annotations: Annotation[]; links: LinkRecord[] }
  | { op: 'writeNodes'; nodes: NodeRecord[] }
  | { op: 'writeEdges'; edges: EdgeRecord[] }
  | { op: 'writeLink'; link: LinkRecord }
  | { op: 'writeAnnotation'; id: number; text: string }
  | { op: 'rename'; name: string }
  | { op: 'setFilters'; filters: DiagramFilters }
  | { op: 'setNameScript'; script: NameScript };

export const removeRows = (rows: Partial<Omit<Extract<StateOp, { op: 'removeRows' }>, 'op'>>): StateOp => ({
  op: 'removeRows',
  nodes: rows.nodes ?? [],
  edges: rows.edges ?? [],
  annotations: rows.annotations ?? [],
  links: rows.links ?? [],
});

export const restoreRows = (rows: Partial<Omit<Extract<StateOp, { op: 'restoreRows' }>, 'op'>>): StateOp => ({
  op: 'restoreRows',
  nodes: rows.nodes ?? [],
  edges: rows.edges ?? [],
  annotations: rows.annotations ?? [],
  links: rows.links ?? [],
});

/** Runs one stored change on the diagram's rows (apply, undo and redo all end here). */
export function runStateOp(db: WriteDb, diagramId: number, op: StateOp): void {
  switch (op.op) {
    case 'removeRows': {
      for (const id of op.annotations) deleteAnnotation(db, id);
      for (const id of op.edges) deleteEdge(db, id);
      // Parents and children may go together: unhook them all first.
      const gone = op.nodes.map((id) => mustNode(db, diagramId, id));
      for (const n of gone) if (n.parentId !== null) updateNode(db, { ...n, parentId: null });
      for (const n of gone) deleteNode(db, n.id);
      for (const id of op.links) deleteLink(db, id);
      return;
    }
    case 'restoreRows': {
      for (const l of op.links) insertLink(db, l);
      // Parents may come back in any order: hook them up once all are in.
      for (const n of op.nodes) insertNode(db, { ...n, parentId: null });
      for (const n of op.nodes) if (n.parentId !== null) updateNode(db, n);
      for (const e of op.edges) insertEdge(db, e);
      for (const a of op.annotations) insertAnnotation(db, a);
      return;
    }
    case 'writeNodes':
      for (const n of op.nodes) updateNode(db, n);
      return;
    case 'writeEdges':
      for (const e of op.edges) updateEdge(db, e);
      return;
    case 'writeLink':
      updateLink(db, op.link);
      return;
    case 'writeAnnotation':
      setAnnotationText(db, op.id, op.text);
      return;
    case 'rename':
      renameDiagram(db, diagramId, op.name);
      return;
    case 'setFilters':
      setDiagramFilters(db, diagramId, op.filters);
      return;
    case 'setNameScript':
      setNameScript(db, diagramId, op.script);
      return;
  }
}

function mustNode(db: WriteDb, diagramId: number, id: number): NodeRecord {
  const n = getNode(db, id);
  if (!n || n.diagramId !== diagramId) throw new CustodianError('not_found', `Diagram ${diagramId} has no node ${id}.`);
  return n;
}
