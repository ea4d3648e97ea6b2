import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagramFilters, DiagramView, ViewEdge } from '../../shared/domain/diagrams';
import type { CoreContext } from '../../electron/core/context';
import type { Labels } from '../entities/evaluate';
import { CHPL_TIERS, chplTierOf } from '../../shared/goods/hs-codes';
import { QUICK_SHIPMENT_EDGES } from '../../electron/core/diagrams/view';
import { must } from '../helpers/temp';
import { apply, diagramOf, entityOfCompany, generatedCase, recordsWithParties, type RecordFacts } from './helpers';

const cents = (v: number) => Math.round(v * 100) / 100;

/** The most urgent CHPL tier among the records' codes (chplTierOf is checked against chpl.csv in tests/goods). */
const highestTier = (records: { hsCode: string | null }[]) =>
  CHPL_TIERS.find((t) => records.some((r) => chplTierOf(r.hsCode) === t)) ?? null;

/** What an edge must say, worked out here from the records behind it. */
function expected(records: RecordFacts[]) {
  const dates = records
    .map((r) => r.date)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    count: records.length,
    valueUsd: cents(records.reduce((s, r) => s + (r.valueUsd ?? 0), 0)),
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
    hsChapters: [...new Set(records.map((r) => r.hsCode?.slice(0, 2)).filter((c): c is string => !!c))].sort(),
    chplTier: highestTier(records),
    recordIds: records.map((r) => r.id).sort((a, b) => a - b),
  };
}

const sums = (e: ViewEdge) => ({
  count: e.count,
  valueUsd: e.valueUsd,
  firstDate: e.firstDate,
  lastDate: e.lastDate,
  hsChapters: e.hsChapters,
  chplTier: e.chplTier,
  recordIds: e.recordIds,
});

function passes(r: RecordFacts, f: DiagramFilters): boolean {
  if (f.dateFrom && !(r.date && r.date >= f.dateFrom)) return false;
  if (f.dateTo && !(r.date && r.date <= f.dateTo)) return false;
  return f.hsChapters.length === 0 || f.hsChapters.includes(r.hsCode?.slice(0, 2) ?? '');
}

/** Checks every shipment edge of a view against the records, as read by the independent query. */
function checkEdges(view: DiagramView, facts: RecordFacts[], filters: DiagramFilters) {
  const entityOf = new Map(view.nodes.map((n) => [n.id, n.ref]));
  const edges = view.edges.filter((e) => e.kind === 'shipment');
  for (const e of edges) {
    const behind = facts.filter(
      (r) => r.shipper === entityOf.get(e.source) && r.consignee === entityOf.get(e.target) && passes(r, filters),
    );
    expect(sums(e), `edge ${e.id}`).toEqual(expected(behind));
    expect(e.filteredOut === true).toBe(behind.length === 0);
  }
  return edges;
}

