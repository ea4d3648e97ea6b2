import { useEffect, useState } from 'react';
import type { AuditFacets } from '../../../../shared/api/case';
import { client } from '../../api/client';
import { setParams } from '../../router';

/** The URL parameters that narrow the log (`#/audit?action=import.run&actor=anna&from=2026-01-01&to=2026-01-31`). */
export const FILTER_PARAMS = ['action', 'actor', 'from', 'to'] as const;

/** Action, actor and day range; each change goes to the URL and starts again at the first page. */
export function AuditFilters({ params, revision }: { params: Readonly<Record<string, string>>; revision: number }) {
  const [facets, setFacets] = useState<AuditFacets>({ actions: [], actors: [] });
  useEffect(() => {
    void client.call('audit.facets', {}).then((r) => r.ok && setFacets(r.value));
  }, [revision]);
  const set = (k: string, v: string) => setParams({ [k]: v, page: undefined });
  const filtering = FILTER_PARAMS.some((k) => params[k]);
  return (
    <div className="audit-filters">
      <label>
        Action{' '}
        <select value={params.action ?? ''} onChange={(e) => set('action', e.target.value)}>
          <option value="">any</option>
          {facets.actions.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        Who{' '}
        <select value={params.actor ?? ''} onChange={(e) => set('actor', e.target.value)}>
          <option value="">anyone</option>
          {facets.actors.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        From <input type="date" value={params.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        To <input type="date" value={params.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      {filtering && (
        <button
          className="link"
          onClick={() =>
            setParams({ action: undefined, actor: undefined, from: undefined, to: undefined, page: undefined })
          }
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
