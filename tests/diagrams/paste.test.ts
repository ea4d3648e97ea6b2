import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { DiagramView, ShipmentAggregate } from '../../shared/domain/diagrams';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { apply, diagramOf } from './helpers';

/** What a diagram holds, by what its nodes point at (ids differ between diagrams): comparable across them. */
function content(view: DiagramView) {
  const name = (id: number) => {
    const n = view.nodes.find((x) => x.id === id)!;
    return n.kind === 'entity' || n.kind === 'document' || n.kind === 'excerpt' ? `${n.kind}:${n.ref}` : n.label;
  };
  return {
    nodes: view.nodes.map((n) => `${name(n.id)}${n.parentId ? ` in ${name(n.parentId)}` : ''}`).sort(),
    edges: view.edges
      .map((e) => `${e.kind}:${e.link?.id ?? e.label ?? ''}:${name(e.source)}>${name(e.target)}:${e.count ?? ''}`)
      .sort(),
    notes: view.nodes.flatMap((n) => n.annotations.map((a) => `${name(n.id)}: ${a.text}`)).sort(),
  };
}

describe('diagrams.paste: copy nodes between diagrams of a case', () => {
  let core: CoreContext;
  let dir: string;
  let pairs: ShipmentAggregate[];
  beforeAll(async () => {
    ({ core, dir } = await tempCase());
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const entities = (await must(core, 'entities.list', { limit: 60 })).map((e) => e.id);
    pairs = (await must(core, 'diagrams.shipments', { entityIds: entities })).sort((a, b) => b.count - a.count);
  }, 120_000);
  afterAll(() => core.session?.close());

  it('brings entities, a group with its members, notes, a link and a free edge; reuses an entity already there; recomputes shipments; one undo', async () => {
    // A supplier with two customers: a → b, a → c (b and c may trade too).
    const a = pairs[0]!.source;
    const [b, c] = pairs.filter((p) => p.source === a).map((p) => p.target) as [number, number];
    expect(c).toBeDefined();
    const txt = join(dir, 'memo.txt');
    writeFileSync(txt, 'Memo: the supplier ships through a trading house.');
    const [doc] = await must(core, 'documents.add', { paths: [txt] });

    const source = await diagramOf(core, [a, b, c]);
    const [na, nb, nc] = source.nodes.map((n) => n.id) as [number, number, number];
    const { view: built, created } = await apply(core, source.id, [
      { op: 'addNode', tempId: -1, kind: 'group', label: 'Buyers', x: 200, y: -50, w: 800, h: 300 },
      { op: 'updateNode', id: nb, parentId: -1 },
      { op: 'updateNode', id: nc, parentId: -1 },
      { op: 'addNode', tempId: -2, kind: 'note', text: 'Check the invoices', x: 0, y: 400 },
      { op: 'addNode', tempId: -3, kind: 'document', ref: doc!.documentId, x: 0, y: 600 },
      { op: 'addEdge', kind: 'free', source: -2, target: na, label: 'about' },
      { op: 'createLink', tempId: -4, source: na, target: nb, type: 'supplier_of', grade: 'tentative', records: [] },
      { op: 'annotate', target: 'node', targetId: na, text: 'main supplier' },
      { op: 'annotate', target: 'edge', targetId: -4, text: 'per the memo' },
      // A shipment edge drawn by hand: the paste works shipments out again instead of copying this one.
      { op: 'addEdge', kind: 'shipment', source: na, target: nb },
    ]);
    const group = created['-1']!;
    const note = created['-2']!;

    // The target already shows c: c is not added again, and the pasted edges meet its node there.
    const target = await diagramOf(core, [c]);
    const cThere = target.nodes[0]!.id;
    const pasted = await must(core, 'diagrams.paste', {
      id: target.id,
      from: source.id,
      nodeIds: [na, group, note, created['-3']!],
      at: { x: 1000, y: 1000 },
    });
    const v = pasted.view;
    expect(pasted.skipped).toBe(0);
    expect(v.nodes.filter((n) => n.kind === 'entity' && n.ref === c)).toHaveLength(1);
    expect(pasted.nodes).toContain(cThere);
    expect(pasted.nodes).toHaveLength(6);
    // Everything copied is there (c where it was), with its notes, the group holding b (c keeps its own place).
    const want = content(built);
    const got = content(v);
    expect(got.nodes).toEqual(want.nodes.map((n) => (n === `entity:${c} in Buyers` ? `entity:${c}` : n)));
    expect(got.notes).toEqual(want.notes);
    expect(v.edges.find((e) => e.kind === 'link')!.annotations.map((x) => x.text)).toEqual(['per the memo']);
    // The same link (the case's), drawn again; the free edge with its label.
    const link = built.edges.find((e) => e.kind === 'link')!.link!.id;
    expect(v.edges.filter((e) => e.kind === 'link').map((e) => e.link!.id)).toEqual([link]);
    expect(v.edges.filter((e) => e.kind === 'free').map((e) => e.label)).toEqual(['about']);
    // Shipments: exactly those the records show among a, b and c, with their sums.
    const truth = await must(core, 'diagrams.shipments', { entityIds: [a, b, c] });
    const refOf = (id: number) => v.nodes.find((n) => n.id === id)!.ref;
    const shipments = v.edges.filter((e) => e.kind === 'shipment');
    expect(shipments.map((e) => `${refOf(e.source)}>${refOf(e.target)}:${e.count}:${e.valueUsd}`).sort()).toEqual(
      truth.map((s) => `${s.source}>${s.target}:${s.count}:${s.valueUsd}`).sort(),
    );
    // The block's middle is where it was asked to be.
    const placed = v.nodes.filter((n) => n.id !== cThere);
    const mid = (k: 'x' | 'y', d: 'w' | 'h') =>
      (Math.min(...placed.map((n) => n[k])) + Math.max(...placed.map((n) => n[k] + n[d]))) / 2;
    expect(Math.abs(mid('x', 'w') - 1000)).toBeLessThan(400);
    expect(Math.abs(mid('y', 'h') - 1000)).toBeLessThan(400);

    // One command: one undo takes all of it away, redo puts it back.
    expect(v.history.undo).toBe('Paste 6 nodes');
    const undone = (await must(core, 'diagrams.undo', { id: target.id })).view;
    expect(content(undone)).toEqual(content(target));
    const redone = (await must(core, 'diagrams.redo', { id: target.id })).view;
    expect(content(redone)).toEqual(content(v));
    // The source diagram is untouched.
    expect(content(await must(core, 'diagrams.get', { id: source.id }))).toEqual(content(built));
  });

  it('pastes into the same diagram beside the original; refuses nodes of another diagram', async () => {
    const { source: a, target: b } = pairs[1]!;
    const view = await diagramOf(core, [a, b]);
    const { view: withNote, created } = await apply(core, view.id, [
      { op: 'addNode', tempId: -1, kind: 'note', text: 'copy me', x: 10, y: 20 },
    ]);
    // The entities are there already: only the note is new, 40 px down and right.
    const again = await must(core, 'diagrams.paste', {
      id: view.id,
      from: view.id,
      nodeIds: [...view.nodes.map((n) => n.id), created['-1']!],
    });
    expect(again.view.nodes).toHaveLength(withNote.nodes.length + 1);
    const copy = again.view.nodes.find((n) => n.kind === 'note' && n.id !== created['-1'])!;
    expect([copy.x, copy.y, copy.text]).toEqual([50, 60, 'copy me']);
    expect(again.view.edges).toEqual(withNote.edges);

    const other = await diagramOf(core, [a]);
    const bad = await call(core, 'diagrams.paste', { id: view.id, from: other.id, nodeIds: [view.nodes[0]!.id] });
    expect(!bad.ok && bad.error.code).toBe('not_found');
  });
});
