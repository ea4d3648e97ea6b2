import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { entryHash } from '../../electron/core/db/audit-log';
import { custodian } from '../helpers/cli';
import { must, REPO, SAMPLES, tempCase } from '../helpers/temp';

/** A case with entries by two investigators: created and renamed by `tester`, an import and a rename by `colleague`. */
async function caseByTwo() {
  const made = await tempCase('Audit view');
  await must(made.core, 'case.rename', { title: 'Renamed once' });
  await must(made.core, 'case.close', {});
  const colleague = createCore({
    appDataDir: join(made.dir, 'app2'),
    sampleDir: join(REPO, 'build', 'sample'),
    actor: 'colleague',
  });
  await must(colleague, 'case.open', { path: made.path });
  await must(colleague, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
  await must(colleague, 'case.rename', { title: 'Renamed twice' });
  return { ...made, core: colleague };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the audit view', () => {
  it('filters by action, actor and days, in the core, a page at a time', async () => {
    const { core } = await caseByTwo();
    const all = await must(core, 'audit.list', {});
    expect(all.map((e) => e.action)).toEqual(['case.rename', 'import.run', 'case.rename', 'case.create']);
    const renames = await must(core, 'audit.list', { action: 'case.rename' });
    expect(renames.map((e) => e.actor)).toEqual(['colleague', 'tester']);
    expect((await must(core, 'audit.list', { actor: 'colleague' })).map((e) => e.action)).toEqual([
      'case.rename',
      'import.run',
    ]);
    expect(await must(core, 'audit.count', { action: 'case.rename', actor: 'tester' })).toBe(1);
    expect(await must(core, 'audit.count', { from: day(0), to: day(0) })).toBe(4);
    expect(await must(core, 'audit.count', { from: day(1) })).toBe(0);
    expect(await must(core, 'audit.count', { to: day(-1) })).toBe(0);
    // An ISO time cuts between entries: from the import on.
    const importAt = all[1]!.at;
    expect((await must(core, 'audit.list', { from: importAt })).map((e) => e.seq)).toEqual([4, 3]);
    const page = await must(core, 'audit.list', { limit: 1, offset: 1 });
    expect(page.map((e) => e.seq)).toEqual([3]);
    expect(await must(core, 'audit.facets', {})).toEqual({
      actions: ['case.create', 'case.rename', 'import.run'],
      actors: ['colleague', 'tester'],
    });
  });

  it('exports the filtered log as CSV and JSON lines, oldest first, and the CLI prints the same', async () => {
    const { core, dir, path } = await caseByTwo();
    const csv = join(dir, 'audit.csv');
    expect(await must(core, 'audit.export', { path: csv, format: 'csv', action: 'case.rename' })).toEqual({
      file: csv,
      entries: 2,
    });
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFseq,at,actor,action,detail,hash\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2,.*,tester,case\.rename,"{""title"":""Renamed once""}",[0-9a-f]{64}$/);
    const jsonl = join(dir, 'audit.jsonl');
    await must(core, 'audit.export', { path: jsonl, format: 'jsonl', actor: 'colleague' });
    const entries = readFileSync(jsonl, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string });
    expect(entries.map((e) => e.action)).toEqual(['import.run', 'case.rename']);
    await must(core, 'case.close', {});

    const cli = custodian(['audit', path, '--actor', 'tester', '--csv']);
    expect(cli.status).toBe(0);
    expect(cli.stdout.startsWith('\uFEFFseq,at,actor,action,detail,hash\r\n')).toBe(true);
    expect(
      cli.stdout
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[3]),
    ).toEqual(['case.rename', 'case.create']);
    const cliJsonl = custodian(['audit', path, '--action', 'import.run', '--jsonl']);
    expect(
      cliJsonl.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { actor: string }).actor),
    ).toEqual(['colleague']);
    const listed = custodian(['audit', path, '--from', day(1), '--json']);
    expect(listed.json()).toEqual([]);
    const wrong = custodian(['audit', path, '--from', 'yesterday']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/YYYY-MM-DD/);
  });

  it('locates a break in the chain and says what is wrong there', async () => {
    const { core, path } = await caseByTwo();
    await must(core, 'case.close', {});
    const verify = () => custodian(['audit', path, '--verify', '--json']).json<Record<string, unknown>>();
    expect(verify()).toEqual({ ok: true, entries: 4 });

    // An entry's detail edited in place.
    let db = new Database(path);
    const original = db.prepare('SELECT detail FROM audit_log WHERE seq = 2').get() as { detail: string };
    db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 2').run('{"title":"Something else"}');
    db.close();
    expect(verify()).toMatchObject({ ok: false, brokenAt: 2, problem: expect.stringMatching(/^Entry 2 was changed/) });

    // Put back, then an entry removed: the next one names the gap.
    db = new Database(path);
    db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 2').run(original.detail);
    expect(verify()).toEqual({ ok: true, entries: 4 });
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    db.close();
    expect(verify()).toMatchObject({
      ok: false,
      brokenAt: 4,
      problem: 'Entries 3–3 are missing: entry 4 does not follow from entry 2.',
    });
  });

  it('finds an entry rewritten with a fresh hash by the one after it', async () => {
    const { core, path } = await caseByTwo();
    await must(core, 'case.close', {});
    const db = new Database(path);
    // A forger who knows the hashing rewrites entry 2 whole; entry 3 still links to its old hash.
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, string>;
    const detail = '{"title":"Forged"}';
    const hash = entryHash(row.prev_hash!, row.at!, row.actor!, row.action!, detail);
    db.prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 2').run(detail, hash);
    db.close();
    const other = createCore({
      appDataDir: join(path, '..', 'app3'),
      sampleDir: join(REPO, 'build', 'sample'),
      actor: 'x',
    });
    await must(other, 'case.open', { path });
    expect(await must(other, 'audit.verify', {})).toEqual({
      ok: false,
      entries: 3,
      brokenAt: 3,
      problem: 'Entry 3 does not follow from entry 2: entry 2 was rewritten, or the entries were reordered.',
    });
  });
});
