import { describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM_NAME } from '../../electron/core/diagrams/sample-diagram';
import { must, tempCase } from '../helpers/temp';

describe('the sample case', () => {
  it('opens with a ready diagram: Poly Technologies → Ulan-Ude Aviation Plant, and AVIC International → UEC beside it', async () => {
    const { core } = await tempCase();
    await must(core, 'case.openSample', {});
    const [summary, ...others] = await must(core, 'diagrams.list', {});
    expect(others).toEqual([]);
    expect(summary!.name).toBe(SAMPLE_DIAGRAM_NAME);
    const view = await must(core, 'diagrams.get', { id: summary!.id });
    const entities = view.nodes.filter((n) => n.kind === 'entity');
    const names = await Promise.all(
      entities.map(async (n) =>
        (await must(core, 'entities.get', { id: n.ref! })).names.map((x) => x.name).join(' | '),
      ),
    );
    // The storyline companies, not their look-alikes (Poly Technology Development, the locomotive plant, UEC-Saturn…).
    expect(names[0]).toMatch(/poly technologies/i);
    expect(names[0]).not.toMatch(/development|fazhan/i);
    expect(names[1]).toMatch(/ulan.ude aviation|авиационный завод/i);
    expect(names[2]).toMatch(/avic int/i);
    expect(names[2]).not.toMatch(/aero-engine/i);
    expect(names[3]).toMatch(/united engine|двигателестроительная/i);
    expect(names[3]).not.toMatch(/saturn|perm/i);
    // Nodes are named by their entity's display name now, never by what the node stored when placed.
    for (const n of entities) expect(n.label).toBe((await must(core, 'entities.get', { id: n.ref! })).name);
    expect(entities[2]!.label).toMatch(/^AVIC International/);
    const edge = (s: number, t: number) =>
      view.edges.find((e) => e.source === entities[s]!.id && e.target === entities[t]!.id);
    expect(edge(0, 1)!.count).toBeGreaterThan(5);
    expect(edge(0, 1)!.hsChapters).toContain('88');
    expect(edge(2, 3)!.count).toBeGreaterThan(0);
    expect(view.edges.every((e) => e.kind === 'shipment' && !e.missing && e.count! > 0)).toBe(true);
    // Side by side: each pair on a row of its own, shipper on the left.
    expect(entities[0]!.y).toBe(entities[1]!.y);
    expect(entities[2]!.y).toBeGreaterThan(entities[0]!.y);
    expect(entities[0]!.x).toBeLessThan(entities[1]!.x);
    expect(view.nodes.find((n) => n.kind === 'document')?.label).toMatch(/customs records show/);
    core.session?.close();
  });
});
