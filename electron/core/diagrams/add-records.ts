/**
 * "Add to diagram" from the Records section: the parties of the chosen
 * records become entity nodes (those already on the diagram are reused) and
 * each shipper → consignee pair among them gets its shipment edge, whose
 * sums then come from the records as always. New nodes are laid out as a
 * block below what is already there, so nothing the investigator placed
 * moves. One command of the diagram's history.
 */
import type { DiagramOp } from '../../../shared/api/diagrams';
import type { DiagramChange } from '../../../shared/domain/diagrams';
import { layeredLayout } from '../../../shared/diagrams/layout';
import { CustodianError } from '../../../shared/result';
import { listEdges } from '../db/diagram-edges';
import { listNodes } from '../db/diagram-nodes';
import { recordParties } from '../db/shipments';
import type { WriteDb } from '../db/types';
import { applyCommand, mustDiagram } from './history';
import { liveEntities } from './live-entities';
import { NODE_SIZE } from './op-context';
import { diagramView } from './view';

export function addRecordsToDiagram(db: WriteDb, diagramId: number, recordIds: number[], actor: string): DiagramChange {
  mustDiagram(db, diagramId);
  const parties = recordParties(db, [...new Set(recordIds)]);
  if (parties.length < new Set(recordIds).size) {
    const found = new Set(parties.map((p) => p.recordId));
    const missing = recordIds.find((id) => !found.has(id));
    throw new CustodianError('not_found', `There is no record ${missing} in this case.`);
  }
  const live = liveEntities(db);
  const liveId = (id: number | null) => (id === null ? null : (live(id)?.id ?? null));
  const pairs = new Map<string, [number, number]>();
  const entities = new Set<number>();
  for (const p of parties) {
    const [s, c] = [liveId(p.shipper), liveId(p.consignee)];
    if (s !== null) entities.add(s);
    if (c !== null) entities.add(c);
    if (s !== null && c !== null && s !== c) pairs.set(`${s}>${c}`, [s, c]);
  }
  if (entities.size === 0)
    throw new CustodianError('invalid_input', 'None of these records has a resolved shipper or consignee yet.');

  const nodes = listNodes(db, diagramId);
  const nodeOf = new Map<number, number>(); // live entity → node on the diagram
  for (const n of nodes) {
    const e = n.kind === 'entity' ? live(n.ref!) : null;
    if (e && !nodeOf.has(e.id)) nodeOf.set(e.id, n.id);
  }
  const added = [...entities].filter((id) => !nodeOf.has(id));
  added.forEach((id, i) => nodeOf.set(id, -(i + 1)));
  const bottom = nodes.length ? Math.max(...nodes.map((n) => n.y + n.h)) + 120 : 0;
  const left = nodes.length ? Math.min(...nodes.map((n) => n.x)) : 0;
  const at = layeredLayout(
    added.map((id) => ({ id, ...NODE_SIZE.entity })),
    [...pairs.values()].map(([source, target]) => ({ source, target })),
    { origin: { x: left, y: bottom } },
  );
  const ops: DiagramOp[] = added.map((id) => ({
    op: 'addNode',
    tempId: nodeOf.get(id)!,
    kind: 'entity',
    ref: id,
    ...at.get(id)!,
  }));
  const drawn = new Set(
    listEdges(db, diagramId)
      .filter((e) => e.kind === 'shipment')
      .map((e) => `${e.source}>${e.target}`),
  );
  for (const [s, c] of pairs.values()) {
    const [source, target] = [nodeOf.get(s)!, nodeOf.get(c)!];
    if (!drawn.has(`${source}>${target}`)) ops.push({ op: 'addEdge', kind: 'shipment', source, target });
  }
  if (ops.length === 0) return { view: diagramView(db, diagramId), created: {} };
  const n = parties.length;
  const created = applyCommand(db, diagramId, ops, actor, `Add ${n} record${n === 1 ? '' : 's'}`);
  return { view: diagramView(db, diagramId), created };
}
