import { useEffect, useState } from 'react';
import type { ImportInfo, Reject } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { intOrNull, navigate, setParams, useRoute } from '../../router';
import { saveRejectsCsv } from './export-rejects';

/** Rejected rows shown at a time: a page the eye can scan; the CSV holds them all. */
export const REJECTS_PAGE = 100;

/** The rows one import left out (unreadable, wrong field count, summary lines, duplicates), with each reason, paged. */
export function RejectsList({ info }: { info: ImportInfo }) {
  const pageParam = useRoute((s) => s.route.params.page);
  // Duplicates are kept with the rejects (each names the row it repeats).
  const total = info.rowsRejected + info.duplicates;
  const pages = Math.max(1, Math.ceil(total / REJECTS_PAGE));
  const page = Math.min(pages, Math.max(1, intOrNull(pageParam) ?? 1));
  const [rows, setRows] = useState<{ key: string; rejects: Reject[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const key = `${info.id}:${page}`;
  useEffect(() => {
    setSaved(null);
    setError(null);
    if (total === 0) return setRows({ key, rejects: [] });
    let live = true;
    const offset = (page - 1) * REJECTS_PAGE;
    void client.call('rejects.list', { importId: info.id, limit: REJECTS_PAGE, offset }).then((r) => {
      if (!live) return;
      if (r.ok) setRows({ key, rejects: r.value });
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [info.id, page, total, key]);
  const goTo = (p: number) => setParams({ page: p === 1 ? undefined : String(p) }, { push: true });
  async function exportCsv() {
    setSaved(null);
    try {
      setSaved(await saveRejectsCsv(info.id, info.fileName));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  const first = (page - 1) * REJECTS_PAGE + 1;
  const last = Math.min(total, page * REJECTS_PAGE);
  const current = rows?.key === key ? rows.rejects : null;
  return (
    <div className="rejects panel" aria-labelledby="rejects-heading">
      <header className="rejects-head">
        <h3 id="rejects-heading">Rows left out of {info.fileName}</h3>
        <span className="muted small">
          {info.rowsRejected.toLocaleString('en')} rejected · {info.duplicates.toLocaleString('en')} duplicates ·{' '}
          {info.blankRows.toLocaleString('en')} blank rows skipped
        </span>
        <span className="spacer" />
        <button
          className="link"
          onClick={() => navigate({ section: 'records', path: [], params: { import: String(info.id) } })}
        >
          Show its {info.rowsImported.toLocaleString('en')} records
        </button>
        <button onClick={() => void exportCsv()} disabled={total === 0}>
          Export as CSV
        </button>
      </header>
      {saved && (
        <p className="small" role="status">
          {saved}
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {total === 0 ? (
        <p className="muted">Every row of this file was imported: nothing was rejected.</p>
      ) : (
        <>
          <div className="rejects-scroll" tabIndex={0} role="region" aria-label="Rejected rows, scrollable">
            <table className="rejects-table" aria-label={`Rejected rows of ${info.fileName}`} aria-busy={!current}>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Row as it stood in the file</th>
                </tr>
              </thead>
              <tbody>
                {(current ?? []).map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td>{r.reason}</td>
                    <td className="mono raw">{r.raw}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!current && !error && <p className="muted">Loading…</p>}
          </div>
          <nav className="rejects-pager" aria-label="Pages of rejected rows">
            <button onClick={() => goTo(page - 1)} disabled={page <= 1}>
              Previous
            </button>
            <span className="small">
              Rows {first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')}
            </span>
            <button onClick={() => goTo(page + 1)} disabled={page >= pages}>
              Next
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
