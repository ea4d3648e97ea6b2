import type { JobStatus } from '../../../shared/api/case';
import { client } from '../api/client';

/**
 * Follows a background job until it ends, handing each status to
 * `onStatus`; resolves with the last one. A transport error ends it as a
 * failed status, so callers handle one shape.
 */
export async function followJob(jobId: string, onStatus: (s: JobStatus) => void = () => undefined): Promise<JobStatus> {
  for (;;) {
    const r = await client.call('jobs.get', { jobId });
    if (!r.ok) return { jobId, kind: 'unknown', state: 'failed', progress: null, message: r.error.message, error: r.error };
    onStatus(r.value);
    if (r.value.state !== 'running') return r.value;
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** A running job's progress bar, message and Cancel button (cancelling leaves the case as it was). */
export function JobProgress({ job, label }: { job: JobStatus; label: string }) {
  return (
    <div className="job" role="status" aria-label={label}>
      <progress max={100} value={Math.round((job.progress ?? 0) * 100)} />
      <span className="small">{job.message}</span>
      <button onClick={() => void client.call('jobs.cancel', { jobId: job.jobId })}>Cancel</button>
    </div>
  );
}
