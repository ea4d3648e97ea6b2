import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/case';
import { JobManager } from '../../electron/core/jobs/job-manager';
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
});
