import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api';
import type { JobManager } from '../../electron/core/jobs/job-manager';
import type { Bridge } from '../../electron/serve/server';
import { bridgePerTest } from '../helpers/bridge';
import { STALE_UPLOAD_MS, Uploads } from '../../electron/serve/uploads';
import { REPO, tempCase, tempDir } from '../helpers/temp';

const CSV = join(REPO, 'build', 'sample', 'ru-customs-2k.csv');

const bridges = bridgePerTest();

async function started() {
  const { core } = await tempCase('Uploads');
  return { b: await bridges.start(core, { home: tempDir() }), uploads: join(core.appDataDir, 'uploads') };
}

async function upload(b: Bridge, name: string, body: Uint8Array<ArrayBuffer> | string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${b.port}/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${b.token}` },
    body,
  });
  return ((await res.json()) as { value: { path: string } }).value.path;
}

async function api<T>(b: Bridge, method: string, input: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${b.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${b.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

/** Starts a job method over HTTP and polls it to its end, as the renderer does. */
async function jobToEnd(b: Bridge, method: string, input: unknown): Promise<JobStatus> {
  let status = await api<JobStatus>(b, method, input);
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    status = await api<JobStatus>(b, 'jobs.get', { jobId: status.jobId });
  }
  return status;
}

describe('browser bridge: uploads are removed once used', () => {
  it('keeps an upload through preview and validation, and removes it when the import is done', async () => {
    const { b, uploads } = await started();
    const path = await upload(b, 'ru customs.csv', new Uint8Array(readFileSync(CSV)));
    expect(dirname(dirname(path))).toBe(uploads);
    await api(b, 'import.preview', { path });
    expect((await jobToEnd(b, 'import.validate', { path, preset: 'ru-customs' })).state).toBe('done');
    expect(existsSync(path)).toBe(true);
    expect((await jobToEnd(b, 'import.run', { path, preset: 'ru-customs' })).state).toBe('done');
    await expect.poll(() => existsSync(dirname(path))).toBe(false);
    // Nothing is lost: the file's bytes are in the case.
    const imports = await api<{ fileName: string; fileSha256: string }[]>(b, 'imports.list', {});
    expect(imports).toHaveLength(1);
  });

  it('removes a document’s upload once it is added', async () => {
    const { b } = await started();
    const path = await upload(b, 'note.txt', 'A note about Ulan-Ude.');
    expect((await jobToEnd(b, 'documents.add', { paths: [path] })).state).toBe('done');
    await expect.poll(() => existsSync(dirname(path))).toBe(false);
  });

  it('keeps an upload whose import failed, and removes what is left when the case closes', async () => {
    const { b } = await started();
    const path = await upload(b, 'broken.xlsx', 'this is not a workbook');
    expect((await jobToEnd(b, 'import.run', { path, preset: 'ru-customs' })).state).toBe('failed');
    expect(existsSync(path)).toBe(true);
    await api(b, 'case.close', {});
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('removes its own uploads when the bridge stops', async () => {
    const { b } = await started();
    const path = await upload(b, 'left.csv', 'a,b\n1,2\n');
    await b.close();
    bridges.closed();
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('sweeps uploads older than the limit at start, and leaves recent ones (another bridge may use them)', async () => {
    const { core } = await tempCase('Sweep');
    const uploads = join(core.appDataDir, 'uploads');
    const stale = join(uploads, '0123456789abcdef');
    const fresh = join(uploads, 'fedcba9876543210');
    for (const d of [stale, fresh]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'x.csv'), 'a');
    }
    const old = new Date(Date.now() - STALE_UPLOAD_MS - 60_000);
    utimesSync(stale, old, old);
    await bridges.start(core, { home: tempDir() });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it('never removes anything outside an upload folder, whatever path an input names', async () => {
    const root = tempDir();
    const dir = join(root, 'uploads');
    writeFileSync(join(root, 'keep.csv'), 'a');
    const jobs = { wait: () => Promise.resolve({ state: 'done' }) } as unknown as JobManager;
    const u = new Uploads(dir, jobs);
    u.afterCall('import.run', { path: join(dir, '..', 'keep.csv') }, { ok: true, value: { jobId: 'j' } });
    u.afterCall(
      'documents.add',
      { paths: [`${dir}/../keep.csv`, `${dir}/x/../../keep.csv`] },
      { ok: true, value: { jobId: 'j' } },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(join(root, 'keep.csv'))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });
});
