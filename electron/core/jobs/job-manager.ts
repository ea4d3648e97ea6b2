import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { JobStatus } from '../../../shared/api/case';
import { CustodianError } from '../../../shared/result';
import type { JobKind, JobPayload, WorkerMessage } from './protocol';
import { runJob } from './run-job';

/**
 * Long work (imports, resolution, briefs) runs as a job: off the thread that
 * answers the UI, reporting progress, cancellable. A job runs in a worker
 * thread with its own connection to the case when the built worker script
 * is there (the app, `custodian serve`), else in-process (unit tests).
 * Either way the job's writes are one transaction, so a cancelled or
 * crashed job leaves the case as it was.
 */
export class JobManager {
  private readonly jobs = new Map<string, JobStatus>();
  private readonly cancels = new Map<string, () => void>();

  constructor(private readonly workerScript?: string) {}

  start<K extends JobKind>(kind: K, payload: JobPayload<K>, onDone?: (status: JobStatus) => void): JobStatus {
    const jobId = randomUUID();
    const status: JobStatus = { jobId, kind, state: 'running', progress: 0, message: 'Starting…' };
    this.jobs.set(jobId, status);
    const finish = (patch: Partial<JobStatus>) => {
      if (status.state !== 'running') return;
      Object.assign(status, patch);
      this.cancels.delete(jobId);
      onDone?.(status);
    };
    const progress = (p: number | null, message: string) => {
      if (status.state === 'running') Object.assign(status, { progress: p, message });
    };
    if (this.workerScript && existsSync(this.workerScript)) {
      const worker = new Worker(this.workerScript, { workerData: { kind, payload, script: this.workerScript } });
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') progress(m.progress, m.message);
        else if (m.type === 'done') finish({ state: 'done', progress: 1, message: 'Done', result: m.result });
        else finish({ state: 'failed', message: m.error.message, error: m.error });
      });
      worker.on('error', (e) => finish({ state: 'failed', message: e.message, error: { code: 'internal', message: e.message } }));
      worker.on('exit', () => finish({ state: 'failed', message: 'The job stopped unexpectedly.', error: { code: 'internal', message: 'The job stopped unexpectedly.' } }));
      this.cancels.set(jobId, () => {
        finish({ state: 'cancelled', message: 'Cancelled; nothing was changed.' });
        void worker.terminate();
      });
    } else {
      const abort = new AbortController();
      this.cancels.set(jobId, () => {
        abort.abort();
        finish({ state: 'cancelled', message: 'Cancelled; nothing was changed.' });
      });
      runJob(kind, payload, { progress, signal: abort.signal }).then(
        (result) => finish({ state: 'done', progress: 1, message: 'Done', result }),
        (e: unknown) => {
          const error =
            e instanceof CustodianError ? { code: e.code, message: e.message } : { code: 'internal', message: String(e instanceof Error ? e.message : e) };
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
