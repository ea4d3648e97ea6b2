import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { api, JOB_METHOD_NAMES, METHOD_NAMES, type JobMethodName, type JobStatus } from '../../shared/api';
import { API_METHOD_NAMES } from '../../shared/api/method-names';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { fillerLines, makePdf } from '../documents/make-pdf';
import { generate } from '../import/helpers';
import { JOB_WORKER, must, SAMPLES, startJob, tempCase, tempDir } from '../helpers/temp';

/** Polls a job to its end, keeping the statuses seen while it ran. */
async function follow(
  core: CoreContext,
  jobId: string,
  until?: (s: JobStatus) => boolean,
): Promise<{ last: JobStatus; running: JobStatus[] }> {
  const running: JobStatus[] = [];
  for (;;) {
    const s = await must(core, 'jobs.get', { jobId });
    if (s.state !== 'running') return { last: s, running };
    running.push(s);
    if (until?.(s)) return { last: s, running };
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The case file's bytes once everything committed is in the main file (the WAL checkpointed and emptied). */
function caseBytes(core: CoreContext, path: string): string {
  core.session!.db.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function generated(rows: number, seed: string): string {
  const out = join(tempDir(), `${seed}.csv`);
  generate(['--rows', String(rows), '--seed', seed, '--schema', 'ru-customs', '--format', 'csv'], out);
  return out;
}

/** An FtM list of `entries` companies (Latin and Cyrillic names), each with its Sanction. */
function bigList(entries: number, seed: string): string {
  const path = join(tempDir(), `${seed}.json`);
  const lines: string[] = [];
  for (let i = 0; i < entries; i++) {
    const name = `Company ${(i * 7919).toString(36)} ${(i * 104729).toString(36)} Trading`;
    lines.push(JSON.stringify({ id: `E${i}`, schema: 'Company', properties: { name: [name], alias: [`ООО «${i}»`] } }));
    lines.push(JSON.stringify({ id: `S${i}`, schema: 'Sanction', properties: { entity: [`E${i}`], program: ['P'] } }));
  }
  writeFileSync(path, lines.join('\n'));
  return path;
}

function bigPdf(): string {
  const path = join(tempDir(), 'long.pdf');
  writeFileSync(
    path,
    makePdf({ pages: Array.from({ length: 200 }, (_, i) => [`Page ${i + 1}`, ...fillerLines(i, 40)]), title: 'Long' }),
  );
  return path;
}

describe('the contract declares long work as job methods', () => {
  it('has no *Start twins, and the jobs are the long methods', () => {
    expect(METHOD_NAMES.filter((m) => /start$/i.test(m))).toEqual([]);
    expect([...JOB_METHOD_NAMES].sort()).toEqual([
      'briefs.render',
      'diagrams.neighbourhood',
      'documents.add',
      'documents.ocr',
      'entities.resolve',
      'exchange.export',
      'exchange.merge',
      'exchange.verify',
      'import.run',
      'import.validate',
      'interchange.ftm',
      'judgements.undoResolving',
      'lists.import',
      'records.exportCsv',
      'risk.summary',
      'screening.run',
    ]);
    expect([...API_METHOD_NAMES].sort()).toEqual([...METHOD_NAMES].sort());
    for (const m of JOB_METHOD_NAMES) expect(api[m].job).toBe(true);
  });
});

/**
 * How to make each job method's job long enough to watch its progress and cancel it. (A brief's
 * render is one react-pdf call of seconds with no point to stop at inside; it checks for a cancel
 * before it writes the file: tests/briefs. The risk summary is a few queries, seconds only on a
 * million records; its cancel between steps is tested in tests/risk.)
 */
const LONG_WORK: Record<
  Exclude<JobMethodName, 'documents.ocr' | 'judgements.undoResolving' | 'briefs.render' | 'risk.summary'>,
  (core: CoreContext) => Promise<unknown>
> = {
  'import.run': async () => ({ path: generated(60_000, 'job-import'), preset: 'ru-customs' }),
  'import.validate': async () => ({ path: generated(60_000, 'job-validate'), preset: 'ru-customs' }),
  'documents.add': async () => ({ paths: [bigPdf()] }),
  'entities.resolve': async (core) => {
    await must(core, 'import.run', { path: generated(40_000, 'job-resolve'), preset: 'ru-customs' });
    return {};
  },
  'diagrams.neighbourhood': async (core) => {
    await must(core, 'import.run', { path: generated(40_000, 'job-diagram'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const [biggest] = await must(core, 'entities.list', { limit: 1 });
    return { name: 'Four steps from the biggest', entityId: biggest!.id, depth: 4, perNode: 200, maxNodes: 2000 };
  },
  'interchange.ftm': async (core) => {
    await must(core, 'import.run', { path: generated(60_000, 'job-ftm'), preset: 'ru-customs' });
    return { path: join(dirname(core.session!.path), 'export.ftm.jsonl') };
  },
  'lists.import': async () => ({ paths: [bigList(300_000, 'job-list')], asOf: '2024-01-01' }),
  'screening.run': async (core) => {
    await must(core, 'import.run', { path: generated(10_000, 'job-screen'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    await must(core, 'lists.import', { paths: [bigList(20_000, 'job-screen-list')], asOf: '2024-01-01' });
    return {};
  },
  'exchange.export': async (core) => {
    await must(core, 'import.run', { path: generated(60_000, 'job-export'), preset: 'ru-customs' });
    return { path: join(tempDir(), 'out.case') };
  },
  'exchange.verify': async (core) => {
    await must(core, 'import.run', { path: generated(60_000, 'job-verify'), preset: 'ru-customs' });
    const path = join(tempDir(), 'sent.case');
    await must(core, 'exchange.export', { path });
    return { path };
  },
  'exchange.merge': async () => {
    const other = await tempCase('Colleague');
    await must(other.core, 'import.run', { path: generated(60_000, 'job-merge'), preset: 'ru-customs' });
    const path = join(tempDir(), 'colleague.case');
    await must(other.core, 'exchange.export', { path });
    return { path };
  },
  'records.exportCsv': async (core) => {
    await must(core, 'import.run', { path: generated(60_000, 'job-csv'), preset: 'ru-customs' });
    return { path: join(dirname(core.session!.path), 'records.csv'), sort: 'valueUsd', desc: true };
  },
};

describe.runIf(existsSync(JOB_WORKER))('every job method runs through the job manager in a worker thread', () => {
  for (const [method, setUp] of Object.entries(LONG_WORK) as [
    JobMethodName,
    (core: CoreContext) => Promise<unknown>,
  ][]) {
    it(`${method}: starts a job, reports progress, and a cancel leaves the case byte for byte as before`, async () => {
      const { core, path } = await tempCase('Jobs', JOB_WORKER);
      const input = await setUp(core);
      const before = caseBytes(core, path);
      const started = await startJob(core, method, input);
      expect(started).toMatchObject({ kind: method, state: 'running' });
      expect(core.jobs.running().map((j) => j.jobId)).toContain(started.jobId);
      const { last, running } = await follow(
        core,
        started.jobId,
        (s) => (s.progress ?? 0) > 0 && s.message !== 'Starting…',
      );
      expect(last.state, last.message).toBe('running');
      expect(running.some((s) => s.message !== 'Starting…')).toBe(true);
      const cancelled = await must(core, 'jobs.cancel', { jobId: started.jobId });
      expect(cancelled.state).toBe('cancelled');
      await new Promise((r) => setTimeout(r, 300)); // the worker ends; its transaction never committed
      expect(caseBytes(core, path)).toBe(before);
      expect(core.session!.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // An export cancelled leaves neither its file nor the part written beside it.
      const out = (input as { path?: unknown }).path;
      // The part goes once the worker has been stopped, a moment after the cancel answers.
      if (method === 'records.exportCsv' && typeof out === 'string')
        await vi.waitFor(() => expect([existsSync(out), existsSync(`${out}.part`)]).toEqual([false, false]), {
          timeout: 15_000,
        });
    }, 120_000);
  }

  it('import.run ends with its summary, read through jobs.get', async () => {
    const { core } = await tempCase('Jobs', JOB_WORKER);
    const started = await startJob(core, 'import.run', {
      path: join(SAMPLES, 'ru-customs-2k.csv'),
      preset: 'ru-customs',
    });
    const { last } = await follow(core, started.jobId);
    expect(last.state, last.message).toBe('done');
    expect(last.result).toMatchObject({ rowsRead: 2001 });
    expect((await must(core, 'case.info', {})).counts.records).toBeGreaterThan(1900);
  });

  it('judgements.undoResolving: revoked, resolved again, audited; refused at once when there is nothing to undo', async () => {
    const { core } = await tempCase('Jobs', JOB_WORKER);
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const [a, b] = (await must(core, 'entities.list', { limit: 100_000 })).slice(-2);
    await must(core, 'entities.merge', { ids: [a!.id, b!.id], note: '' });
    // Resolved since the merge: the merge can no longer be undone in place.
    await must(core, 'entities.resolve', {});
    const judgement = (await must(core, 'judgements.list', {}))[0]!;
    expect(await call(core, 'judgements.undo', { id: judgement.id })).toMatchObject({
      ok: false,
      error: { code: 'needs_resolve' },
    });
    const entityOf = async (name: string) =>
      (await must(core, 'mentions.list', { limit: 1_000_000 })).find((m) => m.rawName === name)!.entityId;
    expect(await entityOf(a!.name)).toBe(await entityOf(b!.name));

    const started = await startJob(core, 'judgements.undoResolving', { id: judgement.id });
    const { last } = await follow(core, started.jobId);
    expect(last.state, last.message).toBe('done');
    expect(last.result).toMatchObject({
      judgementId: judgement.id,
      how: 'resolved',
      resolve: { judgementsApplied: 0 },
    });
    expect(await entityOf(a!.name)).not.toBe(await entityOf(b!.name));
    expect(
      (await must(core, 'judgements.list', { includeRevoked: true })).find((j) => j.id === judgement.id)!.revokedAt,
    ).not.toBeNull();
    expect(JSON.stringify(await must(core, 'audit.list', { limit: 10 }))).toContain('judgements.undoResolving');
    const again = await call(core, 'judgements.undoResolving', { id: judgement.id });
    expect(again.ok).toBe(false);
  });

  it('a job that fails reports its error code and message', async () => {
    const { core } = await tempCase('Jobs', JOB_WORKER);
    const started = await startJob(core, 'import.run', { path: join(tempDir(), 'missing.csv'), preset: 'ru-customs' });
    const { last } = await follow(core, started.jobId);
    expect(last.state).toBe('failed');
    expect(last.error?.message).toMatch(/missing\.csv|no such file|cannot/i);
  });
});
