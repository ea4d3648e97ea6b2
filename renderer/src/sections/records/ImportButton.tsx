import { useState } from 'react';
import type { JobStatus } from '../../../../shared/api/case';
import type { ImportSummary } from '../../../../shared/domain/records';
import { client, shell } from '../../api/client';
import { useApp } from '../../state/store';
import { ImportWizard } from '../import/ImportWizard';

/**
 * Picks a customs file. A file in a known layout is imported at once as a
 * background job (progress, Cancel leaves the case as it was); any other
 * file, or "Import with wizard…", opens the wizard (encoding, delimiter,
 * mapping, check, import, report).
 */
export function ImportButton({ onShowFlagged }: { onShowFlagged?(importId: number): void }) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [wizardPath, setWizardPath] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const refresh = useApp((s) => s.refresh);
  const setError = useApp((s) => s.setError);

  async function start() {
    setReport(null);
    const path = await shell.pickOpenPath('customs');
    if (!path) return;
    const preview = await client.call('import.preview', { path });
    if (!preview.ok) return setError(preview.error.message);
    const preset = preview.value.suggestedPreset;
    if (!preset) return setWizardPath(path);
    const started = await client.call('import.start', { path, preset });
    if (!started.ok) return setError(started.error.message);
    setJob(started.value);
    poll(started.value.jobId);
  }

  function poll(jobId: string) {
    const timer = setInterval(async () => {
      const r = await client.call('jobs.get', { jobId });
      if (!r.ok) {
        clearInterval(timer);
        return setError(r.error.message);
      }
      setJob(r.value);
      if (r.value.state === 'running') return;
      clearInterval(timer);
      setJob(null);
      if (r.value.state === 'done') {
        const s = r.value.result as ImportSummary;
        setReport(
          s.alreadyImported
            ? 'This file was imported before; nothing was added.'
            : `Imported ${s.rowsImported.toLocaleString()} of ${s.rowsRead.toLocaleString()} rows · ${s.rowsFlagged} flagged · ${s.rowsRejected} rejected · ${s.duplicates} duplicates`,
        );
        void refresh();
      } else if (r.value.state === 'failed') setError(r.value.message);
      else setReport('Import cancelled; the case is as it was.');
    }, 250);
  }

  if (job) {
    const pct = Math.round((job.progress ?? 0) * 100);
    return (
      <div className="job" role="status" aria-label="Import progress">
        <progress max={100} value={pct} />
        <span className="small">{job.message}</span>
        <button onClick={() => void client.call('jobs.cancel', { jobId: job.jobId })}>Cancel</button>
      </div>
    );
  }
  async function openWizard() {
    const path = await shell.pickOpenPath('customs');
    if (path) setWizardPath(path);
  }

  return (
    <>
      <button onClick={() => void start()}>Import customs file…</button>
      <button className="link" onClick={() => void openWizard()}>Import with wizard…</button>
      {report && <span className="small muted" role="status">{report}</span>}
      {wizardPath && (
        <ImportWizard path={wizardPath} onClose={() => setWizardPath(null)} onShowFlagged={(id) => onShowFlagged?.(id)} />
      )}
    </>
  );
}
