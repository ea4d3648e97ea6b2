/**
 * New diagrams, empty or built from an entity's neighbourhood in the data:
 * its counterparties through shipments (either direction), theirs in turn up
 * to the depth asked, the biggest by value first, with every shipment edge
 * the records show among them. A hub can trade with thousands: each entity
 * adds at most `perNode` counterparties and the diagram at most `maxNodes`
 * entities; how many were left out is answered, so the investigator knows
 * the picture is cut and can expand a node to choose more.
 */
import type { DiagramOp } from '../../../shared/api/diagrams';
import type { DiagramCreated, DiagramFilters } from '../../../shared/domain/diagrams';
import { layeredLayout } from '../../../shared/diagrams/layout';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { insertDiagram } from '../db/diagrams';
import type { ReadDb, WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { applyOps } from './history';
import { liveEntities } from './live-entities';
import { NODE_SIZE } from './op-context';
import { counterparties, counterpartyTotals, shipmentsAmongLive } from './shipments';
import { diagramView } from './view';

export const NO_FILTERS: DiagramFilters = { dateFrom: null, dateTo: null, hsChapters: [] };

export interface NeighbourhoodOptions {
  entityId: number;
  depth: number;
  perNode: number;
  maxNodes: number;
}

export interface Neighbourhood {
  /** Entities in the order they were reached, the root first. */
  entities: number[];
  /** Signed distance from the root: suppliers before it (negative), customers after (positive). */
  layer: Map<number, number>;
  /** Value each entity trades with the one that brought it in (the root: its total). */
  weight: Map<number, number>;
  leftOut: number;
}

export function neighbourhood(
  db: ReadDb,
  rootId: number,
  o: Omit<NeighbourhoodOptions, 'entityId'>,
  filters: DiagramFilters,
  progress: (done: number, message: string) => void = () => undefined,
): Neighbourhood {
  const layer = new Map([[rootId, 0]]);
  const weight = new Map([[rootId, Number.MAX_SAFE_INTEGER]]);
  const entities = [rootId];
  const notAdded = new Set<number>();
  let frontier = [rootId];
  for (let depth = 1; depth <= o.depth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const [i, u] of frontier.entries()) {
      progress(
        (depth - 1 + i / frontier.length) / o.depth,
        `Reading counterparties, step ${depth} of ${o.depth} (${i} of ${frontier.length})…`,
      );
      let added = 0;
      for (const c of counterpartyTotals(counterparties(db, u, filters))) {
        if (layer.has(c.entityId)) continue;
        if (added >= o.perNode || entities.length >= o.maxNodes) {
          notAdded.add(c.entityId);
          continue;
        }
        layer.set(c.entityId, layer.get(u)! + (c.mainDirection === 'out' ? 1 : -1));
        weight.set(c.entityId, c.valueUsd);
        entities.push(c.entityId);
        next.push(c.entityId);
        notAdded.delete(c.entityId);
        added++;
      }
    }
    frontier = next;
  }
  return { entities, layer, weight, leftOut: notAdded.size };
}

/** The ops that place a neighbourhood (laid out in layers) with its shipment edges. */
function neighbourhoodOps(db: ReadDb, hood: Neighbourhood, filters: DiagramFilters): DiagramOp[] {
  const temp = new Map(hood.entities.map((e, i) => [e, -(i + 1)]));
  const pairs = [...shipmentsAmongLive(db, hood.entities, filters).values()];
  const size = NODE_SIZE.entity;
  const at = layeredLayout(
    hood.entities.map((id) => ({ id, ...size, layer: hood.layer.get(id)!, weight: hood.weight.get(id)! })),
    pairs,
  );
  const nodes: DiagramOp[] = hood.entities.map((id) => ({
    op: 'addNode',
    tempId: temp.get(id)!,
    kind: 'entity',
    ref: id,
    ...at.get(id)!,
  }));
  const edges: DiagramOp[] = pairs
    .sort((a, b) => a.source - b.source || a.target - b.target)
    .map((p) => ({ op: 'addEdge', kind: 'shipment', source: temp.get(p.source)!, target: temp.get(p.target)! }));
  return [...nodes, ...edges];
}

/** A new, empty diagram. */
export function createDiagram(db: WriteDb, name: string, filters: DiagramFilters | undefined, actor: string): number {
  return insertDiagram(db, name, filters ?? NO_FILTERS, actor);
}

/** Refuses, before a job starts, a neighbourhood of an entity that is not in the case. */
export function neighbourhoodRoot(db: ReadDb, entityId: number): number {
  const root = liveEntities(db)(entityId);
  if (!root) throw new CustodianError('not_found', `There is no entity ${entityId} in this case.`);
  return root.id;
}

/**
 * A new diagram of an entity's neighbourhood, as a job (on a big case the
 * reading takes seconds): the counterparties are read first, outside any
 * transaction, then the diagram is written in one with its audit entry.
 */
export function buildNeighbourhoodDiagram(
  db: WriteDb,
  input: NeighbourhoodOptions & { name: string; filters?: DiagramFilters | undefined },
  actor: string,
  control?: JobControl,
): DiagramCreated {
  const filters = input.filters ?? NO_FILTERS;
  const hood = neighbourhood(db, neighbourhoodRoot(db, input.entityId), input, filters, (done, message) =>
    control?.progress(done, message),
  );
  control?.progress(0.95, 'Writing the diagram…');
  return db
    .transaction(() => {
      const id = createDiagram(db, input.name, filters, actor);
      applyOps(db, id, neighbourhoodOps(db, hood, filters), actor);
      appendAudit(db, actor, 'diagrams.neighbourhood', input);
      return { view: diagramView(db, id), leftOut: hood.leftOut };
    })
    .immediate();
}
