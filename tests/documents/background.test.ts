import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/case';
import type { CoreContext } from '../../electron/core/context';
import { createCore } from '../../electron/core/create-core';
import { must, REPO, startJob, tempCase, tempDir } from '../helpers/temp';
import { fillerLines, makePdf } from './make-pdf';

const PAGES = 300;

function bigPdf(dir: string): string {
  const path = join(dir, 'big.pdf');
  const pages = Array.from({ length: PAGES }, (_, i) => [`Page marker p${i + 1}q`, ...fillerLines(i, 40)]);
  pages[149]!.push('The Ulan-Ude consignment of tail rotor blades');
  writeFileSync(path, makePdf({ pages, title: 'Three hundred pages' }));
  return path;
}

/** Polls a job to its end, keeping every distinct progress value seen on the way. */
async function follow(core: CoreContext, start: JobStatus): Promise<{ end: JobStatus; seen: number[] }> {
  const seen: number[] = [];
  for (;;) {
    const s = await must(core, 'jobs.get', { jobId: start.jobId });
    if (s.progress !== null && !seen.includes(s.progress)) seen.push(s.progress);
    if (s.state !== 'running') return { end: s, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a 300-page document in the background', () => {
  it('imports as a job with progress, then every page is searchable', async () => {
    const { core, dir } = await tempCase();
    const started = await startJob(core, 'documents.add', { paths: [bigPdf(dir)] });
    expect(started.state).toBe('running');
    const { end, seen } = await follow(core, started);
    expect(end.state, end.message).toBe('done');
    const [added] = end.result as { documentId: number; pages: number }[];
    expect(added!.pages).toBe(PAGES);
    // Progress moved through the pages rather than jumping from 0 to 1.
    expect(seen.filter((p) => p > 0 && p < 1).length).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const hits = await must(core, 'documents.search', { query: 'Ulan-Ude consignment' });
    expect(hits.map((h) => h.page)).toEqual([150]);
    expect((await must(core, 'documents.page', { id: added!.documentId, page: 300 })).text).toContain(
      'Page marker p300q',
    );
  });

  it('leaves nothing behind when cancelled', async () => {
    const { core, dir } = await tempCase();
    const started = await startJob(core, 'documents.add', { paths: [bigPdf(dir)] });
    await new Promise((r) => setTimeout(r, 50));
    const cancelled = await must(core, 'jobs.cancel', { jobId: started.jobId });
    expect(cancelled.state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 500)); // let the in-process job notice and unwind
    expect(await must(core, 'documents.list', {})).toEqual([]);
    expect((core.session!.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(0);
  });

  it('runs in a worker thread when the built worker is there', async () => {
    const worker = join(REPO, 'out', 'node', 'job-worker.cjs');
    execFileSync(process.execPath, [join(REPO, 'scripts', 'build-node.mjs')]);
    expect(existsSync(worker)).toBe(true);
    const dir = tempDir();
    const core = createCore({ appDataDir: join(dir, 'app'), sampleDir: dir, actor: 'tester', workerScript: worker });
    await must(core, 'case.create', { path: join(dir, 'w.case'), title: 'Worker' });
    const { end, seen } = await follow(core, await startJob(core, 'documents.add', { paths: [bigPdf(dir)] }));
    expect(end.state, end.message).toBe('done');
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    // The worker wrote through its own connection; this one sees the result.
    const docs = await must(core, 'documents.list', {});
    expect(docs.map((d) => d.pages)).toEqual([PAGES]);
    expect((await must(core, 'audit.list', {})).map((e) => e.action)).toContain('documents.add');
    core.session!.close();
  });
});
