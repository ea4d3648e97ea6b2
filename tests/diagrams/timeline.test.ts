import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import type { Timeline } from '../../shared/domain/diagrams';
import type { Labels } from '../entities/evaluate';
import { must } from '../helpers/temp';
import { apply, entityOfCompany, generatedCase, recordsWithParties, type RecordFacts } from './helpers';

const cents = (v: number) => Math.round(v * 100) / 100;

/** A lane's days as worked out here from the records: [date, count, value] by date. */
function daysOf(records: RecordFacts[]): [string, number, number][] {
  const by = new Map<string, [number, number]>();
  for (const r of records) {
    if (r.date === null) continue;
    const d = by.get(r.date) ?? [0, 0];
    by.set(r.date, [d[0] + 1, d[1] + (r.valueUsd ?? 0)]);
  }
  return [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, [n, v]]) => [date, n, cents(v)]);
}

function checkLanes(t: Timeline, facts: RecordFacts[]) {
  expect(t.lanes.length).toBeGreaterThan(0);
  for (const lane of t.lanes) {
    const behind = facts.filter((r) => r.shipper === lane.source && r.consignee === lane.target);
    expect(lane.count, `${lane.sourceName} → ${lane.targetName}`).toBe(behind.length);
    expect(lane.valueUsd).toBe(cents(behind.reduce((s, r) => s + (r.valueUsd ?? 0), 0)));
    expect(lane.days).toEqual(daysOf(behind));
    expect(lane.undated).toBe(behind.filter((r) => r.date === null).length);
  }
  const values = t.lanes.map((l) => l.valueUsd);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  const dates = t.lanes.flatMap((l) => l.days.map(([d]) => d)).sort();
  expect([t.firstDate, t.lastDate]).toEqual([dates[0], dates.at(-1)]);
}

describe('diagrams.timeline: shipments per day, per pair', () => {
  let core: CoreContext;
  let path: string;
  let labels: Labels;
  let remove: () => void;
  beforeAll(async () => ({ core, path, labels, remove } = await generatedCase()));
  afterAll(() => remove());

  it('of a diagram: one lane per shipment edge, every record, whatever the filters', async () => {
    const plant = await entityOfCompany(core, labels, 'E0008');
    const { view } = await must(core, 'diagrams.neighbourhood', { name: 'Plant', entityId: plant, depth: 1 });
    const shipmentEdges = view.edges.filter((e) => e.kind === 'shipment');
    const facts = recordsWithParties(path);
    const whole = await must(core, 'diagrams.timeline', { id: view.id });
    expect(whole.leftOut).toBe(0);
    expect(new Set(whole.lanes.map((l) => l.edgeId))).toEqual(new Set(shipmentEdges.map((e) => e.id)));
    checkLanes(whole, facts);
    // A date range on the diagram narrows its edges, not its timeline (where the range is chosen).
    const filters = { dateFrom: '2023-01-01', dateTo: '2023-03-31', hsChapters: [] };
    const filtered = (await apply(core, view.id, [{ op: 'setFilters', filters }])).view;
    expect(filtered.edges.reduce((s, e) => s + (e.count ?? 0), 0)).toBeLessThan(
      shipmentEdges.reduce((s, e) => s + (e.count ?? 0), 0),
    );
    expect(await must(core, 'diagrams.timeline', { id: view.id })).toEqual(whole);
    // The biggest lanes only, when asked for fewer.
    const two = await must(core, 'diagrams.timeline', { id: view.id, maxLanes: 2 });
    expect(two.lanes).toEqual(whole.lanes.slice(0, 2));
    expect(two.leftOut).toBe(whole.lanes.length - 2);
  });

  it('of an entity: one lane per counterparty, both directions in it', async () => {
    const poly = await entityOfCompany(core, labels, 'E0001');
    const t = await must(core, 'diagrams.timeline', { entityId: poly });
    const facts = recordsWithParties(path);
    const traded = facts.filter(
      (r) =>
        r.shipper !== null &&
        r.consignee !== null &&
        r.shipper !== r.consignee &&
        [r.shipper, r.consignee].includes(poly),
    );
    const other = (r: RecordFacts) => (r.shipper === poly ? r.consignee! : r.shipper!);
    expect(new Set(t.lanes.map((l) => l.target))).toEqual(new Set(traded.map(other)));
    expect(t.lanes).toHaveLength(new Set(traded.map(other)).size);
    for (const lane of t.lanes) {
      expect(lane.source).toBe(poly);
      const behind = traded.filter((r) => other(r) === lane.target);
      const ways = new Set(behind.map((r) => (r.shipper === poly ? 'out' : 'in')));
      expect(lane.direction, lane.targetName).toBe(ways.size === 2 ? 'both' : [...ways][0]);
      expect(lane.count).toBe(behind.length);
      expect(lane.valueUsd).toBe(cents(behind.reduce((sum, r) => sum + (r.valueUsd ?? 0), 0)));
      expect(lane.days).toEqual(daysOf(behind));
    }
    // Poly both buys and sells with someone in the generated data: that counterparty is one lane, not two.
    expect(t.lanes.some((l) => l.direction === 'both')).toBe(true);
  });

  it('names what is wrong: neither or both of diagram and entity, an unknown entity', async () => {
    await expect(must(core, 'diagrams.timeline', {})).rejects.toThrow(/either a diagram id or an entityId/);
    await expect(must(core, 'diagrams.timeline', { id: 1, entityId: 1 })).rejects.toThrow(/either/);
    await expect(must(core, 'diagrams.timeline', { entityId: 999_999 })).rejects.toThrow(/no entity 999999/);
  });
});
