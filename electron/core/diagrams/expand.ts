/**
 * Growing and tidying a diagram from the data: list an entity node's
 * counterparties for a chooser, add the chosen ones beside it (customers to
 * the right, suppliers to the left) with every shipment edge the records show
 * between them and the diagram's entities, and lay the whole diagram out
 * again. Each is one command of the diagram's history.
 */
import type { DiagramOp } from '../../../shared/api/diagrams';
import type { Counterparty } from '../../../shared/domain/diagrams';
import { layeredLayout } from '../../../shared/diagrams/layout';
import { CustodianError } from '../../../shared/result';
import { getNode, listNodes, type NodeRecord } from '../db/diagram-nodes';
import type { ReadDb, WriteDb } from '../db/types';
import { applyCommand, mustDiagram } from './history';
import { liveEntities, type LiveEntity } from './live-entities';
import { NODE_SIZE } from './op-context';
import { counterparties, counterpartyTotals, shipmentsAmongLive } from './shipments';
import { diagramView } from './view';

const COLUMN_STEP = 360;
const ROW_STEP = NODE_SIZE.entity.h + 28;

function entityNode(
  db: ReadDb,
  diagramId: number,
  nodeId: number,
  live: (id: number) => LiveEntity | null,
): { node: NodeRecord; entity: LiveEntity } {
  const node = getNode(db, nodeId);
  if (!node || node.diagramId !== diagramId)
    throw new CustodianError('not_found', `Diagram ${diagramId} has no node ${nodeId}.`);
  if (node.kind !== 'entity')
    throw new CustodianError('invalid_input', `Node ${nodeId} is a ${node.kind}; only entities have counterparties.`);
  const entity = live(node.ref!);
  if (!entity) throw new CustodianError('not_found', `The entity of node ${nodeId} is no longer in the case.`);
  return { node, entity };
}

const entitiesOnDiagram = (nodes: NodeRecord[], live: (id: number) => LiveEntity | null) =>
  new Set(
    nodes
      .filter((n) => n.kind === 'entity')
      .map((n) => live(n.ref!)?.id)
      .filter((id): id is number => id !== undefined),
  );

export function nodeCounterparties(
  db: ReadDb,
  diagramId: number,
  nodeId: number,
  limit: number,
): { counterparties: Counterparty[]; total: number } {
  const d = mustDiagram(db, diagramId);
  const live = liveEntities(db);
  const { entity } = entityNode(db, diagramId, nodeId, live);
  const all = counterparties(db, entity.id, d.filters, entitiesOnDiagram(listNodes(db, diagramId), live));
  return { counterparties: all.slice(0, limit), total: all.length };
}

/** A free column beside `node` for `count` nodes: one step out at a time until nothing there overlaps it. */
function freeColumn(nodes: NodeRecord[], node: NodeRecord, side: 1 | -1, count: number): { x: number; y: number } {
  const height = count * ROW_STEP;
  const y = node.y + node.h / 2 - height / 2;
  for (let step = 1; ; step++) {
    const x = node.x + side * step * COLUMN_STEP;
    const overlaps = nodes.some(
      (n) => n.x < x + NODE_SIZE.entity.w && x < n.x + n.w && n.y < y + height && y < n.y + n.h,
    );
    if (!overlaps || step >= 20) return { x, y };
  }
}

export function expandNode(db: WriteDb, diagramId: number, nodeId: number, entityIds: number[], actor: string) {
  const d = mustDiagram(db, diagramId);
  const live = liveEntities(db);
  const { node, entity } = entityNode(db, diagramId, nodeId, live);
  const nodes = listNodes(db, diagramId);
  const onDiagram = entitiesOnDiagram(nodes, live);
  const chosen = [...new Set(entityIds.map((id) => live(id)?.id ?? null))];
  if (chosen.includes(null))
    throw new CustodianError('not_found', 'One of the chosen entities is no longer in the case.');
  const added = (chosen as number[]).filter((id) => !onDiagram.has(id));
  if (added.length === 0) throw new CustodianError('exists', 'Every chosen entity is already on this diagram.');

  const direction = new Map(
    counterpartyTotals(counterparties(db, entity.id, d.filters)).map((c) => [c.entityId, c.mainDirection]),
  );
  const temp = new Map(added.map((id, i) => [id, -(i + 1)]));
  const ops: DiagramOp[] = [];
  for (const side of [1, -1] as const) {
    const column = added.filter((id) => (direction.get(id) === 'in' ? -1 : 1) === side);
    if (column.length === 0) continue;
    const at = freeColumn(nodes, node, side, column.length);
    column.forEach((id, i) =>
      ops.push({ op: 'addNode', tempId: temp.get(id)!, kind: 'entity', ref: id, x: at.x, y: at.y + i * ROW_STEP }),
    );
  }
  // Every shipment between a new entity and any entity on the diagram, not only the expanded one.
  const nodeOf = new Map(
    [...nodes]
      .reverse()
      .filter((n) => n.kind === 'entity')
      .map((n) => [live(n.ref!)?.id, n.id]),
  );
  const all = [...onDiagram, ...added];
  const fromNew = shipmentsAmongLive(db, added, d.filters, all).values();
  const toNew = shipmentsAmongLive(db, [...onDiagram], d.filters, added).values();
  for (const p of [...fromNew, ...toNew]) {
    ops.push({
      op: 'addEdge',
      kind: 'shipment',
      source: temp.get(p.source) ?? nodeOf.get(p.source)!,
      target: temp.get(p.target) ?? nodeOf.get(p.target)!,
    });
  }
  const created = applyCommand(db, diagramId, ops, actor, `Expand ${entity.name}`);
  return { view: diagramView(db, diagramId), created };
}

/** Lays out the diagram's top-level nodes again (groups and what is inside them stay), as one undoable move. */
export function layoutDiagram(db: WriteDb, diagramId: number, actor: string) {
  const view = diagramView(db, diagramId);
  const movable = view.nodes.filter((n) => n.kind !== 'group' && n.parentId === null);
  const weight = new Map<number, number>();
  for (const e of view.edges)
    for (const id of [e.source, e.target]) weight.set(id, (weight.get(id) ?? 0) + (e.valueUsd ?? 0));
  const at = layeredLayout(
    movable.map((n) => ({ id: n.id, w: n.w, h: n.h, weight: weight.get(n.id) ?? 0 })),
    view.edges.filter((e) => e.kind === 'shipment' || e.kind === 'link'),
  );
  const moves = movable
    .map((n) => ({ id: n.id, ...at.get(n.id)! }))
    .filter((m, i) => m.x !== movable[i]!.x || m.y !== movable[i]!.y);
  if (moves.length === 0) return { view, created: {} };
  applyCommand(db, diagramId, [{ op: 'moveNodes', moves }], actor, 'Lay out');
  return { view: diagramView(db, diagramId), created: {} };
}
