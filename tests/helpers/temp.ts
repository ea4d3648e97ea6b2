import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { createCore } from '../../electron/core/create-core';
import { call, callToEnd, type FinalOutput } from '../../electron/core/dispatch';
import type { JobMethodName, JobStatus, MethodName } from '../../shared/api';

/** The material outside the repo: fixtures and data (tests may read it directly). */
export const SHARED = resolve(__dirname, '../../../shared');
export const FIXTURES = join(SHARED, 'fixtures');
export const SAMPLES = join(FIXTURES, 'samples');
export const REPO = resolve(__dirname, '../..');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'custodian-test-'));
  dirs.push(d);
  return d;
}

/** The built job worker (`npm run build:node`): with it, a core runs jobs in worker threads as the app does. */
export const JOB_WORKER = join(REPO, 'out', 'node', 'job-worker.cjs');

/** A core with its own app folder and a new, open case file in a temp folder (jobs in-process unless a worker script is given). */
export async function tempCase(
  title = 'Test case',
  workerScript?: string,
): Promise<{ core: CoreContext; dir: string; path: string }> {
  const dir = tempDir();
  const core = createCore({
    appDataDir: join(dir, 'app'),
    sampleDir: join(REPO, 'build', 'sample'),
    actor: 'tester',
    workerScript,
  });
  const path = join(dir, 'test.case');
  await must(core, 'case.create', { path, title });
  return { core, dir, path };
}

/**
 * Calls an API method through the real dispatcher (a job method runs as a
 * job and is waited for: its result) and fails the test on an error result.
 */
export async function must<M extends MethodName>(
  core: CoreContext,
  method: M,
  input: unknown,
): Promise<FinalOutput<M>> {
  const r = await callToEnd(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Starts a job method and answers its first status (the job runs on). */
export async function startJob(core: CoreContext, method: JobMethodName, input: unknown): Promise<JobStatus> {
  const r = await call(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
  return r.value as JobStatus;
}
