import { useEffect, useState } from 'react';
import type { ListDiff, SanctionList } from '../../../../shared/domain/screening';
import { client } from '../../api/client';
import { JobProgress, useJob } from '../../components/jobs';
import { useApp, useReadOnly } from '../../state/store';
import { HitsTable } from './HitsTable';
import { ImportListForm } from './ImportListForm';
import { StatusNote } from '../../components/StatusNote';
import './lists.css';

const MAX_AGE_KEY = 'custodian.lists.maxAgeDays';
const DAY = 86_400_000;

/** Whole days from a YYYY-MM-DD date to today. */
export const ageInDays = (asOf: string, now = Date.now()): number =>
  Math.floor((now - Date.parse(`${asOf}T00:00:00Z`)) / DAY);

/**
 * Sanctions lists as the investigator imported them, each with the date it
 * was published as and its age (warned when older than the number of days
 * chosen here: a stale list misses the latest designations), what its
 * latest version changed, and the screening of every entity against them.
 */
export function ListsSection() {
  const readOnly = useReadOnly();
  const revision = useApp((s) => s.revision);
  const refresh = useApp((s) => s.refresh);
  const setError = useApp((s) => s.setError);
  const [lists, setLists] = useState<SanctionList[] | null>(null);
  const [maxAge, setMaxAge] = useState(() => Number(localStorage.getItem(MAX_AGE_KEY)) || 30);
  const [diff, setDiff] = useState<ListDiff | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const screening = useJob('screening.run');
  useEffect(() => {
    void client.call('lists.list', {}).then((r) => (r.ok ? setLists(r.value) : setError(r.error.message)));
  }, [revision, setError]);

  function changeMaxAge(days: number) {
    setMaxAge(days);
    localStorage.setItem(MAX_AGE_KEY, String(days));
  }

  async function showDiff(versionId: number) {
    const r = await client.call('lists.diff', { versionId, limit: 200 });
    return r.ok ? setDiff(r.value) : setError(r.error.message);
  }

  async function screen() {
    setReport(null);
    const end = await screening.run({});
    if (end.state === 'failed') return setError(end.message);
    if (end.state === 'cancelled') return setReport('Screening cancelled; nothing was changed.');
    const s = end.result;
    setReport(
      `${s.entities.toLocaleString()} entities screened against ${s.entries.toLocaleString()} entries · ${s.hits.toLocaleString()} hits` +
        (s.reviewed ? ` (${s.reviewed} already reviewed)` : ''),
    );
    void refresh();
  }

  return (
    <section className="panel lists-section">
      <header className="toolbar">
        <h2>Sanctions lists</h2>
        <label className="small">
          Warn when older than{' '}
          <input
            type="number"
            min={1}
            className="age-input"
            value={maxAge}
            onChange={(e) => changeMaxAge(Math.max(1, Number(e.target.value) || 1))}
          />{' '}
          days
        </label>
      </header>
      <ImportListForm onImported={() => setDiff(null)} />
      {lists && lists.length === 0 && (
        <p className="muted">No list yet: import OFAC’s sdn.csv or an OpenSanctions file.</p>
      )}
      {lists && lists.length > 0 && (
        <table className="grid lists">
          <thead>
            <tr>
              <th>List</th>
              <th>Authority</th>
              <th>As of</th>
              <th>Age</th>
              <th>Entries</th>
              <th>Versions</th>
              <th>Source SHA-256</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => {
              const age = ageInDays(l.current.asOf);
              const stale = age > maxAge;
              return (
                <tr key={l.id}>
                  <td>{l.name}</td>
                  <td>{l.authority}</td>
                  <td>{l.current.asOf}</td>
                  <td className={stale ? 'stale' : ''}>
                    {age.toLocaleString()} days
                    {stale && <span className="badge bad">older than {maxAge} days</span>}
                  </td>
                  <td className="num">{l.current.entries.toLocaleString()}</td>
                  <td className="num">{l.versions}</td>
                  <td className="mono small" title={l.current.sha256}>
                    {l.current.sha256.slice(0, 12)}…
                  </td>
                  <td>
                    <button onClick={() => void showDiff(l.current.id)}>What changed</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {diff && <DiffPanel diff={diff} onClose={() => setDiff(null)} />}
      <div className="toolbar">
        {screening.job ? (
          <JobProgress job={screening.job} label="Screening" />
        ) : (
          <button onClick={() => void screen()} disabled={!lists?.length || readOnly}>
            Screen all entities
          </button>
        )}
        <StatusNote text={report} />
      </div>
      <HitsTable />
    </section>
  );
}

function DiffPanel({ diff, onClose }: { diff: ListDiff; onClose(): void }) {
  return (
    <section className="list-diff" aria-label="What the version changed">
      <header className="toolbar">
        <h3>
          {diff.previousVersionId === null
            ? `First version: ${diff.addedCount.toLocaleString()} entries`
            : `${diff.addedCount.toLocaleString()} added, ${diff.removedCount.toLocaleString()} removed since the version before`}
        </h3>
        <button onClick={onClose}>Close</button>
      </header>
      {diff.previousVersionId !== null && (
        <div className="diff-columns">
          {(['added', 'removed'] as const).map((side) => (
            <ul key={side} aria-label={side}>
              {diff[side].map((e) => (
                <li key={e.entryId} className={side}>
                  {side === 'added' ? '+' : '−'} {e.name} <span className="muted small">{e.externalId}</span>
                </li>
              ))}
            </ul>
          ))}
        </div>
      )}
    </section>
  );
}
