import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/case';
import { JobManager } from '../../electron/core/jobs/job-manager';
import { call } from '../../electron/core/dispatch';
import { FIXTURES, REPO, must, tempCase, tempDir } from '../helpers/temp';

const WORKER = join(REPO, 'out', 'node', 'job-worker.cjs');

async function settle(jobs: JobManager, jobId: string): Promise<JobStatus> {
  for (;;) {
    const s = jobs.get(jobId);
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(existsSync(WORKER))('jobs in a worker thread', () => {
  it('imports in the background and reports the summary', async () => {
    const { core, path } = await tempCase();
    core.jobs = new JobManager(WORKER);
    const started = await must(core, 'import.start', { path: join(FIXTURES, 'samples', 'ru-customs-2k.csv'), preset: 'ru-customs' });
    const done = await settle(core.jobs, started.jobId);
    expect(done.state, done.message).toBe('done');
    expect(done.result).toMatchObject({ rowsRead: 2001 });
    expect((await must(core, 'case.info', {})).counts.records).toBeGreaterThan(1900);
    expect(path).toBeTruthy();
  });

  it('a cancelled import leaves the case exactly as it was', async () => {
    const { core, path } = await tempCase();
    core.jobs = new JobManager(WORKER);
    const big = join(tempDir(), 'big.csv');
    execFileSync(process.execPath, [join(FIXTURES, 'gen-customs.mjs'), '--rows', '60000', '--seed', 'jobs', '--schema', 'ru-customs', '--format', 'csv', '--out', big]);
    const started = await must(core, 'import.start', { path: big, preset: 'ru-customs' });
    await new Promise((r) => setTimeout(r, 300));
    const cancelled = await must(core, 'jobs.cancel', { jobId: started.jobId });
    expect(cancelled.state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
  it('undoes a judgement in the background: revoked, resolved again, audited', async () => {
    const { core } = await tempCase();
    core.jobs = new JobManager(WORKER);
    await must(core, 'import.run', { path: join(FIXTURES, 'samples', 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const [a, b] = (await must(core, 'entities.list', { limit: 100_000 })).slice(-2);
    await must(core, 'entities.merge', { ids: [a!.id, b!.id], note: '' });
    const judgement = (await must(core, 'judgements.list', {}))[0]!;
    const entityOf = async (name: string) => (await must(core, 'mentions.list', { limit: 1_000_000 })).find((m) => m.rawName === name)!.entityId;
    expect(await entityOf(a!.name)).toBe(await entityOf(b!.name));

    const started = await must(core, 'judgements.undoStart', { id: judgement.id });
    const done = await settle(core.jobs, started.jobId);
    expect(done.state, done.message).toBe('done');
    expect(done.result).toMatchObject({ judgementsApplied: 0 });
    expect(await entityOf(a!.name)).not.toBe(await entityOf(b!.name));
    expect((await must(core, 'judgements.list', { includeRevoked: true })).find((j) => j.id === judgement.id)!.revokedAt).not.toBeNull();
    expect(JSON.stringify(await must(core, 'audit.list', { limit: 10 }))).toContain('judgements.undo');
    // Undone already: refused before any job starts.
    const again = await call(core, 'judgements.undoStart', { id: judgement.id });
    expect(again.ok).toBe(false);
  });
});
