/**
 * Shipments on a time axis: for a diagram, one lane per shipment edge; for
 * an entity, one lane per counterparty (both directions in it). Every record counts,
 * whatever the diagram's filters: the timeline is where a date range is
 * chosen, so it shows what lies outside the current one too. Records are
 * summed per day (a year of daily shipments is 365 points, not thousands).
 */
import type { DiagramFilters, Timeline, TimelineLane } from '../../../shared/domain/diagrams';
import { CustodianError } from '../../../shared/result';
import { shipmentFacts } from '../db/shipments';
import type { ReadDb } from '../db/types';
import { liveEntities } from './live-entities';
import { counterparties, pairKey, shipmentsAmongLive, sumShipments } from './shipments';
import { diagramView } from './view';

const NO_FILTERS: DiagramFilters = { dateFrom: null, dateTo: null, hsChapters: [] };
const money = (v: number) => Math.round(v * 100) / 100;

/** A lane to draw: who, and the records it sums. */
type LaneSpec = Pick<TimelineLane, 'source' | 'target' | 'sourceName' | 'targetName' | 'edgeId' | 'direction'> & {
  recordIds: number[];
};

function lanesOf(db: ReadDb, specs: LaneSpec[], maxLanes: number): Timeline {
  const laneOf = new Map<number, number>();
  specs.forEach((s, i) => s.recordIds.forEach((r) => laneOf.set(r, i)));
  const lanes: TimelineLane[] = specs.map(({ recordIds: _, ...who }) => ({
    ...who,
    count: 0,
    valueUsd: 0,
    days: [],
    undated: 0,
  }));
  const byDay = specs.map(() => new Map<string, [number, number]>());
  for (const [id, date, value] of shipmentFacts(db, [...laneOf.keys()], NO_FILTERS)) {
    const i = laneOf.get(id)!;
    const lane = lanes[i]!;
    lane.count++;
    lane.valueUsd += value ?? 0;
    if (date === null) {
      lane.undated++;
      continue;
    }
    const d = byDay[i]!.get(date) ?? byDay[i]!.set(date, [0, 0]).get(date)!;
    d[0]++;
    d[1] += value ?? 0;
  }
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  lanes.forEach((lane, i) => {
    lane.valueUsd = money(lane.valueUsd);
    lane.days = [...byDay[i]!].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, [n, v]]) => [d, n, money(v)]);
    const first = lane.days[0]?.[0];
    const last = lane.days.at(-1)?.[0];
    if (first && (firstDate === null || first < firstDate)) firstDate = first;
    if (last && (lastDate === null || last > lastDate)) lastDate = last;
  });
  const shown = lanes
    .filter((l) => l.count > 0)
    .sort((a, b) => b.valueUsd - a.valueUsd || b.count - a.count || a.source - b.source || a.target - b.target);
  return { lanes: shown.slice(0, maxLanes), firstDate, lastDate, leftOut: Math.max(0, shown.length - maxLanes) };
}

/** A diagram's shipment edges on a time axis (edges whose ends are gone have no lane). */
export function diagramTimeline(db: ReadDb, diagramId: number, maxLanes: number): Timeline {
  const view = diagramView(db, diagramId);
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const pairs = view.edges
    .filter((e) => e.kind === 'shipment' && !e.missing)
    .map((e) => ({ edge: e, from: nodes.get(e.source)!, to: nodes.get(e.target)! }));
  const sums = shipmentsAmongLive(
    db,
    pairs.map((p) => p.from.ref!),
    NO_FILTERS,
    pairs.map((p) => p.to.ref!),
  );
  const specs = pairs.map(({ edge, from, to }) => ({
    source: from.ref!,
    target: to.ref!,
    sourceName: from.label,
    targetName: to.label,
    edgeId: edge.id,
    recordIds: sums.get(pairKey(from.ref!, to.ref!))?.recordIds ?? [],
  }));
  return lanesOf(db, specs, maxLanes);
}

/** An entity's shipments on a time axis, one lane per counterparty: what it shipped to it and received from it. */
export function entityTimeline(db: ReadDb, entityId: number, maxLanes: number): Timeline {
  const entity = liveEntities(db)(entityId);
  if (!entity) throw new CustodianError('not_found', `There is no entity ${entityId} in this case.`);
  const names = new Map(counterparties(db, entity.id).map((c) => [c.entityId, c.name]));
  const others = [...names.keys()].filter((id) => id !== entity.id);
  const lanes = new Map<number, LaneSpec>();
  const add = (other: number, direction: 'out' | 'in', recordIds: number[]) => {
    const lane = lanes.get(other);
    if (lane) {
      lane.recordIds.push(...recordIds);
      if (lane.direction !== direction) lane.direction = 'both';
      return;
    }
    const [sourceName, targetName] = [entity.name, names.get(other)!];
    lanes.set(other, { source: entity.id, target: other, sourceName, targetName, direction, recordIds });
  };
  for (const s of sumShipments(db, [entity.id], others).values()) add(s.target, 'out', [...s.recordIds]);
  for (const s of sumShipments(db, others, [entity.id]).values()) add(s.source, 'in', [...s.recordIds]);
  return lanesOf(db, [...lanes.values()], maxLanes);
}
