import { describe, expect, it } from 'vitest';
import { must, tempCase } from '../helpers/temp';

describe('Add to diagram from records', () => {
  it('adds the records’ parties as nodes with their shipment edges, reuses nodes already there, and undoes as one', async () => {
    const { core } = await tempCase();
    await must(core, 'case.openSample', {});
    const [sample] = await must(core, 'diagrams.list', {});
    const view = await must(core, 'diagrams.get', { id: sample!.id });
    const polyToPlant = view.edges.find((e) => e.kind === 'shipment')!;
    const records = polyToPlant.recordIds!.slice(0, 2);

    // Into a new diagram: the two parties and the one edge between them, with the same sums as on the sample's edge.
    const fresh = await must(core, 'diagrams.create', { name: 'From records' });
    const { view: added } = await must(core, 'diagrams.addRecords', { id: fresh.id, recordIds: records });
    expect(added.nodes.map((n) => n.ref).sort()).toEqual(
      [polyToPlant.source, polyToPlant.target].map((id) => view.nodes.find((n) => n.id === id)!.ref).sort(),
    );
    expect(added.edges).toHaveLength(1);
    expect(added.edges[0]!.count).toBe(polyToPlant.count);
    expect(added.edges[0]!.valueUsd).toBe(polyToPlant.valueUsd);

    // Into the sample diagram: nothing new (both parties and the edge are there), so no command is recorded.
    const again = await must(core, 'diagrams.addRecords', { id: sample!.id, recordIds: records });
    expect(again.view.nodes).toHaveLength(view.nodes.length);
    expect(again.view.history.position).toBe(view.history.position);

    // One undo takes the whole addition away.
    const undone = await must(core, 'diagrams.undo', { id: fresh.id });
    expect(undone.view.nodes).toEqual([]);

    await expect(must(core, 'diagrams.addRecords', { id: fresh.id, recordIds: [99_999_999] })).rejects.toThrow(
      /no record 99999999/,
    );
    core.session?.close();
  });
});
