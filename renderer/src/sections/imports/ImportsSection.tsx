import { useEffect, useState } from 'react';
import type { ImportInfo } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { formatDateTime } from '../../format';
import { intOrNull, navigate, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { ImportButton } from '../records/ImportButton';
import { RejectsList } from './RejectsList';
import './imports.css';

const n = (v: number) => v.toLocaleString('en');

/**
 * Every import of the case, newest first, with what became of its rows, and
 * the rows one import left out (rejected or duplicate), paged, with the way to
 * save them as CSV. The import shown lives in the URL (`#/imports/3?page=2`).
 */
export function ImportsSection() {
  const revision = useApp((s) => s.revision);
  const route = useRoute((s) => s.route);
  const [imports, setImports] = useState<ImportInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('imports.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setImports([...r.value].reverse());
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [revision]);
  // No import chosen: the newest one, whose rejects are what an investigator checks first.
  const chosen = intOrNull(route.path[0]) ?? imports?.[0]?.id ?? null;
  const shown = imports?.find((i) => i.id === chosen) ?? null;
  const open = (id: number) => navigate({ section: 'imports', path: [String(id)], params: {} });
  return (
    <section className="imports-section">
      <header className="toolbar">
        <h2>Imports</h2>
        {imports && (
          <span className="muted small">{imports.length === 1 ? '1 import' : `${n(imports.length)} imports`}</span>
        )}
        <span className="spacer" />
        <ImportButton
          onShowFlagged={(id) =>
            navigate({ section: 'records', path: [], params: { import: String(id), flagged: '1' } })
          }
        />
      </header>
      {error && <p className="error panel">{error}</p>}
      {imports?.length === 0 && (
        <div className="empty-section">
          <p>No imports yet. Import a customs file (CSV, XLSX or JSON lines) to begin.</p>
        </div>
      )}
      {imports && imports.length > 0 && (
        <div className="imports-body">
          <div className="imports-scroll" tabIndex={0} role="region" aria-label="Imports, scrollable">
            <table className="imports-table" aria-label="Imports">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Imported</th>
                  <th scope="col">Rows read</th>
                  <th scope="col">Imported rows</th>
                  <th scope="col">Flagged</th>
                  <th scope="col">Rejected</th>
                  <th scope="col">Duplicates</th>
                  <th scope="col">Blank</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id} aria-current={i.id === chosen ? 'true' : undefined}>
                    <th scope="row">
                      <button className="link" onClick={() => open(i.id)} title={`Import ${i.id}: ${i.fileName}`}>
                        {i.fileName}
                      </button>
                    </th>
                    <td>{formatDateTime(i.startedAt)}</td>
                    <td className="num">{n(i.rowsRead)}</td>
                    <td className="num">{n(i.rowsImported)}</td>
                    <td className="num">{n(i.rowsFlagged)}</td>
                    <td className="num">{n(i.rowsRejected)}</td>
                    <td className="num">{n(i.duplicates)}</td>
                    <td className="num">{n(i.blankRows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown ? (
            <RejectsList info={shown} />
          ) : (
            <p className="muted panel">There is no import {route.path[0]} in this case.</p>
          )}
        </div>
      )}
    </section>
  );
}