describe('shipment edges are sums of the records behind them', () => {
  let core: CoreContext;
  let path: string;
  let labels: Labels;
  let remove: () => void;
  beforeAll(async () => {
    ({ core, path, labels, remove } = await generatedCase());
  }, 120_000);
  afterAll(() => remove());

  it('Poly Technologies → U-UAZ and AVIC International ↔ UEC carry exactly the rows the generator labelled so', async () => {
    const [poly, uuaz, avic, uec] = [
      await entityOfCompany(core, labels, 'E0001'),
      await entityOfCompany(core, labels, 'E0002'),
      await entityOfCompany(core, labels, 'E0003'),
      await entityOfCompany(core, labels, 'E0004'),
    ];
    const company = new Map([
      [poly, 'E0001'],
      [uuaz, 'E0002'],
      [avic, 'E0003'],
      [uec, 'E0004'],
    ]);
    const pairs: [number, number][] = [
      [poly, uuaz],
      [uuaz, poly],
      [avic, uec],
      [uec, avic],
    ];
    const view = await diagramOf(core, [poly, uuaz, avic, uec], pairs);
    const records = await must(core, 'records.list', { limit: 100_000 });
    const byRow = new Map(records.map((r) => [r.row, r]));
    for (const [s, t] of pairs) {
      const edge = view.edges.find(
        (e) =>
          view.nodes.find((n) => n.id === e.source)!.ref === s && view.nodes.find((n) => n.id === e.target)!.ref === t,
      )!;
      const rows = [...byRow.keys()].filter(
        (row) => labels.get(`${row}:shipper`) === company.get(s) && labels.get(`${row}:consignee`) === company.get(t),
      );
      const truth = rows.map((row) => byRow.get(row)!);
      expect(edge.recordIds).toEqual(truth.map((r) => r.id).sort((a, b) => a - b));
      expect(edge.count).toBe(truth.length);
      expect(edge.valueUsd).toBe(cents(truth.reduce((sum, r) => sum + (r.valueUsd ?? 0), 0)));
      expect(edge.chplTier).toBe(highestTier(truth));
    }
    // The storyline is there to be found: helicopter parts went from Poly to the plant.
    const polyToPlant = view.edges.find((e) => e.source === view.nodes[0]!.id && e.target === view.nodes[1]!.id)!;
    expect(polyToPlant.count).toBeGreaterThan(5);
    expect(polyToPlant.hsChapters).toContain('88');
    // Helicopter parts (8807.30) are CHPL tier 3.B, but the radio equipment (8526.91) beside them is tier 2: it wins.
    expect(polyToPlant.chplTier).toBe('2');
  });

  it('a neighbourhood two steps deep (capped): every edge equals an independent query, with and without filters', async () => {
    // The locomotive plant in Ulan-Ude buys from many Chinese firms: a wide neighbourhood.
    const plant = await entityOfCompany(core, labels, 'E0008');
    const { view, leftOut } = await must(core, 'diagrams.neighbourhood', {
      name: 'Plant, two steps',
      entityId: plant,
      depth: 2,
      perNode: 6,
    });
    expect(view.nodes.length).toBeGreaterThan(6);
    expect(leftOut).toBeGreaterThan(0);
    const facts = recordsWithParties(path);
    const none: DiagramFilters = { dateFrom: null, dateTo: null, hsChapters: [] };
    const edges = checkEdges(view, facts, none);
    expect(edges.length).toBeGreaterThan(6);
    expect(edges.every((e) => (e.count ?? 0) > 0)).toBe(true);
    // The tiers are not all alike (the check above could not fail otherwise): some edges carry listed goods, some not.
    expect(new Set(edges.map((e) => e.chplTier ?? null)).size).toBeGreaterThan(1);
    // Every pair of entities on it that trades has its edge, in its direction.
    const onDiagram = new Set(view.nodes.map((n) => n.ref));
    const trading = new Set(
      facts
        .filter((r) => r.shipper !== r.consignee && onDiagram.has(r.shipper) && onDiagram.has(r.consignee))
        .map((r) => `${r.shipper}>${r.consignee}`),
    );
    const entityOf = new Map(view.nodes.map((n) => [n.id, n.ref]));
    expect(new Set(edges.map((e) => `${entityOf.get(e.source)}>${entityOf.get(e.target)}`))).toEqual(trading);

    const filters: DiagramFilters = { dateFrom: '2022-01-01', dateTo: '2023-06-30', hsChapters: ['85', '88'] };
    const filtered = (await apply(core, view.id, [{ op: 'setFilters', filters }])).view;
    expect(filtered.filters).toEqual(filters);
    const after = checkEdges(filtered, facts, filters);
    expect(after.some((e) => e.filteredOut)).toBe(true);
    expect(after.some((e) => (e.count ?? 0) > 0)).toBe(true);
    // Undo brings the unfiltered sums back.
    const undone = (await must(core, 'diagrams.undo', { id: view.id })).view;
    checkEdges(undone, facts, none);
  });

  it('a quick view of a big diagram comes before its sums (edges pending), then the summed view; a small one is summed at once', async () => {
    const entities = (await must(core, 'entities.list', { limit: 5000 })).map((e) => e.id);
    const pairs = (await must(core, 'diagrams.shipments', { entityIds: entities })).map((p): [number, number] => [
      p.source,
      p.target,
    ]);
    expect(pairs.length).toBeGreaterThan(QUICK_SHIPMENT_EDGES);
    const big = await diagramOf(core, entities, pairs);
    const small = await diagramOf(
      core,
      entities.slice(0, 4),
      pairs.filter(([s, t]) => entities.slice(0, 4).includes(s) && entities.slice(0, 4).includes(t)),
    );
    // Sums are kept per connection: opened again, the case has none.
    await must(core, 'case.open', { path });
    const quick = await must(core, 'diagrams.get', { id: big.id, quick: true });
    const shipments = quick.edges.filter((e) => e.kind === 'shipment');
    expect(shipments).toHaveLength(pairs.length);
    expect(shipments.every((e) => e.pending && e.count === undefined && e.recordIds === undefined)).toBe(true);
    expect(quick.nodes.map((n) => n.label)).toEqual(big.nodes.map((n) => n.label));
    const smallQuick = await must(core, 'diagrams.get', { id: small.id, quick: true });
    expect(smallQuick.edges.some((e) => e.pending)).toBe(false);
    expect(smallQuick).toEqual(await must(core, 'diagrams.get', { id: small.id }));

    const summed = await must(core, 'diagrams.get', { id: big.id });
    const none: DiagramFilters = { dateFrom: null, dateTo: null, hsChapters: [] };
    expect(checkEdges(summed, recordsWithParties(path), none).every((e) => !e.pending)).toBe(true);
    // Summed once, a quick view has the sums too.
    expect(await must(core, 'diagrams.get', { id: big.id, quick: true })).toEqual(summed);
  });

  it('diagrams.shipments sums any set of entities, per direction', async () => {
    const ids = [
      await entityOfCompany(core, labels, 'E0001'),
      await entityOfCompany(core, labels, 'E0002'),
      await entityOfCompany(core, labels, 'E0005'),
    ];
    const facts = recordsWithParties(path);
    const got = await must(core, 'diagrams.shipments', { entityIds: ids });
    const want = ids.flatMap((s) => ids.filter((t) => t !== s).map((t) => [s, t] as const));
    for (const [s, t] of want) {
      const behind = facts.filter((r) => r.shipper === s && r.consignee === t);
      const line = got.find((g) => g.source === s && g.target === t);
      if (behind.length === 0) expect(line).toBeUndefined();
      else
        expect({ ...line, source: undefined, target: undefined }).toEqual({
          ...expected(behind),
          source: undefined,
          target: undefined,
        });
    }
    expect(got.length).toBeGreaterThan(0);
  });
});
