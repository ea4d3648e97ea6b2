import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import type { DiagramView } from '../../shared/domain/diagrams';
import { must } from '../helpers/temp';
import { diagramOf, generatedCase, recordsWithParties, type RecordFacts } from './helpers';

const ids = (records: RecordFacts[]) => records.map((r) => r.id).sort((a, b) => a - b);
const edgeBetween = (view: DiagramView, source: number, target: number) =>
  view.edges.find(
    (e) =>
      view.nodes.find((n) => n.id === e.source)?.ref === source &&
      view.nodes.find((n) => n.id === e.target)?.ref === target,
  );

describe('diagrams stay live as entities are merged, split and the merge undone', () => {
  let core: CoreContext;
  let path: string;
  let remove: () => void;
  beforeAll(async () => {
    ({ core, path, remove } = await generatedCase());
  }, 120_000);
  afterAll(() => remove());

  /** Two suppliers of one buyer on a diagram, merged, then the merge undone by `undo`. */
  async function mergeThenUndo(undo: (judgementId: number) => Promise<unknown>) {
    // Two suppliers of one consignee, each with its own shipments to it.
    const facts = recordsWithParties(path);
    const suppliers = new Map<number, Map<number, RecordFacts[]>>();
    for (const r of facts) {
      if (r.shipper === null || r.consignee === null || r.shipper === r.consignee) continue;
      const of = suppliers.get(r.consignee) ?? suppliers.set(r.consignee, new Map()).get(r.consignee)!;
      of.set(r.shipper, [...(of.get(r.shipper) ?? []), r]);
    }
    const [buyer, sellers] = [...suppliers].sort((a, b) => b[1].size - a[1].size)[0]!;
    const [[a, aRecords], [b, bRecords]] = [...sellers].sort((x, y) => y[1].length - x[1].length) as [
      [number, RecordFacts[]],
      [number, RecordFacts[]],
    ];
    const view = await diagramOf(
      core,
      [a, b, buyer],
      [
        [a, buyer],
        [b, buyer],
      ],
    );
    expect(view.edges.map((e) => e.count)).toEqual([aRecords.length, bRecords.length]);

    await must(core, 'entities.merge', { ids: [a, b], note: 'same company' });
    const active = new Set((await must(core, 'entities.list', { limit: 1_000_000 })).map((e) => e.id));
    const survivor = active.has(a) ? a : b;
    expect(active.has(a) && active.has(b)).toBe(false);
    const one = await must(core, 'diagrams.get', { id: view.id });
    expect(one.nodes.map((n) => n.ref).sort()).toEqual([survivor, buyer].sort());
    expect(one.edges).toHaveLength(1);
    const summed = edgeBetween(one, survivor, buyer)!;
    expect(summed.count).toBe(aRecords.length + bRecords.length);
    expect(summed.recordIds).toEqual(ids([...aRecords, ...bRecords]));
    expect(summed.recordIds).toEqual(
      ids(recordsWithParties(path).filter((r) => r.shipper === survivor && r.consignee === buyer)),
    );
    expect(one.folded.map((f) => f.kind).sort()).toEqual(['edge', 'node']);
    // Nothing stored changed: the diagram still holds its three nodes and two edges.
    expect((await must(core, 'diagrams.list', {})).find((d) => d.id === view.id)).toMatchObject({ nodes: 3, edges: 2 });

    const judgement = (await must(core, 'judgements.list', {})).find((j) => j.decision === 'same')!;
    await undo(judgement.id);
    const two = await must(core, 'diagrams.get', { id: view.id });
    expect(two.nodes).toHaveLength(3);
    expect(two.folded).toEqual([]);
    const counts = two.edges.map((e) => ({ from: e.source, count: e.count, records: e.recordIds }));
    expect(counts).toEqual([
      { from: view.nodes[0]!.id, count: aRecords.length, records: ids(aRecords) },
      { from: view.nodes[1]!.id, count: bRecords.length, records: ids(bRecords) },
    ]);
    // The merged-away entity is back (under its id, or, resolved anew, under another that its node's anchor mention finds).
    const back = two.nodes.find((n) => n.id === view.nodes.find((v) => v.ref !== survivor && v.ref !== buyer)!.id)!;
    expect(back.label).toBeTruthy();
    expect(back.missing).toBeUndefined();
  }

  it('merging two entities on a diagram leaves one node with the summed edges; undoing the merge brings both back', async () => {
    await mergeThenUndo((id) => must(core, 'judgements.undo', { id }));
  });

  it('the same when the case was resolved again before the undo (the undo resolves it once more)', async () => {
    await mergeThenUndo(async (id) => {
      await must(core, 'entities.resolve', {});
      await must(core, 'judgements.undoResolving', { id });
    });
  });

  it('a split moves the split-off names’ records off the edge', async () => {
    const facts = recordsWithParties(path);
    const pairs = new Map<string, RecordFacts[]>();
    for (const r of facts)
      if (r.shipper !== null && r.consignee !== null && r.shipper !== r.consignee)
        pairs.set(`${r.shipper}>${r.consignee}`, [...(pairs.get(`${r.shipper}>${r.consignee}`) ?? []), r]);
    const [key] = [...pairs].sort((x, y) => y[1].length - x[1].length)[0]!;
    const [s, t] = key.split('>').map(Number) as [number, number];
    const view = await diagramOf(core, [s, t], [[s, t]]);
    const names = (await must(core, 'entities.get', { id: s })).names;
    expect(names.length).toBeGreaterThan(1);
    await must(core, 'entities.split', { id: s, names: [names.at(-1)!.name], note: 'a different company' });
    const after = await must(core, 'diagrams.get', { id: view.id });
    const behind = recordsWithParties(path).filter((r) => r.shipper === s && r.consignee === t);
    expect(after.edges[0]!.recordIds).toEqual(ids(behind));
    expect(behind.length).toBeLessThan(pairs.get(key)!.length);
  });
});
