import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { CoreContext } from '../../electron/core/context';
import type { DiagramView } from '../../shared/domain/diagrams';
import { must } from '../helpers/temp';
import { apply, diagramOf, generatedCase, recordsWithParties, type RecordFacts } from './helpers';

const overlap = (v: DiagramView) =>
  v.nodes.some((a, i) =>
    v.nodes.slice(i + 1).some((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h),
  );

describe('expanding a node from the data, and laying a diagram out', () => {
  let core: CoreContext;
  let path: string;
  let remove: () => void;
  let facts: RecordFacts[];
  let hub: number;
  beforeAll(async () => {
    ({ core, path, remove } = await generatedCase());
    facts = recordsWithParties(path);
    // The entity trading with the most others.
    const partners = new Map<number, Set<number>>();
    for (const r of facts) {
      if (r.shipper === null || r.consignee === null || r.shipper === r.consignee) continue;
      (partners.get(r.shipper) ?? partners.set(r.shipper, new Set()).get(r.shipper)!).add(r.consignee);
      (partners.get(r.consignee) ?? partners.set(r.consignee, new Set()).get(r.consignee)!).add(r.shipper);
    }
    hub = [...partners].sort((a, b) => b[1].size - a[1].size)[0]![0];
  }, 120_000);
  afterAll(() => remove());

  it('lists a node’s counterparties by value with the sums of the records, and adds the chosen ones with every edge between them', async () => {
    const view = await diagramOf(core, [hub]);
    const node = view.nodes[0]!;
    const { counterparties, total } = await must(core, 'diagrams.counterparties', {
      id: view.id,
      nodeId: node.id,
      limit: 6,
    });
    expect(counterparties).toHaveLength(6);
    expect(total).toBeGreaterThan(6);
    expect(counterparties.map((c) => c.valueUsd)).toEqual(
      [...counterparties.map((c) => c.valueUsd)].sort((a, b) => b - a),
    );
    for (const c of counterparties) {
      const [from, to] = c.direction === 'out' ? [hub, c.entityId] : [c.entityId, hub];
      expect(c.count).toBe(facts.filter((r) => r.shipper === from && r.consignee === to).length);
      expect(c.onDiagram).toBe(false);
    }
    const chosen = [...new Set(counterparties.map((c) => c.entityId))].slice(0, 4);
    const expanded = (await must(core, 'diagrams.expand', { id: view.id, nodeId: node.id, entityIds: chosen })).view;
    expect(expanded.history.undo).toMatch(/^Expand /);
    expect(expanded.nodes.map((n) => n.ref).sort()).toEqual([hub, ...chosen].sort());
    // Customers to the right of the node, suppliers to the left; nothing on top of anything.
    for (const c of counterparties.filter((x) => chosen.includes(x.entityId))) {
      const placed = expanded.nodes.find((n) => n.ref === c.entityId)!;
      const sells = facts.filter((r) => r.shipper === hub && r.consignee === c.entityId).length;
      const buys = facts.filter((r) => r.shipper === c.entityId && r.consignee === hub).length;
      if (sells > 0 && buys === 0) expect(placed.x).toBeGreaterThan(node.x);
      if (buys > 0 && sells === 0) expect(placed.x).toBeLessThan(node.x);
    }
    expect(overlap(expanded)).toBe(false);
    // Every pair that trades among them has its edge, new ones with each other included.
    const on = new Set(expanded.nodes.map((n) => n.ref));
    const trading = new Set(
      facts
        .filter((r) => r.shipper !== r.consignee && on.has(r.shipper) && on.has(r.consignee))
        .map((r) => `${r.shipper}>${r.consignee}`),
    );
    const refOf = new Map(expanded.nodes.map((n) => [n.id, n.ref]));
    expect(new Set(expanded.edges.map((e) => `${refOf.get(e.source)}>${refOf.get(e.target)}`))).toEqual(trading);
    const again = await must(core, 'diagrams.counterparties', { id: view.id, nodeId: node.id, limit: 6 });
    expect(
      again.counterparties
        .filter((c) => c.onDiagram)
        .map((c) => c.entityId)
        .sort(),
    ).toEqual(
      counterparties
        .filter((c) => chosen.includes(c.entityId))
        .map((c) => c.entityId)
        .sort(),
    );
    const refused = await call(core, 'diagrams.expand', { id: view.id, nodeId: node.id, entityIds: [chosen[0]] });
    expect(!refused.ok && refused.error.code).toBe('exists');
    // One undo takes the whole expansion back.
    expect((await must(core, 'diagrams.undo', { id: view.id })).view.nodes.map((n) => n.ref)).toEqual([hub]);
  });

  it('counterparties follow the diagram’s filters', async () => {
    const view = await diagramOf(core, [hub]);
    await apply(core, view.id, [
      { op: 'setFilters', filters: { dateFrom: '2023-01-01', dateTo: '2023-12-31', hsChapters: [] } },
    ]);
    const { counterparties } = await must(core, 'diagrams.counterparties', {
      id: view.id,
      nodeId: view.nodes[0]!.id,
      limit: 1000,
    });
    for (const c of counterparties) {
      const [from, to] = c.direction === 'out' ? [hub, c.entityId] : [c.entityId, hub];
      expect(c.count).toBe(
        facts.filter(
          (r) => r.shipper === from && r.consignee === to && r.date! >= '2023-01-01' && r.date! <= '2023-12-31',
        ).length,
      );
    }
  });

  it('lays a diagram out again in one undoable move, shippers left of consignees, nothing overlapping', async () => {
    const { view } = await must(core, 'diagrams.neighbourhood', { name: 'Hub', entityId: hub, perNode: 8 });
    const piled = (
      await apply(core, view.id, [{ op: 'moveNodes', moves: view.nodes.map((n) => ({ id: n.id, x: 0, y: 0 })) }])
    ).view;
    expect(overlap(piled)).toBe(true);
    const laid = (await must(core, 'diagrams.layout', { id: view.id })).view;
    expect(overlap(laid)).toBe(false);
    expect(laid.history.undo).toBe('Lay out');
    const at = new Map(laid.nodes.map((n) => [n.id, n.x]));
    const hubNode = laid.nodes.find((n) => n.ref === hub)!;
    const oneWay = laid.edges.filter((e) => !laid.edges.some((f) => f.source === e.target && f.target === e.source));
    for (const e of oneWay.filter((x) => x.source === hubNode.id || x.target === hubNode.id))
      expect(at.get(e.source)!).toBeLessThan(at.get(e.target)!);
    expect(overlap((await must(core, 'diagrams.undo', { id: view.id })).view)).toBe(true);
  });
});
