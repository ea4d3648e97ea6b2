import { useEffect, useState } from 'react';
import type { ReviewStatus, ScreeningHit } from '../../../../shared/domain/screening';
import { client } from '../../api/client';
import { SanctionsBadge, useSanctionHits } from '../../components/SanctionsBadge';
import { formatRoute, intOrNull, setParams, useRoute } from '../../router';
import { CiteButton } from '../briefs/cite';
import { useApp } from '../../state/store';

const STATUS_LABEL: Record<ReviewStatus, string> = {
  open: 'Open',
  confirmed: 'Confirmed',
  false_positive: 'False positive',
};

/**
 * The latest screening's hits, best first, with what an investigator needs
 * to decide: the names that matched and why, the list entry's program,
 * listing date and remarks. A decision holds for that entity and entry in
 * every later screening and list version. `#/lists?entity=12` (where a
 * sanctions badge leads) shows one entity's hits.
 */
export function HitsTable() {
  const revision = useApp((s) => s.revision);
  const setError = useApp((s) => s.setError);
  const refresh = useApp((s) => s.refresh);
  const [status, setStatus] = useState<ReviewStatus | ''>('');
  const [hits, setHits] = useState<ScreeningHit[] | null>(null);
  const entityId = intOrNull(useRoute((s) => s.route.params.entity));
  useEffect(() => {
    void client
      .call('hits.list', { limit: 2000, ...(status ? { status } : {}), ...(entityId !== null ? { entityId } : {}) })
      .then((r) => (r.ok ? setHits(r.value) : setError(r.error.message)));
  }, [revision, status, entityId, setError]);

  async function review(hit: ScreeningHit, next: ReviewStatus) {
    const r = await client.call('hits.review', { id: hit.id, status: next });
    if (!r.ok) return setError(r.error.message);
    setHits((list) => list && list.map((h) => (h.id === hit.id ? r.value : h)));
    void refresh();
  }
  const badges = useSanctionHits([...new Set((hits ?? []).map((h) => h.entityId))]);

  return (
    <section aria-label="Screening hits">
      <header className="toolbar">
        <h3>Hits of the latest screening</h3>
        <label>
          Show{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as ReviewStatus | '')}>
            <option value="">all</option>
            {Object.entries(STATUS_LABEL).map(([k, v]) => (
              <option key={k} value={k}>
                {v.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        {entityId !== null && (
          <span className="chip">
            Entity:{' '}
            <a href={formatRoute({ section: 'entities', path: [String(entityId)], params: {} })}>
              {hits?.[0]?.entityName ?? `#${entityId}`}
            </a>
            <button
              className="chip-remove"
              aria-label="Show the hits of every entity"
              onClick={() => setParams({ entity: undefined })}
            >
              ×
            </button>
          </span>
        )}
        {hits && <span className="small muted">{hits.length.toLocaleString()} hits</span>}
      </header>
      {hits && hits.length === 0 && <p className="muted">No hits (run a screening after importing a list).</p>}
      {hits && hits.length > 0 && (
        <table className="grid hits">
          <thead>
            <tr>
              <th>Entity</th>
              <th>List entry</th>
              <th>Score</th>
              <th>Why</th>
              <th>Program · listed</th>
              <th>Review</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((h) => (
              <tr key={h.id} className={`hit ${h.status}`}>
                <td>
                  <a href={formatRoute({ section: 'entities', path: [String(h.entityId)], params: {} })}>
                    {h.entityName}
                  </a>
                  <SanctionsBadge summary={badges.get(h.entityId) ?? null} />
                  {h.matchedEntityName !== h.entityName && (
                    <div className="small muted">as “{h.matchedEntityName}”</div>
                  )}
                </td>
                <td>
                  {h.entryName}
                  {h.matchedEntryName !== h.entryName && (
                    <div className="small muted">alias “{h.matchedEntryName}”</div>
                  )}
                  <div className="small muted">
                    {h.listName} as of {h.asOf} · {h.externalId}
                  </div>
                </td>
                <td className="num">{h.score.toFixed(2)}</td>
                <td className="small">
                  {h.reasons.join(' ')}
                  {h.remarks && <div className="muted remarks">{h.remarks}</div>}
                </td>
                <td className="small">
                  {h.programs.join(', ') || '—'}
                  <div className="muted">{h.listedOn ? `listed ${h.listedOn}` : 'listing date not given'}</div>
                </td>
                <td className="review">
                  <span className={`status ${h.status}`}>{STATUS_LABEL[h.status]}</span>
                  <div className="buttons">
                    {h.status !== 'confirmed' && <button onClick={() => void review(h, 'confirmed')}>Confirm</button>}
                    {h.status !== 'false_positive' && (
                      <button onClick={() => void review(h, 'false_positive')}>False positive</button>
                    )}
                    {h.status !== 'open' && <button onClick={() => void review(h, 'open')}>Reopen</button>}
                    <CiteButton
                      cite={() => ({ kind: 'hit', id: h.id })}
                      what={`The screening hit: ${h.entityName} on ${h.listName} (${h.entryName})`}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
