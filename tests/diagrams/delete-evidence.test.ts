import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramToSvg } from '../../shared/diagrams/svg';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { apply, diagramOf } from './helpers';

describe('deleting a document a diagram shows, and its excerpts', () => {
  it('shows the nodes and the link’s evidence as removed; every edit around them still undoes and redoes', async () => {
    const { core, dir } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const txt = join(dir, 'registry.txt');
    writeFileSync(txt, 'Registry extract: both companies share a director in Ulan-Ude.');
    const [doc] = await must(core, 'documents.add', { paths: [txt] });
    const excerpt = await must(core, 'excerpts.create', {
      documentId: doc!.documentId,
      page: 1,
      quote: 'share a director',
    });
    const [a, b] = (await must(core, 'entities.list', { limit: 2 })).map((e) => e.id) as [number, number];
    const view = await diagramOf(core, [a, b]);
    const [na, nb] = view.nodes.map((n) => n.id) as [number, number];
    const { created } = await apply(core, view.id, [
      { op: 'addNode', tempId: -1, kind: 'document', ref: doc!.documentId, x: 0, y: 200 },
      { op: 'addNode', tempId: -2, kind: 'excerpt', ref: excerpt.id, x: 300, y: 200 },
      {
        op: 'createLink',
        tempId: -3,
        source: na,
        target: nb,
        type: 'director_of',
        grade: 'tentative',
        excerpts: [excerpt.id],
      },
      { op: 'addEdge', kind: 'free', source: -1, target: na, label: 'names' },
    ]);
    const [docNode, excerptNode, linkEdge] = [created['-1']!, created['-2']!, created['-3']!];
    const before = await must(core, 'diagrams.get', { id: view.id });

    // A document goes after its excerpts (the core refuses it while they are there).
    await must(core, 'excerpts.delete', { id: excerpt.id });
    await must(core, 'documents.delete', { id: doc!.documentId });
    const after = await must(core, 'diagrams.get', { id: view.id });
    // Same nodes and edges, those whose source is gone marked removed and named as they were.
    expect(after.nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    expect(after.edges.map((e) => e.id)).toEqual(before.edges.map((e) => e.id));
    for (const id of [docNode, excerptNode]) {
      const n = after.nodes.find((x) => x.id === id)!;
      expect(n.missing).toBe(true);
      expect(n.label).toBe(before.nodes.find((x) => x.id === id)!.label);
    }
    expect(after.edges.find((e) => e.id === linkEdge)!.link!.evidence).toEqual([
      { kind: 'excerpt', id: excerpt.id, missing: true },
    ]);
    expect(diagramToSvg(after)).toContain('removed from the case');

    // Taking the removed node off the diagram (with its edge) is an edit like any other: undone, redone.
    const removed = (await apply(core, view.id, [{ op: 'removeNodes', ids: [docNode] }])).view;
    expect(removed.nodes.map((n) => n.id)).not.toContain(docNode);
    expect(removed.edges.filter((e) => e.kind === 'free')).toEqual([]);
    const back = (await must(core, 'diagrams.undo', { id: view.id })).view;
    expect(back.nodes.find((n) => n.id === docNode)?.missing).toBe(true);
    expect(back.edges.filter((e) => e.kind === 'free').map((e) => e.label)).toEqual(['names']);
    expect((await must(core, 'diagrams.redo', { id: view.id })).view.nodes.map((n) => n.id)).not.toContain(docNode);
    // Walking the history back past the deletion: the nodes placed before it come and go, shown as removed.
    await must(core, 'diagrams.undo', { id: view.id });
    const unplaced = (await must(core, 'diagrams.undo', { id: view.id })).view;
    expect(unplaced.nodes.map((n) => n.id).sort()).toEqual([na, nb].sort());
    const replaced = (await must(core, 'diagrams.redo', { id: view.id })).view;
    expect(
      replaced.nodes
        .filter((n) => n.missing)
        .map((n) => n.id)
        .sort(),
    ).toEqual([docNode, excerptNode].sort());
    expect(replaced.edges.find((e) => e.id === linkEdge)!.link!.evidence[0]!.missing).toBe(true);
    // Paste skips what is gone, and says how many.
    const other = await must(core, 'diagrams.create', { name: 'Copy' });
    const pasted = await must(core, 'diagrams.paste', {
      id: other.id,
      from: view.id,
      nodeIds: [na, docNode, excerptNode],
    });
    expect(pasted.skipped).toBe(2);
    expect(pasted.view.nodes.map((n) => n.ref)).toEqual([a]);
    core.session?.close();
  });
});
