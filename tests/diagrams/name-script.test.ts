import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { diagramToSvg } from '../../shared/diagrams/svg';
import type { DiagramView, NameScript } from '../../shared/domain/diagrams';
import type { EntityDetail } from '../../shared/domain/entities';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { apply } from './helpers';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;

/** Every text of the SVG, as a browser would read it. */
const svgTexts = (view: DiagramView) =>
  [...new JSDOM(diagramToSvg(view), { contentType: 'image/svg+xml' }).window.document.querySelectorAll('text')]
    .map((t) => t.textContent)
    .join('\n');

describe('entity names in the script the investigator picks, per diagram', () => {
  let core: CoreContext;
  let view: DiagramView;
  let entities: Map<number, EntityDetail>;
  beforeAll(async () => {
    ({ core } = await tempCase());
    await must(core, 'case.openSample', {});
    // The sample's records write the Chinese companies in Latin letters only: Chinese customs rows name them in Chinese.
    await must(core, 'import.run', { path: join(SAMPLES, 'cn-customs-1k.csv'), preset: 'cn-customs' });
    await must(core, 'entities.resolve', {});
    const [sample] = await must(core, 'diagrams.list', {});
    view = await must(core, 'diagrams.get', { id: sample!.id });
    entities = new Map();
    for (const n of view.nodes.filter((x) => x.kind === 'entity'))
      entities.set(n.id, await must(core, 'entities.get', { id: n.ref! }));
  }, 120_000);
  afterAll(() => core.session?.close());

  const labels = (v: DiagramView) => new Map(v.nodes.filter((n) => n.kind === 'entity').map((n) => [n.id, n.label]));
  const setScript = async (script: NameScript) => (await apply(core, view.id, [{ op: 'setNameScript', script }])).view;

  it('shows display names by default, and the spelling in the script chosen where the records write one', async () => {
    expect(view.nameScript).toBe('display');
    for (const [id, label] of labels(view)) expect(label).toBe(entities.get(id)!.name);

    for (const [script, test] of [
      ['cyrillic', CYRILLIC],
      ['chinese', HAN],
    ] as const) {
      const v = await setScript(script);
      expect(v.nameScript).toBe(script);
      const svg = svgTexts(v);
      let inScript = 0;
      for (const [id, label] of labels(v)) {
        const e = entities.get(id)!;
        const spellings = e.names.filter((n) => test.test(n.name)).map((n) => n.name.trim());
        if (spellings.length) {
          // One of its own spellings in that script, never a transliteration.
          expect(spellings).toContain(label);
          inScript++;
        } else expect(label).toBe(e.name);
        expect(svg).toContain(label.slice(0, 12));
      }
      // The Russian plants have Cyrillic names, the Chinese companies Chinese ones.
      expect(inScript, script).toBeGreaterThanOrEqual(2);
    }
    // Poly Technologies by its Chinese name; the Ulan-Ude plant by its Russian one.
    const [poly, plant] = view.nodes.filter((n) => n.kind === 'entity');
    expect(labels(await setScript('chinese')).get(poly!.id)).toMatch(/保利/);
    expect(labels(await setScript('cyrillic')).get(plant!.id)).toMatch(/Улан-Удэнский/i);
    // As written: the spelling the records write most.
    for (const [id, label] of labels(await setScript('written')))
      expect(label).toBe(entities.get(id)!.names[0]!.name.trim());
  });

  it('a change of script is one undoable edit, kept in the case; a label set by hand stays', async () => {
    const before = (await must(core, 'diagrams.get', { id: view.id })).nameScript;
    const latin = await setScript('latin');
    for (const label of labels(latin).values()) expect(label).not.toMatch(CYRILLIC);
    const undone = (await must(core, 'diagrams.undo', { id: view.id })).view;
    expect(undone.nameScript).toBe(before);
    const node = view.nodes.find((n) => n.kind === 'entity')!;
    const named = (await apply(core, view.id, [{ op: 'updateNode', id: node.id, label: 'Poly (per memo)' }])).view;
    expect(named.nodes.find((n) => n.id === node.id)!.label).toBe('Poly (per memo)');
    expect((await setScript('chinese')).nodes.find((n) => n.id === node.id)!.label).toBe('Poly (per memo)');
    const bad = await call(core, 'diagrams.apply', {
      id: view.id,
      ops: [{ op: 'setNameScript', script: 'klingon' } as never],
    });
    expect(bad.ok).toBe(false);
  });
});
