import { useState } from 'react';
import type { JobStatus } from '../../../../shared/api/case';
import type { ResolveSummary } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';

/** Runs resolution as a background job with progress; judgements already made are kept. */
export function ResolveButton() {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const refresh = useApp((s) => s.refresh);
  const setError = useApp((s) => s.setError);

  async function start() {
    setReport(null);
    const started = await client.call('entities.resolveStart', {});
    if (!started.ok) return setError(started.error.message);
    setJob(started.value);
    const timer = setInterval(async () => {
      const r = await client.call('jobs.get', { jobId: started.value.jobId });
      if (!r.ok) {
        clearInterval(timer);
        setJob(null);
        return setError(r.error.message);
      }
      setJob(r.value);
      if (r.value.state === 'running') return;
      clearInterval(timer);
      setJob(null);
      if (r.value.state === 'done') {
        const s = r.value.result as ResolveSummary;
        setReport(`${s.entities.toLocaleString()} entities from ${s.mentions.toLocaleString()} mentions · ${s.toReview} pairs to review`);
        void refresh();
      } else if (r.value.state === 'failed') setError(r.value.message);
      else setReport('Resolution cancelled; nothing was changed.');
    }, 300);
  }

  if (job) {
    return (
      <div className="job" role="status" aria-label="Resolution progress">
        <progress max={100} value={Math.round((job.progress ?? 0) * 100)} />
        <span className="small">{job.message}</span>
        <button onClick={() => void client.call('jobs.cancel', { jobId: job.jobId })}>Cancel</button>
      </div>
    );
  }
  return (
    <>
      <button onClick={() => void start()}>Resolve entities</button>
      {report && <span className="small muted" role="status">{report}</span>}
    </>
  );
}
