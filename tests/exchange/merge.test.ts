import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { UNDO_AFTER_100 } from '../helpers/later-schema';
import { exportTo, sha256File, tampered } from './helpers';
import { colleagueCase, count, logicalDigest, merge, myCase, tryMerge } from './merge-helpers';

/**
 * Merging a colleague's case (exchange/merge.ts) with real case files built
 * from the fixture samples: evidence by content, no duplicates; the same
 * file twice or my own case adds nothing; undo leaves the same logical
 * digest; a hostile file is refused before anything is read.
 */
describe('merge a colleague’s case', () => {
  it('brings in only what is new, with its authors; again adds nothing; undo restores the same digest', async () => {
    const mine = await myCase();
    const theirs = await colleagueCase();
    const sent = join(theirs.dir, 'colleague.case');
    await exportTo(theirs.core, sent);
    const theirRecords = count(theirs.core, 'SELECT count(*) FROM records');
    const myRecords = count(mine.core, 'SELECT count(*) FROM records');
    const cnRecords = count(
      theirs.core,
      "SELECT count(*) FROM records r JOIN imports i ON i.id = r.import_id JOIN sources s ON s.id = i.source_id WHERE s.file_name = 'cn-customs-1k.csv'",
    );
    const before = logicalDigest(mine.core);

    const r = await merge(mine.core, sent);
    expect(r.verify.ok).toBe(true);
    expect(r.verify.signer).not.toBeNull();
    // The Russian sample and the article are mine already: only the Chinese import and the summary come in.
    expect(r.added).toMatchObject({
      sources: 1,
      imports: 1,
      records: cnRecords,
      documents: 1,
      diagrams: 1,
      links: 1,
      annotations: 1,
    });
    expect(r.added.excerpts ?? 0).toBe(0);
    expect(r.added.entities).toBeGreaterThan(0);
    expect(count(mine.core, 'SELECT count(*) FROM records')).toBe(myRecords + cnRecords);
    expect(count(mine.core, 'SELECT count(*) FROM records')).toBe(theirRecords);
    expect(count(mine.core, 'SELECT count(*) FROM documents')).toBe(2);
    expect(
      count(mine.core, 'SELECT count(*) FROM (SELECT sha256 FROM sources GROUP BY sha256 HAVING count(*) > 1)'),
    ).toBe(0);
    // Their note on record 12 is on my record 12 (the same file's row), kept with its author.
    const note = mine.core
      .session!.db.prepare("SELECT target_id, created_by FROM annotations WHERE text = 'colleague: invoice seen'")
      .get() as { target_id: number; created_by: string };
    expect(note).toEqual({ target_id: 12, created_by: 'tester' });
    // Every new record has its mentions, in entities; the records index finds them.
    const unmentioned = count(
      mine.core,
      `SELECT count(*) FROM records r WHERE r.import_id = (SELECT max(id) FROM imports) AND r.shipper IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.record_id = r.id AND m.role = 'shipper')`,
    );
    expect(unmentioned).toBe(0);
    const description = mine.core
      .session!.db.prepare(
        "SELECT description FROM records WHERE import_id = (SELECT max(id) FROM imports) AND description GLOB '*航空*' LIMIT 1",
      )
      .pluck()
      .get() as string;
    const found = async () =>
      (await must(mine.core, 'search.query', { query: description, limit: 5 })).filter((h) => h.kind === 'record');
    expect((await found()).length).toBeGreaterThan(0);
    // Their diagram came in with its author; the link it draws joins my entities.
    const diagrams = await must(mine.core, 'diagrams.list', {});
    expect(diagrams.map((d) => d.name).sort()).toEqual(['Colleague’s', 'Mine']);
    // One audited operation.
    const audit = await must(mine.core, 'audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'exchange.merge' });
    expect(JSON.stringify(audit[0]!.detail)).toContain(r.verify.digest);

    const again = await merge(mine.core, sent);
    expect(again.added).toEqual({});
    expect([again.suggestions, again.conflicts.length]).toEqual([0, 0]);

    // Undo, latest first: the case's content is as before the first merge.
    expect((await tryMerge(mine.core, sent)).ok).toBe(true);
    const merges = await must(mine.core, 'exchange.merges', {});
    expect(merges).toHaveLength(3);
    const early = await call(mine.core, 'exchange.undoMerge', { mergeId: r.mergeId });
    expect(early).toMatchObject({ ok: false, error: { code: 'later_merge' } });
    for (const m of merges) await must(mine.core, 'exchange.undoMerge', { mergeId: m.mergeId });
    expect(logicalDigest(mine.core)).toEqual(before);
    expect(count(mine.core, 'SELECT count(*) FROM merges')).toBe(0);
    expect(await found()).toEqual([]); // out of the records index too
    expect(JSON.stringify(await must(mine.core, 'audit.list', { limit: 1 }))).toContain('exchange.undoMerge');
  }, 300_000);

  it('merging my own case, as a file or itself, adds nothing', async () => {
    const mine = await myCase();
    const sent = join(mine.dir, 'mine.case');
    await exportTo(mine.core, sent);
    const before = logicalDigest(mine.core);
    const fromFile = await merge(mine.core, sent);
    expect([fromFile.added, fromFile.suggestions, fromFile.conflicts]).toEqual([{}, 0, []]);
    const itself = await merge(mine.core, mine.path);
    expect([itself.added, itself.suggestions, itself.conflicts]).toEqual([{}, 0, []]);
    expect(itself.verify.problems.map((p) => p.part)).toContain('seal'); // a working case is not sealed: said so
    for (const m of await must(mine.core, 'exchange.merges', {}))
      await must(mine.core, 'exchange.undoMerge', { mergeId: m.mergeId });
    expect(logicalDigest(mine.core)).toEqual(before);
  }, 300_000);

  it('refuses a hostile file before reading it, and the case is unchanged', async () => {
    const mine = await myCase();
    const sent = join(mine.dir, 'sent.case');
    await exportTo(mine.core, sent);
    const before = logicalDigest(mine.core);
    const bad = tampered(
      sent,
      'trigger.case',
      'CREATE TRIGGER t AFTER INSERT ON audit_log BEGIN DELETE FROM records; END;',
    );
    const fileBefore = sha256File(bad);
    const r = await tryMerge(mine.core, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/refused: it has a trigger "t"/);
    expect(sha256File(bad)).toBe(fileBefore);
    expect(logicalDigest(mine.core)).toEqual(before);
    const notSqlite = tampered(sent, 'view.case', 'CREATE VIEW v AS SELECT * FROM records');
    expect((await tryMerge(mine.core, notSqlite)).ok).toBe(false);
    expect((await tryMerge(mine.core, join(SAMPLES, 'ru-customs-1k.clean.csv'))).ok).toBe(false);
    expect(await must(mine.core, 'exchange.merges', {})).toEqual([]);
  }, 300_000);

  it('merges a colleague’s case from an older version of Custodian (schema 100): the columns both have', async () => {
    const mine = await myCase();
    const theirs = await colleagueCase();
    const sent = join(theirs.dir, 'colleague.case');
    await exportTo(theirs.core, sent);
    const old = tampered(sent, 'old.case', `${UNDO_AFTER_100} PRAGMA user_version = 100;`);
    const r = await merge(mine.core, old);
    expect(r.verify.problems.map((p) => p.part)).toContain('seal'); // the seal came later: not sealed
    expect(r.added).toMatchObject({ imports: 1, documents: 1, diagrams: 1, links: 1, annotations: 1 });
    expect(count(mine.core, 'SELECT count(*) FROM imports WHERE blank_rows = 0')).toBe(2);
  }, 300_000);

  it('a new entity of theirs that looks like one of mine is a suggestion in my review queue, never merged', async () => {
    const mine = await myCase();
    const theirs = await tempCase('Colleague');
    await must(theirs.core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
    await must(theirs.core, 'entities.resolve', {});
    const sent = join(theirs.dir, 'colleague.case');
    await exportTo(theirs.core, sent);
    const db = mine.core.session!.db;
    const namesBefore = db.prepare('SELECT id, entity_id FROM mention_names ORDER BY id').all();
    const queueBefore = count(mine.core, 'SELECT count(*) FROM review_queue');
    const lastBefore = count(mine.core, 'SELECT max(id) FROM entities');
    const r = await merge(mine.core, sent);
    expect(r.added.entities).toBeGreaterThan(0);
    expect(r.suggestions).toBeGreaterThan(0);
    expect(count(mine.core, 'SELECT count(*) FROM review_queue')).toBe(queueBefore + r.suggestions);
    const liked = db
      .prepare("SELECT entity_a, entity_b FROM review_queue WHERE reasons LIKE '%Brought in from the merged case%'")
      .all() as { entity_a: number; entity_b: number }[];
    expect(liked.length).toBeGreaterThan(0);
    // Each pairs an entity brought in with one of mine, and mine keep every name they had.
    for (const p of liked) expect([p.entity_a > lastBefore, p.entity_b <= lastBefore]).toEqual([true, true]);
    const namesAfter = db
      .prepare('SELECT id, entity_id FROM mention_names WHERE id <= ? ORDER BY id')
      .all(namesBefore.length);
    expect(namesAfter).toEqual(namesBefore);
    // A resolve since moved names between entities: the merge's log no longer describes the case.
    await must(mine.core, 'entities.resolve', {});
    const undo = await call(mine.core, 'exchange.undoMerge', { mergeId: r.mergeId });
    expect(undo).toMatchObject({ ok: false, error: { code: 'rewritten' } });
  }, 300_000);
});
