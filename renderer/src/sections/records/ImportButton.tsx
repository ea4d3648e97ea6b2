import { useState } from 'react';
import type { ImportSummary } from '../../../../shared/domain/records';
import { navigate } from '../../router';
import { ResolveButton } from '../entities/ResolveButton';
import { client, shell } from '../../api/client';
import { useApp, useReadOnly } from '../../state/store';
import { ImportWizard } from '../import/ImportWizard';
import { JobProgress, useJob } from '../../components/jobs';
import { CaseEditButton } from '../../components/CaseEditButton';
import { StatusNote } from '../../components/StatusNote';

/**
 * Picks a customs file. A file in a known layout is imported at once as a
 * background job (progress, Cancel leaves the case as it was); any other
 * file, or "Import with wizard…", opens the wizard (encoding, delimiter,
 * mapping, check, import, report).
 */
export function ImportButton({ onShowFlagged }: { onShowFlagged?(importId: number): void }) {
  const { job, run } = useJob('import.run');
  const [wizardPath, setWizardPath] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  // The import just made, when rows were added: the way to its rejects and to resolving its companies.
  const [added, setAdded] = useState<ImportSummary | null>(null);
  const refresh = useApp((s) => s.refresh);
  const setError = useApp((s) => s.setError);
  const readOnly = useReadOnly();

  async function start() {
    setReport(null);
    setAdded(null);
    const path = await shell.pickOpenPath('customs');
    if (!path) return;
    const preview = await client.call('import.preview', { path });
    if (!preview.ok) return setError(preview.error.message);
    const preset = preview.value.suggestedPreset;
    if (!preset) return setWizardPath(path);
    const end = await run({ path, preset });
    if (end.state === 'done') {
      const s = end.result;
      setReport(
        s.alreadyImported
          ? 'This file was imported before; nothing was added.'
          : `Imported ${s.rowsImported.toLocaleString()} of ${s.rowsRead.toLocaleString()} rows · ${s.rowsFlagged} flagged · ${s.rowsRejected} rejected · ${s.duplicates} duplicates · ${s.blankRows} blank`,
      );
      if (!s.alreadyImported) setAdded(s);
      void refresh();
    } else if (end.state === 'failed') setError(end.message);
    else setReport('Import cancelled; the case is as it was.');
  }

  if (job) return <JobProgress job={job} label="Import progress" />;

  async function openWizard() {
    const path = await shell.pickOpenPath('customs');
    if (path) setWizardPath(path);
  }

  return (
    <>
      <CaseEditButton onClick={() => void start()}>Import customs file…</CaseEditButton>
      <button className="link" onClick={() => void openWizard()} disabled={readOnly}>
        Import with wizard…
      </button>
      <StatusNote text={report} />
      {added && added.rowsRejected + added.duplicates > 0 && (
        <button
          className="link"
          onClick={() => navigate({ section: 'imports', path: [String(added.importId)], params: {} })}
        >
          See the rows left out
        </button>
      )}
      {added && added.rowsImported > 0 && <ResolveButton label="Resolve entities now" />}
      {wizardPath && (
        <ImportWizard
          path={wizardPath}
          onClose={() => setWizardPath(null)}
          onShowFlagged={(id) => onShowFlagged?.(id)}
        />
      )}
    </>
  );
}
