import { useState } from 'react';
import { useApp } from '../../state/store';
import { JobProgress, useJob } from '../../components/jobs';
import { CaseEditButton } from '../../components/CaseEditButton';
import { StatusNote } from '../../components/StatusNote';

/** Runs resolution as a background job with progress; judgements already made are kept. */
export function ResolveButton({ label = 'Resolve entities' }: { label?: string }) {
  const { job, run } = useJob('entities.resolve');
  const [report, setReport] = useState<string | null>(null);
  const refresh = useApp((s) => s.refresh);
  const setError = useApp((s) => s.setError);

  async function start() {
    setReport(null);
    const end = await run({});
    if (end.state === 'done') {
      const s = end.result;
      setReport(
        `${s.entities.toLocaleString()} entities from ${s.mentions.toLocaleString()} mentions · ${s.toReview} pairs to review`,
      );
      void refresh();
    } else if (end.state === 'failed') setError(end.message);
    else setReport('Resolution cancelled; nothing was changed.');
  }

  if (job) return <JobProgress job={job} label="Resolution progress" />;
  return (
    <>
      <CaseEditButton onClick={() => void start()}>{label}</CaseEditButton>
      <StatusNote text={report} />
    </>
  );
}
