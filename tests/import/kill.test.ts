import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_WORKER, must, startJob, tempCase, tempDir } from '../helpers/temp';
import { CLI, cli, generate } from './helpers';

interface State {
  integrity: string;
  counts: Record<string, number>;
  audit: { seq: number; hash: string }[];
}

function stateOf(path: string): State {
  const db = new Database(path, { readonly: true });
  try {
    const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      counts: Object.fromEntries(['records', 'imports', 'sources', 'rejects', 'blobs'].map((t) => [t, n(t)])),
      audit: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as { seq: number; hash: string }[],
    };
  } finally {
    db.close();
  }
}

describe('an import is all or nothing', () => {
  it('killing the process mid-import (SIGKILL) leaves the case as it was', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.csv');
    generate(['--rows', '150000', '--seed', 'kill', '--schema', 'ru-customs', '--format', 'csv', '--dirty', '0'], big);
    const c = join(dir, 'k.case');
    expect(cli(['new', c, '--title', 'kill']).status).toBe(0);
    const before = stateOf(c);

    const child = spawn(process.execPath, [CLI, 'import', c, big, '--preset', 'ru-customs', '--progress'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kill once the import is well under way (rows are being written inside its transaction).
    const sawRows = await new Promise<boolean>((resolve) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /(\d[\d,]*) rows read/.exec(err.split('\n').slice(-3).join('\n'));
        if (m && Number(m[1]!.replace(/,/g, '')) > 20_000) resolve(true);
      });
      child.on('exit', () => resolve(false));
    });
    expect(sawRows).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const after = stateOf(c);
    expect(after.integrity).toBe('ok');
    expect(after).toEqual(before);
    // And the case still takes the import afterwards.
    const again = cli(['import', c, big, '--preset', 'ru-customs', '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).rowsImported).toBe(150_000);
  }, 180_000);

  it('cancelling an import job leaves the case exactly as before', async () => {
    const big = join(tempDir(), 'mid.csv');
    generate(['--rows', '20000', '--seed', 'cancel', '--schema', 'bol', '--format', 'csv'], big);
    const { core, path } = await tempCase();
    const before = stateOf(path);
    const job = await startJob(core, 'import.run', { path: big, preset: 'bol' });
    await new Promise((r) => setTimeout(r, 30));
    const cancelled = await must(core, 'jobs.cancel', { jobId: job.jobId });
    expect(cancelled.state).toBe('cancelled');
    // Let the in-process job notice the cancel and roll back.
    for (let i = 0; i < 100 && core.session!.db.inTransaction; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    core.session!.close();
    expect(stateOf(path)).toEqual(before);
  }, 60_000);

  it('cancelling an import job that reads in a second thread leaves the case exactly as before', async () => {
    const big = join(tempDir(), 'mid.csv');
    generate(['--rows', '60000', '--seed', 'cancel2', '--schema', 'ru-customs', '--format', 'csv'], big);
    const { core, path } = await tempCase('Test case', JOB_WORKER);
    const before = stateOf(path);
    process.env.CUSTODIAN_READ_THREAD_MIN_BYTES = '1'; // the job's worker takes its environment when it starts
    const job = await startJob(core, 'import.run', { path: big, preset: 'ru-customs' });
    delete process.env.CUSTODIAN_READ_THREAD_MIN_BYTES;
    for (let i = 0; i < 200 && !/rows read/.test((await must(core, 'jobs.get', { jobId: job.jobId })).message); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect((await must(core, 'jobs.get', { jobId: job.jobId })).message).toMatch(/rows read/);
    expect((await must(core, 'jobs.cancel', { jobId: job.jobId })).state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    core.session!.close();
    expect(stateOf(path)).toEqual(before);
  }, 60_000);
});
