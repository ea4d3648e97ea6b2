import { useState } from 'react';
import type { JobStatus } from '../../../../shared/api/case';
import type { ResolveSummary } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { JobProgress, followJob } from '../../components/jobs';

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
    const end = await followJob(started.value.jobId, setJob);
    setJob(null);
    if (end.state === 'done') {
      const s = end.result as ResolveSummary;
      setReport(`${s.entities.toLocaleString()} entities from ${s.mentions.toLocaleString()} mentions · ${s.toReview} pairs to review`);
      void refresh();
    } else if (end.state === 'failed') setError(end.message);
    else setReport('Resolution cancelled; nothing was changed.');
  }

  if (job) return <JobProgress job={job} label="Resolution progress" />;
  return (
    <>
      <button onClick={() => void start()}>Resolve entities</button>
      {report && <span className="small muted" role="status">{report}</span>}
    </>
  );
}
