import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { apply, diagramOf } from './helpers';

async function caseWithEvidence() {
  const made = await tempCase();
  await must(made.core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  await must(made.core, 'entities.resolve', {});
  const txt = join(made.dir, 'registry.txt');
  writeFileSync(txt, 'Registry extract: the two companies share a director and an address in Ulan-Ude.');
  const [doc] = await must(made.core, 'documents.add', { paths: [txt] });
  const excerpt = await must(made.core, 'excerpts.create', {
    documentId: doc!.documentId,
    page: 1,
    quote: 'share a director',
  });
  const entities = (await must(made.core, 'entities.list', { limit: 5 })).map((e) => e.id);
  const records = (await must(made.core, 'records.list', { limit: 3 })).map((r) => r.id);
  return { ...made, excerpt, entities, records };
}

describe('links: graded, resting on records and excerpts, undoable from the diagram', () => {
  it('creates a link with its evidence, regrades it, undoes that, and follows its entities through a merge', async () => {
    const { core, excerpt, entities, records } = await caseWithEvidence();
    const [a, b, c] = entities as [number, number, number];
    const view = await diagramOf(core, [a, b]);
    const [na, nb] = view.nodes;
    const bad = await call(core, 'diagrams.apply', {
      id: view.id,
      ops: [{ op: 'createLink', source: na!.id, target: nb!.id, type: 'custom', grade: 'confirmed' }],
    });
    expect(!bad.ok && bad.error.message).toMatch(/custom link needs its label/);
    const missing = await call(core, 'diagrams.apply', {
      id: view.id,
      ops: [
        { op: 'createLink', source: na!.id, target: nb!.id, type: 'owns', grade: 'confirmed', records: [99_999_999] },
      ],
    });
    expect(!missing.ok && missing.error.code).toBe('not_found');

    const { view: linked, created } = await apply(core, view.id, [
      {
        op: 'createLink',
        tempId: -1,
        source: na!.id,
        target: nb!.id,
        type: 'director_of',
        grade: 'unconfirmed',
        note: 'registry',
        records,
        excerpts: [excerpt.id],
      },
    ]);
    const edge = linked.edges.find((e) => e.id === created['-1'])!;
    expect(edge).toMatchObject({
      kind: 'link',
      grade: 'unconfirmed',
      label: 'director of',
      source: na!.id,
      target: nb!.id,
    });
    const linkId = edge.link!.id;
    expect(edge.link!.evidence).toEqual([
      ...records.map((id) => ({ kind: 'record', id })),
      { kind: 'excerpt', id: excerpt.id },
    ]);
    expect(await must(core, 'links.get', { id: linkId })).toMatchObject({
      sourceEntity: a,
      targetEntity: b,
      note: 'registry',
      grade: 'unconfirmed',
    });

    const regraded = (
      await apply(core, view.id, [{ op: 'updateLink', linkId, grade: 'confirmed', records: [records[0]!] }])
    ).view;
    expect(regraded.edges[0]).toMatchObject({ grade: 'confirmed' });
    expect(regraded.edges[0]!.link!.evidence).toHaveLength(2);
    const undone = (await must(core, 'diagrams.undo', { id: view.id })).view;
    expect(undone.edges[0]!.link!).toMatchObject({ grade: 'unconfirmed', evidence: edge.link!.evidence });

    // Drawn on a second diagram too; one undo there does not touch the link.
    const other = await diagramOf(core, [a, b]);
    await apply(core, other.id, [
      { op: 'addEdge', kind: 'link', linkId, source: other.nodes[0]!.id, target: other.nodes[1]!.id },
    ]);
    expect((await must(core, 'diagrams.get', { id: other.id })).edges[0]!.link!.id).toBe(linkId);

    // Merge the link's target into another entity: the link follows it.
    await must(core, 'entities.merge', { ids: [b, c] });
    const survivor = (await must(core, 'entities.list', { limit: 1000 })).some((e) => e.id === b) ? b : c;
    expect((await must(core, 'links.list', { entityId: survivor })).map((l) => [l.id, l.targetEntity])).toEqual([
      [linkId, survivor],
    ]);
    expect(await must(core, 'links.list', { entityId: a })).toHaveLength(1);

    // Undoing the link's creation takes the link away; the other diagram then shows its edge as removed.
    await must(core, 'diagrams.undo', { id: view.id });
    expect(await must(core, 'links.list', {})).toEqual([]);
    expect((await must(core, 'diagrams.get', { id: other.id })).edges[0]!.missing).toBe(true);
    expect((await must(core, 'diagrams.redo', { id: view.id })).view.edges[0]!.link!.id).toBe(linkId);
  });

  it('keeps notes on records and entities, and leaves notes on nodes and edges to the diagram’s own edits', async () => {
    const { core, entities, records } = await caseWithEvidence();
    const onRecord = await must(core, 'annotations.create', {
      target: 'record',
      targetId: records[0]!,
      text: 'value looks low',
    });
    await must(core, 'annotations.create', { target: 'entity', targetId: entities[0]!, text: 'state-owned' });
    expect((await must(core, 'annotations.update', { id: onRecord.id, text: 'value too low' })).text).toBe(
      'value too low',
    );
    expect(
      (await must(core, 'annotations.list', { target: 'record', targetId: records[0]! })).map((a) => a.text),
    ).toEqual(['value too low']);
    const nowhere = await call(core, 'annotations.create', { target: 'record', targetId: 99_999_999, text: 'x' });
    expect(!nowhere.ok && nowhere.error.code).toBe('not_found');

    const view = await diagramOf(core, [entities[0]!]);
    const { created } = await apply(core, view.id, [
      { op: 'annotate', tempId: -1, target: 'node', targetId: view.nodes[0]!.id, text: 'visited' },
    ]);
    const refused = await call(core, 'annotations.delete', { id: created['-1'] });
    expect(!refused.ok && refused.error.code).toBe('invalid_input');
    await apply(core, view.id, [{ op: 'updateAnnotation', id: created['-1']!, text: 'visited twice' }]);
    expect((await must(core, 'diagrams.get', { id: view.id })).nodes[0]!.annotations.map((a) => a.text)).toEqual([
      'visited twice',
    ]);
    expect((await must(core, 'diagrams.undo', { id: view.id })).view.nodes[0]!.annotations.map((a) => a.text)).toEqual([
      'visited',
    ]);
    // Deleting the diagram takes its own notes, not the case's.
    await must(core, 'diagrams.delete', { id: view.id });
    expect(await must(core, 'annotations.list', { target: 'node', targetId: view.nodes[0]!.id })).toEqual([]);
    expect(await must(core, 'annotations.list', { target: 'entity', targetId: entities[0]! })).toHaveLength(1);
    await must(core, 'annotations.delete', { id: onRecord.id });
    expect(await must(core, 'annotations.list', { target: 'record', targetId: records[0]! })).toEqual([]);
  });
});
