import { useEffect, useState } from 'react';
import type { BriefSummary } from '../../../../shared/domain/briefs';
import { client } from '../../api/client';
import { intOrNull, navigate, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { BriefComposer } from './BriefComposer';
import './briefs.css';

/**
 * Briefs: the list of the case's briefs (`#/briefs`), and one brief in the
 * composer (`#/briefs/ID`, or `#/briefs/new`).
 */
export function BriefsSection() {
  const route = useRoute((s) => s.route);
  const first = route.path[0];
  if (first === 'new') return <BriefComposer id={null} />;
  const id = intOrNull(first);
  if (id !== null) return <BriefComposer key={id} id={id} />;
  return <BriefList />;
}

function BriefList() {
  const revision = useApp((s) => s.revision);
  const setError = useApp((s) => s.setError);
  const [briefs, setBriefs] = useState<BriefSummary[] | null>(null);
  useEffect(() => {
    void client.call('briefs.list', {}).then((r) => (r.ok ? setBriefs(r.value) : setError(r.error.message)));
  }, [revision, setError]);
  return (
    <section className="panel briefs-section">
      <header className="toolbar">
        <h2>Briefs</h2>
        <button className="primary" onClick={() => navigate('#/briefs/new')}>
          New brief
        </button>
      </header>
      <p className="muted small">
        A brief states findings and cites the rows, pages, links, diagrams and hits they rest on. Cite evidence from
        anywhere with “Cite in brief…”; every save keeps the earlier versions.
      </p>
      {briefs === null ? (
        <p className="muted">Loading…</p>
      ) : briefs.length === 0 ? (
        <p className="muted">No brief yet.</p>
      ) : (
        <table className="briefs-list">
          <thead>
            <tr>
              <th>Title</th>
              <th>Version</th>
              <th>Saved</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {briefs.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={`#/briefs/${b.id}`}>{b.title}</a>
                  {b.generatedFrom && <span className="muted small"> (generated from diagrams)</span>}
                </td>
                <td className="num">{b.version}</td>
                <td>{b.savedAt.slice(0, 16).replace('T', ' ')} UTC</td>
                <td>{b.savedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
