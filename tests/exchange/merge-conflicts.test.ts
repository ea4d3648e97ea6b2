import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { must, tempCase } from '../helpers/temp';
import { exportTo } from './helpers';
import { colleagueCase, count, logicalDigest, merge, myCase } from './merge-helpers';

/**
 * My case goes to a colleague, who works on a copy and sends it back: what
 * we both changed differently is shown with both versions and I pick; what
 * they merged that I keep apart is a suggestion in my review queue, never
 * merged here.
 */
describe('merge conflicts and suggestions', () => {
  it('shows both versions of a note and a diagram both sides changed, and applies the side picked; undo puts mine back', async () => {
    const mine = await myCase();
    const sent = join(mine.dir, 'sent.case');
    await exportTo(mine.core, sent);

    // The colleague opens my file as their case and edits the note, the diagram, and merges two of my entities.
    const colleague = await tempCase('Colleague');
    const theirPath = join(colleague.dir, 'from-mine.case');
    copyFileSync(sent, theirPath);
    await must(colleague.core, 'case.open', { path: theirPath });
    // A received file opens read-only: they work on their own copy of it.
    await must(colleague.core, 'case.saveAsMine', { path: join(colleague.dir, 'working.case') });
    const [note] = await must(colleague.core, 'annotations.list', { target: 'record', targetId: 7 });
    await must(colleague.core, 'annotations.update', { id: note!.id, text: 'their reading: the manifest disagrees' });
    const view = await must(colleague.core, 'diagrams.get', { id: mine.diagramId });
    const moved = view.nodes.find((n) => n.kind === 'entity')!;
    await must(colleague.core, 'diagrams.apply', {
      id: mine.diagramId,
      ops: [{ op: 'moveNodes', moves: [{ id: moved.id, x: 4321, y: 1234 }] }],
    });
    const [a, b] = (await must(colleague.core, 'entities.list', { limit: 100_000 })).slice(-2);
    await must(colleague.core, 'entities.merge', { ids: [a!.id, b!.id], note: 'same firm' });
    const back = join(colleague.dir, 'back.case');
    await exportTo(colleague.core, back);

    // Meanwhile I change the same note my way.
    await must(mine.core, 'annotations.update', { id: note!.id, text: 'my reading: the manifest agrees' });
    const before = logicalDigest(mine.core);
    const entitiesBefore = mine.core.session!.db.prepare('SELECT id, entity_id FROM mention_names ORDER BY id').all();

    const r = await merge(mine.core, back);
    expect(r.added).toEqual({ judgements: 1 });
    expect(r.conflicts.map((c) => c.kind).sort()).toEqual(['annotation', 'diagram']);
    const noteConflict = r.conflicts.find((c) => c.kind === 'annotation')!;
    expect(noteConflict).toMatchObject({
      localId: note!.id,
      mine: { text: 'my reading: the manifest agrees' },
      theirs: { text: 'their reading: the manifest disagrees' },
      theirsBy: 'tester',
      picked: null,
    });
    // Their merge of two of my entities: a suggestion, not a merge.
    expect(mine.core.session!.db.prepare('SELECT id, entity_id FROM mention_names ORDER BY id').all()).toEqual(
      entitiesBefore,
    );
    expect(r.suggestions).toBe(1);
    const pair = mine.core
      .session!.db.prepare(
        'SELECT entity_a, entity_b, reasons FROM review_queue WHERE (entity_a = ? AND entity_b = ?) OR (entity_a = ? AND entity_b = ?)',
      )
      .get(a!.id, b!.id, b!.id, a!.id) as { reasons: string } | undefined;
    expect(pair?.reasons).toMatch(/In the merged case these are one entity/);
    expect(pair?.reasons).toMatch(/tester judged these the same in their case .* yours to decide.*same firm/);

    // I take their note and keep my diagram.
    await must(mine.core, 'exchange.pickConflict', { id: noteConflict.id, pick: 'theirs' });
    const [noteNow] = await must(mine.core, 'annotations.list', { target: 'record', targetId: 7 });
    expect(noteNow!.text).toBe('their reading: the manifest disagrees');
    const diagramConflict = r.conflicts.find((c) => c.kind === 'diagram')!;
    const again = await call(mine.core, 'exchange.pickConflict', { id: noteConflict.id, pick: 'mine' });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_picked' } });
    expect(await must(mine.core, 'exchange.conflicts', { open: true })).toHaveLength(1);

    // The same file again asks nothing again.
    const twice = await merge(mine.core, back);
    expect([twice.added, twice.conflicts, twice.suggestions]).toEqual([{}, [], 0]);

    // Their diagram picked: their node where they put it.
    await must(mine.core, 'exchange.pickConflict', { id: diagramConflict.id, pick: 'theirs' });
    const after = await must(mine.core, 'diagrams.get', { id: mine.diagramId });
    expect(after.nodes.some((n) => n.x === 4321 && n.y === 1234)).toBe(true);
    expect(after.nodes).toHaveLength(view.nodes.length);

    // My merges, their undo logs and conflicts stay in my case: a copy I send carries none.
    const out = join(mine.dir, 'onward.case');
    await exportTo(mine.core, out);
    const sentCopy = new Database(out, { readonly: true });
    const rows = ['merges', 'merge_changes', 'merge_conflicts'].map(
      (t) => sentCopy.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number,
    );
    sentCopy.close();
    expect(rows).toEqual([0, 0, 0]);

    for (const m of await must(mine.core, 'exchange.merges', {}))
      await must(mine.core, 'exchange.undoMerge', { mergeId: m.mergeId });
    expect(logicalDigest(mine.core)).toEqual(before);
    const [noteBack] = await must(mine.core, 'annotations.list', { target: 'record', targetId: 7 });
    expect(noteBack!.text).toBe('my reading: the manifest agrees');
    expect(count(mine.core, 'SELECT count(*) FROM merge_conflicts')).toBe(0);
  }, 300_000);

  it('refuses to undo a merge when something added since points at what it brought in, and changes nothing', async () => {
    const mine = await myCase();
    const theirs = await colleagueCase();
    const sent = join(theirs.dir, 'colleague.case');
    await exportTo(theirs.core, sent);
    const r = await merge(mine.core, sent);
    const theirDiagram = (await must(mine.core, 'diagrams.list', {})).find((d) => d.name === 'Colleague’s')!;
    await must(mine.core, 'diagrams.apply', {
      id: theirDiagram.id,
      ops: [{ op: 'addNode', kind: 'note', text: 'my own note on their chart', x: 10, y: 10 }],
    });
    const before = logicalDigest(mine.core);
    const undo = await call(mine.core, 'exchange.undoMerge', { mergeId: r.mergeId });
    expect(undo).toMatchObject({ ok: false, error: { code: 'in_use' } });
    if (!undo.ok) expect(undo.error.message).toMatch(/can no longer be undone: what was added since points at/);
    expect(logicalDigest(mine.core)).toEqual(before);
  }, 300_000);
});
