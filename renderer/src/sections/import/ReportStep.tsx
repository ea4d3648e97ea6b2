import { useEffect, useState } from 'react';
import type { ImportSummary, Reject } from '../../../../shared/domain/records';
import { client } from '../../api/client';

/** A spreadsheet runs cells starting = + - @ as formulas: such cells get a leading ' (OWASP CSV injection). */
const cell = (v: string) => {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function rejectsCsv(rejects: Reject[]): string {
  const lines = [
    ['row', 'reason', 'duplicate_of', 'raw'],
    ...rejects.map((r) => [String(r.row), r.reason, r.duplicateOf ? String(r.duplicateOf) : '', r.raw]),
  ];
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What the import did, with the way to its flagged rows and the rows it rejected (and why). */
export function ReportStep({
  summary,
  onShowFlagged,
}: {
  summary: ImportSummary;
  onShowFlagged(importId: number): void;
}) {
  const [rejects, setRejects] = useState<Reject[] | null>(null);
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
          onClick={() => rejects && download(`import-${summary.importId}-rejects.csv`, rejectsCsv(rejects))}
          disabled={!rejects?.length}
        >
          Export rejects to CSV
        </button>
      </p>
      {rejects && rejects.length > 0 && (
        <div className="preview-scroll">
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
