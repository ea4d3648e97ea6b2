import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { call } from '../../electron/core/dispatch';
import type { CoreContext } from '../../electron/core/context';
import type { DiagramView } from '../../shared/domain/diagrams';
import { must, REPO, SAMPLES, tempCase } from '../helpers/temp';
import { apply } from './helpers';

async function resolvedCase() {
  const made = await tempCase();
  await must(made.core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  await must(made.core, 'entities.resolve', {});
  const entities = await must(made.core, 'entities.list', { limit: 10 });
  return { ...made, entities: entities.map((e) => e.id) };
}

/** What a person sees of a diagram (ids, places, labels, notes), to compare states across undo and redo. */
const shape = (v: DiagramView) => ({
  name: v.name,
  nodes: v.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    ref: n.ref,
    label: n.label,
    x: n.x,
    y: n.y,
    parentId: n.parentId,
    notes: n.annotations.map((a) => [a.id, a.text]),
  })),
  edges: v.edges.map((e) => ({
    id: e.id,
    kind: e.kind,
    source: e.source,
    target: e.target,
    count: e.count,
    label: e.label,
    notes: e.annotations.map((a) => [a.id, a.text]),
  })),
});

const failure = async (
  core: CoreContext,
  method: 'diagrams.apply' | 'diagrams.undo' | 'diagrams.redo',
  input: unknown,
) => {
  const r = await call(core, method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error.code;
};

describe('diagram edits: one command each, undone and redone from the case file', () => {
  it('applies a batch with temporary ids, undoes and redoes removals exactly, and keeps the history across a reopen', async () => {
    const { core, path, dir, entities } = await resolvedCase();
    const [a, b] = entities as [number, number];
    const view = await must(core, 'diagrams.create', { name: 'Edits' });
    const added = await apply(core, view.id, [
      { op: 'addNode', tempId: -1, kind: 'entity', ref: a, x: 0, y: 0 },
      { op: 'addNode', tempId: -2, kind: 'entity', ref: b, x: 400, y: 0 },
      { op: 'addEdge', tempId: -3, kind: 'free', source: -1, target: -2, label: 'same address' },
      { op: 'annotate', tempId: -4, target: 'node', targetId: -1, text: 'Check the INN' },
      { op: 'addNode', tempId: -5, kind: 'group', x: -50, y: -50, label: 'Suppliers' },
      { op: 'updateNode', id: -1, parentId: -5 },
    ]);
    expect(Object.keys(added.created).sort()).toEqual(['-1', '-2', '-3', '-4', '-5']);
    expect(added.view.history).toEqual({ position: 1, size: 1, undo: '6 edits', redo: null });
    const [nodeA, nodeB, group] = [added.created['-1']!, added.created['-2']!, added.created['-5']!];
    const built = shape(added.view);
    expect(built.nodes.find((n) => n.id === nodeA)).toMatchObject({
      parentId: group,
      notes: [[added.created['-4'], 'Check the INN']],
    });

    await apply(core, view.id, [{ op: 'moveNodes', moves: [{ id: nodeB, x: 500, y: 80 }] }]);
    const moved = await must(core, 'diagrams.get', { id: view.id });
    expect(moved.history.undo).toBe('Move node');
    // Removing a node takes its edges and notes with it, and unhooks what was inside a removed group.
    const removed = (await apply(core, view.id, [{ op: 'removeNodes', ids: [nodeA, group] }])).view;
    expect(removed.nodes.map((n) => n.id)).toEqual([nodeB]);
    expect(removed.edges).toEqual([]);
    const restored = (await must(core, 'diagrams.undo', { id: view.id })).view;
    expect(shape(restored)).toEqual(shape(moved));
    expect((await must(core, 'diagrams.redo', { id: view.id })).view.nodes.map((n) => n.id)).toEqual([nodeB]);
    await must(core, 'diagrams.undo', { id: view.id });

    // A new case session (the app restarted): the history is in the file.
    core.session?.close();
    const again = createCore({
      appDataDir: join(dir, 'app2'),
      sampleDir: join(REPO, 'build', 'sample'),
      actor: 'tester',
    });
    await must(again, 'case.open', { path });
    const reopened = await must(again, 'diagrams.get', { id: view.id });
    expect(reopened.history).toEqual({ position: 2, size: 3, undo: 'Move node', redo: 'Remove 2 nodes' });
    const beforeMove = (await must(again, 'diagrams.undo', { id: view.id })).view;
    expect(shape(beforeMove)).toEqual(built);
    const empty = (await must(again, 'diagrams.undo', { id: view.id })).view;
    expect(empty.nodes).toEqual([]);
    expect(await failure(again, 'diagrams.undo', { id: view.id })).toBe('nothing_to_undo');
    // Redo puts back the same ids; a new edit then drops what could have been redone.
    expect(shape((await must(again, 'diagrams.redo', { id: view.id })).view)).toEqual(built);
    const renamed = (await apply(again, view.id, [{ op: 'rename', name: 'Renamed' }])).view;
    expect(renamed.history).toMatchObject({ position: 2, size: 2, redo: null });
    expect(await failure(again, 'diagrams.redo', { id: view.id })).toBe('nothing_to_redo');
    again.session?.close();
  });

  it('refuses a bad batch whole, keeps the last 200 commands, and refuses the same entity twice', async () => {
    const { core, entities } = await resolvedCase();
    const view = await must(core, 'diagrams.create', { name: 'Limits' });
    const { created } = await apply(core, view.id, [
      { op: 'addNode', tempId: -1, kind: 'entity', ref: entities[0]!, x: 0, y: 0 },
    ]);
    const before = await must(core, 'diagrams.get', { id: view.id });
    const code = await failure(core, 'diagrams.apply', {
      id: view.id,
      ops: [
        { op: 'addNode', kind: 'note', text: 'kept?', x: 0, y: 0 },
        { op: 'addNode', kind: 'entity', ref: 99_999_999, x: 0, y: 0 },
      ],
    });
    expect(code).toBe('invalid_input');
    expect(shape(await must(core, 'diagrams.get', { id: view.id }))).toEqual(shape(before));
    expect(
      await failure(core, 'diagrams.apply', {
        id: view.id,
        ops: [{ op: 'addNode', kind: 'entity', ref: entities[0]!, x: 9, y: 9 }],
      }),
    ).toBe('exists');
    const other = await must(core, 'diagrams.create', { name: 'Other' });
    expect(
      await failure(core, 'diagrams.apply', { id: other.id, ops: [{ op: 'removeNodes', ids: [created['-1']!] }] }),
    ).toBe('not_found');

    for (let i = 1; i <= 205; i++)
      await apply(core, view.id, [{ op: 'moveNodes', moves: [{ id: created['-1']!, x: i, y: 0 }] }]);
    const long = await must(core, 'diagrams.get', { id: view.id });
    expect(long.history).toMatchObject({ position: 206, size: 200 });
    for (let i = 0; i < 200; i++) await must(core, 'diagrams.undo', { id: view.id });
    expect((await must(core, 'diagrams.get', { id: view.id })).nodes[0]!.x).toBe(5);
    expect(await failure(core, 'diagrams.undo', { id: view.id })).toBe('nothing_to_undo');
  }, 120_000);
});
