// The composer's line for each cited piece of evidence, by name, for a whole brief in one call
// (`briefs.citations`): links as "source → target (kind, grade)", hits as "entity ~ entry (list, programs)".
import { describe, expect, it } from 'vitest';
import { citationKey, type Citation } from '../../shared/domain/briefs';
import { must } from '../helpers/temp';
import { screenedSample } from './helpers';

describe('the composer’s citation lines', () => {
  it('names the entities of a link and a screening hit’s entity, entry, list and program, and marks what is gone', async () => {
    const { core, hit } = await screenedSample();

    const [diagram] = await must(core, 'diagrams.list', {});
    const view = await must(core, 'diagrams.get', { id: diagram!.id });
    const node = (name: RegExp) => view.nodes.find((n) => n.kind === 'entity' && name.test(n.label))!;
    const poly = node(/Poly Technologies/i);
    const plant = node(/^Ulan-Ud/);
    const change = await must(core, 'diagrams.apply', {
      id: diagram!.id,
      ops: [
        { op: 'createLink', tempId: -1, source: poly.id, target: plant.id, type: 'supplier_of', grade: 'tentative' },
      ],
    });
    const edge = change.view.edges.find((e) => e.id === change.created['-1'])!;
    const [record] = await must(core, 'records.list', { limit: 1 });

    const citations: Citation[] = [
      { kind: 'link', id: edge.link!.id },
      { kind: 'hit', id: hit.id },
      { kind: 'records', ids: [record!.id] },
      { kind: 'diagram', id: diagram!.id },
      { kind: 'link', id: 99_999 },
      { kind: 'hit', id: 99_999 },
      { kind: 'hit', id: hit.id },
    ];
    const lines = await must(core, 'briefs.citations', { citations });

    expect(Object.keys(lines)).toHaveLength(6);
    const line = (c: Citation) => lines[citationKey(c)];
    expect(line(citations[0]!)).toBe(`${poly.label} → ${plant.label} (supplier of, tentative)`);
    expect(line(citations[0]!)).toBe(
      'Poly Technologies Corporation → Ulan-Udenskiy aviatsionnyy zavod AO (supplier of, tentative)',
    );
    expect(line(citations[1]!)).toBe(
      `${hit.entityName} ~ JSC ULAN-UDE AVIATION PLANT (${hit.listName}, RUSSIA-EO14024)`,
    );
    expect(line(citations[2]!)).toBe(`1 customs record (#${record!.id})`);
    expect(line(citations[3]!)).toBe(`Diagram: ${diagram!.name}`);
    expect(line(citations[4]!)).toBe('Link #99999 [source removed]');
    expect(line(citations[5]!)).toBe('Screening hit #99999 [source removed]');
  }, 120_000);
});
