// Big cases resolve with a second thread that reads the records and stages the mentions (mention-thread.ts):
// the result must be the one the single-threaded resolve writes, judgements and previous entity ids included.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMentionsInThread } from '../../electron/core/entities/mentions/mention-thread';
import { helperStarter } from '../../electron/core/jobs/worker-thread';
import { custodian } from '../helpers/cli';
import { JOB_WORKER, must, SAMPLES, tempCase, tempDir } from '../helpers/temp';

/** Everything a resolve wrote that does not depend on the clock. */
function resolution(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).raw().all();
    return {
      entities: all('SELECT id, name, country, identifiers, mention_count, merged_into FROM entities ORDER BY id'),
      names: all('SELECT entity_id, name, scripts, legal_form, mentions FROM entity_names ORDER BY entity_id, name'),
      mentionNames: all(
        'SELECT id, raw_name, identifier, country, entity_id, decided_by, mentions FROM mention_names ORDER BY id',
      ),
      mentions: all('SELECT record_id, role, name_id FROM mentions ORDER BY record_id, role'),
      review: all('SELECT entity_a, entity_b, score, reasons, unsure FROM review_queue ORDER BY entity_a, entity_b'),
    };
  } finally {
    db.close();
  }
}

/** Resolves a copy of `path` with the CLI, the reading thread forced on for any size. */
function resolveThreaded(path: string): string {
  const copy = join(tempDir(), 'threaded.case');
  copyFileSync(path, copy);
  const run = custodian(['resolve', copy, '--json'], {
    CUSTODIAN_MENTION_THREAD_MIN_RECORDS: '1',
    CUSTODIAN_TRACE: '1',
  });
  expect(run.status, run.stderr).toBe(0);
  // The records were read, and the mentions staged, by another thread than the main one (t0).
  expect(run.stderr).toMatch(/\[trace t[1-9]\d*\] resolve: records read/);
  expect(run.stderr).toMatch(/\[trace t[1-9]\d*\] resolve: mentions staged/);
  return copy;
}

describe.runIf(existsSync(JOB_WORKER))('resolving with the reading in a second thread', () => {
  for (const [file, preset] of [
    ['ru-customs-2k.csv', 'ru-customs'],
    ['cn-customs-1k.csv', 'cn-customs'],
    ['bol-2k.csv', 'bol'],
  ] as const) {
    it(`resolves ${file} exactly as in one thread`, async () => {
      const { core, path } = await tempCase();
      await must(core, 'import.run', { path: join(SAMPLES, file), preset });
      core.session?.close();
      const threaded = resolveThreaded(path);
      await must(core, 'case.open', { path });
      await must(core, 'entities.resolve', {});
      core.session?.close();
      const expected = resolution(path);
      expect(expected.mentions.length).toBeGreaterThan(500);
      expect(resolution(threaded)).toEqual(expected);
    }, 60_000);
  }

  it('keeps judgements and entity ids as the single-threaded resolve does', async () => {
    const { core, path } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const list = await must(core, 'entities.list', { limit: 100_000 });
    const plant = list.find((e) => [e.name, ...e.aliases].some((n) => /авиационный завод/i.test(n)))!;
    const cyrillic = [plant.name, ...plant.aliases].filter((n) => /[а-я]/i.test(n));
    await must(core, 'entities.split', { id: plant.id, names: cyrillic });
    const [a, b] = list.slice(-2);
    await must(core, 'entities.merge', { ids: [a!.id, b!.id], note: 'test' });
    core.session?.close();
    const threaded = resolveThreaded(path);
    await must(core, 'case.open', { path });
    await must(core, 'entities.resolve', {});
    core.session?.close();
    expect(resolution(threaded)).toEqual(resolution(path));
  }, 60_000);

  it('reports a reading thread that cannot read the case, and writes nothing', async () => {
    const missing = join(tempDir(), 'missing.case');
    const reading = readMentionsInThread(helperStarter(JOB_WORKER), missing, () => undefined);
    await expect(reading.read).rejects.toThrow(/missing\.case/);
    await expect(reading.staged).rejects.toThrow(/missing\.case/);
    reading.close();
  });
});
