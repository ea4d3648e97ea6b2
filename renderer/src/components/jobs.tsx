import { useCallback, useState } from 'react';
import type { ApiInput, JobMethodName, JobResult, JobStatus } from '../../../shared/api';
import { client } from '../api/client';

/** How a job ended, with its typed result when it is done. */
export type JobEnd<R> =
  | { state: 'done'; result: R }
  | { state: 'failed'; code: string; message: string }
  | { state: 'cancelled'; message: string };

const POLL_MS = 250;

/**
 * Starts a job method and follows it until it ends, handing each status to
 * `onStatus`. A refusal to start (bad input, a check that failed) or a
 * transport error ends it as `failed`, so callers handle one shape.
 */
export async function runJob<M extends JobMethodName>(
  method: M,
  input: ApiInput<M>,
  onStatus: (s: JobStatus) => void = () => undefined,
): Promise<JobEnd<JobResult<M>>> {
  const started = await client.call(method, input);
  if (!started.ok) return { state: 'failed', code: started.error.code, message: started.error.message };
  let status = started.value as JobStatus;
  for (;;) {
    onStatus(status);
    if (status.state === 'done') return { state: 'done', result: status.result as JobResult<M> };
    if (status.state === 'cancelled') return { state: 'cancelled', message: status.message };
    if (status.state === 'failed')
      return { state: 'failed', code: status.error?.code ?? 'failed', message: status.message };
    await new Promise((done) => setTimeout(done, POLL_MS));
    const r = await client.call('jobs.get', { jobId: status.jobId });
    if (!r.ok) return { state: 'failed', code: r.error.code, message: r.error.message };
    status = r.value;
  }
}

/**
 * One job method as a component runs it: `run` starts it and resolves with
 * how it ended; `job` is its status while it runs (for `JobProgress`), null
 * otherwise.
 */
export function useJob<M extends JobMethodName>(method: M) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const run = useCallback(
    async (input: ApiInput<M>) => {
      try {
        return await runJob(method, input, (s) => setJob(s.state === 'running' ? s : null));
      } finally {
        setJob(null);
      }
    },
    [method],
  );
  return { job, run };
}

/** A running job's progress bar, message and Cancel button (cancelling leaves the case as it was). */
export function JobProgress({ job, label }: { job: JobStatus; label: string }) {
  return (
    <div className="job" role="status" aria-label={label}>
      <progress
        max={100}
        value={Math.round((job.progress ?? 0) * 100)}
        aria-label={`${label}: ${Math.round((job.progress ?? 0) * 100)}%`}
      />
      <span className="small">{job.message}</span>
      <button onClick={() => void client.call('jobs.cancel', { jobId: job.jobId })}>Cancel</button>
    </div>
  );
}
