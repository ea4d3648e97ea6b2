/**
 * A diagram's undo history, kept in the case: each `diagrams.apply` (or
 * expand, or layout) is one command, stored as the row changes it made and
 * those that undo it (state-ops.ts). Undo runs a command's inverse, redo its
 * forward changes; a new command drops whatever could have been redone. The
 * last KEEP commands are kept. Every call runs inside the dispatcher's
 * transaction, so a command that fails half-way changes nothing.
 */
import type { DiagramOp } from '../../../shared/api/diagrams';
import type { HistoryState } from '../../../shared/domain/diagrams';
import { CustodianError } from '../../../shared/result';
import { getHistoryEntry, historyBounds, pushHistoryEntry, trimHistory } from '../db/diagram-history';
import { getDiagram, setHistoryPosition, type DiagramRecord } from '../db/diagrams';
import type { ReadDb, WriteDb } from '../db/types';
import { opContext } from './op-context';
import { applyOp } from './ops';
import { runStateOp, type StateOp } from './state-ops';

export const KEEP = 200;

export function mustDiagram(db: ReadDb, id: number): DiagramRecord {
  const d = getDiagram(db, id);
  if (!d) throw new CustodianError('not_found', `There is no diagram ${id} in this case.`);
  return d;
}

/** Applies edits without recording them (building a new diagram is not an edit to undo). */
export function applyOps(db: WriteDb, diagramId: number, ops: readonly DiagramOp[], actor: string) {
  const ctx = opContext(db, diagramId, actor);
  const applied = ops.map((op) => applyOp(ctx, op));
  return {
    forward: applied.flatMap((a) => a.forward),
    inverse: applied.reverse().flatMap((a) => a.inverse),
    created: Object.fromEntries([...ctx.created].map(([k, v]) => [String(k), v])),
  };
}

/** Applies edits as one command of the diagram's history; answers the ids given to temporary ones. */
export function applyCommand(
  db: WriteDb,
  diagramId: number,
  ops: readonly DiagramOp[],
  actor: string,
  label?: string,
): Record<string, number> {
  const d = mustDiagram(db, diagramId);
  const { forward, inverse, created } = applyOps(db, diagramId, ops, actor);
  const seq = pushHistoryEntry(db, diagramId, d.historyPosition, {
    label: label?.trim() || describe(ops),
    forward: JSON.stringify(forward),
    inverse: JSON.stringify(inverse),
    at: new Date().toISOString(),
    actor,
  });
  setHistoryPosition(db, diagramId, seq);
  trimHistory(db, diagramId, seq, KEEP);
  return created;
}

export function undo(db: WriteDb, diagramId: number): void {
  const d = mustDiagram(db, diagramId);
  const entry = d.historyPosition > 0 ? getHistoryEntry(db, diagramId, d.historyPosition) : null;
  if (!entry) throw new CustodianError('nothing_to_undo', `Diagram ${diagramId} has nothing to undo.`);
  for (const op of JSON.parse(entry.inverse) as StateOp[]) runStateOp(db, diagramId, op);
  setHistoryPosition(db, diagramId, d.historyPosition - 1);
}

export function redo(db: WriteDb, diagramId: number): void {
  const d = mustDiagram(db, diagramId);
  const entry = getHistoryEntry(db, diagramId, d.historyPosition + 1);
  if (!entry) throw new CustodianError('nothing_to_redo', `Diagram ${diagramId} has nothing to redo.`);
  for (const op of JSON.parse(entry.forward) as StateOp[]) runStateOp(db, diagramId, op);
  setHistoryPosition(db, diagramId, entry.seq);
}

export function historyState(db: ReadDb, d: DiagramRecord): HistoryState {
  const { first, last } = historyBounds(db, d.id);
  const size = last === 0 ? 0 : last - first + 1;
  return {
    position: d.historyPosition,
    size,
    undo: d.historyPosition > 0 ? (getHistoryEntry(db, d.id, d.historyPosition)?.label ?? null) : null,
    redo: getHistoryEntry(db, d.id, d.historyPosition + 1)?.label ?? null,
  };
}

const VERBS: Record<DiagramOp['op'], [string, string]> = {
  addNode: ['Add', 'node'],
  updateNode: ['Edit', 'node'],
  moveNodes: ['Move', 'node'],
  removeNodes: ['Remove', 'node'],
  addEdge: ['Add', 'edge'],
  updateEdge: ['Edit', 'edge'],
  removeEdges: ['Remove', 'edge'],
  createLink: ['Add', 'link'],
  updateLink: ['Edit', 'link'],
  annotate: ['Add', 'note'],
  updateAnnotation: ['Edit', 'note'],
  removeAnnotation: ['Remove', 'note'],
  rename: ['Rename', 'diagram'],
  setFilters: ['Filter', 'diagram'],
  setNameScript: ['Change', 'names'],
};

/** "Move 3 nodes", "Add node", or "4 edits" when they differ: the label an Undo menu item shows. */
function describe(ops: readonly DiagramOp[]): string {
  const kinds = new Set(ops.map((o) => o.op));
  if (kinds.size > 1) return `${ops.length} edits`;
  const op = ops[0]!;
  const [verb, noun] = VERBS[op.op];
  const n =
    op.op === 'moveNodes'
      ? op.moves.length
      : op.op === 'removeNodes' || op.op === 'removeEdges'
        ? op.ids.length
        : ops.length;
  return noun === 'diagram' ? `${verb} ${noun}` : n === 1 ? `${verb} ${noun}` : `${verb} ${n} ${noun}s`;
}
