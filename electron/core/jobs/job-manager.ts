import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobStatus } from '../../../shared/api/define';
import { CustodianError } from '../../../shared/result';
import type { JobRequest, JobRunner, WorkerMessage } from './protocol';

export interface JobManagerOptions {
  /** The built job worker script; without it (unit tests) jobs run in this thread. */
  workerScript?: string | undefined;
  /** Runs a job in this thread: the same code the worker runs. */
  runInProcess: JobRunner;
}

const CANCELLED = 'Cancelled; nothing was changed.';

/**
 * Long work (imports, resolution, briefs) runs as a job: off the thread that
 * answers the UI, reporting progress, cancellable. A job runs in a worker
 * thread with its own connection to the case when the built worker script
 * is there (the app, the CLI, `custodian serve`), else in-process. Either
 * way the job's writes are one transaction, so a cancelled or crashed job
 * leaves the case as it was.
 */
export class JobManager {
  private readonly jobs = new Map<string, JobStatus>();
  private readonly cancels = new Map<string, () => void>();
  private readonly waiters = new Map<string, Array<(s: JobStatus) => void>>();

  constructor(private readonly opts: JobManagerOptions) {}

  start(request: JobRequest): JobStatus {
    const jobId = randomUUID();
    const status: JobStatus = { jobId, kind: request.method, state: 'running', progress: 0, message: 'Starting…' };
    this.jobs.set(jobId, status);
    const finish = (patch: Partial<JobStatus>) => {
      if (status.state !== 'running') return;
      Object.assign(status, patch);
      this.cancels.delete(jobId);
      for (const wake of this.waiters.get(jobId) ?? []) wake({ ...status });
      this.waiters.delete(jobId);
    };
    const progress = (p: number | null, message: string) => {
      if (status.state === 'running') Object.assign(status, { progress: p, message });
    };
    const script = this.opts.workerScript;
    if (script && existsSync(script)) {
      const worker = new Worker(script, { workerData: { request, script } });
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') progress(m.progress, m.message);
        else if (m.type === 'done') finish({ state: 'done', progress: 1, message: 'Done', result: m.result });
        else finish({ state: 'failed', message: m.error.message, error: m.error });
      });
      worker.on('error', (e) =>
        finish({ state: 'failed', message: e.message, error: { code: 'internal', message: e.message } }),
      );
      const stopped = 'The job stopped unexpectedly.';
      worker.on('exit', () =>
        finish({ state: 'failed', message: stopped, error: { code: 'internal', message: stopped } }),
      );
      this.cancels.set(jobId, () => {
        finish({ state: 'cancelled', message: CANCELLED });
        void worker.terminate().then(() => removePartFile(request));
      });
    } else {
      const abort = new AbortController();
      this.cancels.set(jobId, () => {
        abort.abort();
        finish({ state: 'cancelled', message: CANCELLED });
      });
      // A microtask later, so that the caller has the status before the job's first step.
      void Promise.resolve()
        .then(() => this.opts.runInProcess(request, { progress, signal: abort.signal }))
        .then(
          (result) => finish({ state: 'done', progress: 1, message: 'Done', result }),
          (e: unknown) => {
            const error = errorOf(e);
            finish({ state: abort.signal.aborted ? 'cancelled' : 'failed', message: error.message, error });
          },
        );
    }
    return { ...status };
  }

  get(jobId: string): JobStatus {
    const s = this.jobs.get(jobId);
    if (!s) throw new CustodianError('not_found', `There is no job ${jobId}.`);
    return { ...s };
  }

  /** The job's last status, once it has ended. */
  wait(jobId: string): Promise<JobStatus> {
    const s = this.get(jobId);
    if (s.state !== 'running') return Promise.resolve(s);
    return new Promise((wake) => this.waiters.set(jobId, [...(this.waiters.get(jobId) ?? []), wake]));
  }

  cancel(jobId: string): JobStatus {
    this.get(jobId);
    this.cancels.get(jobId)?.();
    return this.get(jobId);
  }

  /** Jobs still running (the shell asks before quitting). */
  running(): JobStatus[] {
    return [...this.jobs.values()].filter((j) => j.state === 'running');
  }
}

/** A thrown value as a job's error: a CustodianError keeps its code. */
export function errorOf(e: unknown): { code: string; message: string } {
  if (e instanceof CustodianError) return { code: e.code, message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** Jobs that write a file beside its name (`<path>.part`, interchange/write-beside.ts) and rename it at the end. */
const WRITES_PART_FILE: ReadonlySet<string> = new Set(['interchange.ftm', 'records.exportCsv']);

/** A terminated worker cannot remove the part it was writing; the manager does, so a cancel leaves no half file. */
function removePartFile(request: JobRequest): void {
  const path = (request.input as { path?: unknown } | null)?.path;
  if (WRITES_PART_FILE.has(request.method) && typeof path === 'string')
    rmSync(`${resolve(path)}.part`, { force: true });
}
