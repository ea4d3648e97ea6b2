import { useEffect, useState } from 'react';
import type { ImportSummary, Reject } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { ResolveButton } from '../entities/ResolveButton';
import { saveRejectsCsv } from '../imports/export-rejects';

/** What the import did, with the way to its flagged rows and the rows it rejected (and why). */
export function ReportStep({
  summary,
  fileName,
  onShowFlagged,
}: {
  summary: ImportSummary;
  /** The imported file's name, for the name of the rejects' CSV. */
  fileName: string;
  onShowFlagged(importId: number): void;
}) {
  const [rejects, setRejects] = useState<Reject[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const setError = useApp((s) => s.setError);
  useEffect(() => {
    if (!summary.alreadyImported)
      void client.call('rejects.list', { importId: summary.importId }).then((r) => r.ok && setRejects(r.value));
  }, [summary]);
  if (summary.alreadyImported)
    return <p role="status">{summary.warnings[0] ?? 'This file was imported before; nothing was added.'}</p>;
  return (
    <>
      <Summary s={summary} />
      <p>
        <button onClick={() => onShowFlagged(summary.importId)} disabled={summary.rowsFlagged === 0}>
          Show the {summary.rowsFlagged} flagged rows
        </button>{' '}
        <button
          onClick={() =>
            void saveRejectsCsv(summary.importId, fileName).then(setSaved, (e: Error) => setError(e.message))
          }
          disabled={!rejects?.length}
        >
          Export rejects as CSV
        </button>
      </p>
      {saved && (
        <p className="small" role="status">
          {saved}
        </p>
      )}
      {summary.rowsImported > 0 && <ResolveOffer />}
      {rejects && rejects.length > 0 && (
        <div className="preview-scroll" tabIndex={0} role="region" aria-label="Rejected rows, scrollable">
          <table className="preview-table" aria-label="Rejected rows">
            <thead>
              <tr>
                <th>Row</th>
                <th>Reason</th>
                <th>Raw text</th>
              </tr>
            </thead>
            <tbody>
              {rejects.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.reason}</td>
                  <td className="mono" title={r.raw}>
                    {r.raw}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function Summary({ s, planned = false }: { s: ImportSummary; planned?: boolean }) {
  return (
    <>
      <div className="summary-grid" role="status">
        <div>
          <strong>{s.rowsRead.toLocaleString()}</strong>rows read
        </div>
        <div>
          <strong>{s.rowsImported.toLocaleString()}</strong>
          {planned ? 'will be imported' : 'imported'}
        </div>
        <div>
          <strong>{s.rowsFlagged.toLocaleString()}</strong>
          {planned ? 'will be flagged' : 'flagged'}
        </div>
        <div>
          <strong>{s.rowsRejected.toLocaleString()}</strong>
          {planned ? 'will be rejected' : 'rejected'}
        </div>
        <div>
          <strong>{s.duplicates.toLocaleString()}</strong>duplicates
        </div>
        <div>
          <strong>{s.blankRows.toLocaleString()}</strong>
          {planned ? 'blank rows will be skipped' : 'blank rows skipped'}
        </div>
      </div>
      {s.warnings.length > 0 && (
        <ul className="warnings">
          {s.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Records without resolved entities leave the Entities section empty: right
 * after an import, resolving is one click away (a background job; the
 * judgements already made are kept, and entity ids stay as they were).
 */
export function ResolveOffer() {
  return (
    <p className="resolve-offer">
      <span>The companies in these rows join the Entities section once they are resolved.</span>{' '}
      <ResolveButton label="Resolve entities now" />
    </p>
  );
}
