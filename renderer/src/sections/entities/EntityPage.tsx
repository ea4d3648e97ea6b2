import { useEffect, useState } from 'react';
import type { EntityDetail } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { MentionedIn } from './MentionedIn';

const usd = (v: number) => `$${Math.round(v).toLocaleString()}`;

/** One entity: canonical name (editable), every name and script seen, identifiers, countries, and its trade picture. */
export function EntityPage({ id, revision }: { id: number; revision: number }) {
  const [d, setD] = useState<EntityDetail | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = useApp((s) => s.refresh);
  useEffect(() => {
    setD(null);
    void client.call('entities.get', { id }).then((r) => {
      if (r.ok) {
        setD(r.value);
        setName(r.value.name);
      } else setError(r.error.message);
    });
  }, [id, revision]);
  if (error) return <p className="error panel">{error}</p>;
  if (!d) return <p className="muted panel">Loading…</p>;

  async function rename() {
    const r = await client.call('entities.rename', { id, name });
    if (!r.ok) setError(r.error.message);
    else void refresh();
  }
  const maxMonth = Math.max(1, ...d.timeline.map((t) => t.count));
  return (
    <article className="entity-page panel" aria-label="Entity">
      <form className="entity-title" onSubmit={(e) => (e.preventDefault(), void rename())}>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} aria-label="Canonical name" />
        <button type="submit" disabled={name.trim() === d.name || !name.trim()}>Save name</button>
        {d.nameEdited && <span className="muted small">set by hand; resolve keeps it</span>}
      </form>
      <p className="muted small">
        Entity {d.id} · {d.mentions.toLocaleString()} mentions ·{' '}
        {Object.entries(d.roles).map(([role, n]) => `${n} as ${role}`).join(', ')}
      </p>
      <dl className="entity-facts">
        <dt>Identifiers</dt><dd>{d.identifiers.length ? d.identifiers.join(', ') : '—'}</dd>
        <dt>Countries</dt><dd>{d.countries.length ? d.countries.join(', ') : '—'}</dd>
      </dl>
      <h4>Names seen ({d.names.length})</h4>
      <table className="entity-table">
        <thead><tr><th>Name as written</th><th>Script</th><th>Legal form</th><th className="right">Mentions</th></tr></thead>
        <tbody>
          {d.names.map((n) => (
            <tr key={n.name}><td>{n.name}</td><td>{n.scripts.join(' + ')}</td><td>{n.legalForm ?? ''}</td><td className="right">{n.mentions}</td></tr>
          ))}
        </tbody>
      </table>
      <MentionedIn id={id} revision={revision} />
      <h4>Timeline</h4>
      <div className="timeline" aria-label="Shipments per month">
        {d.timeline.map((t) => (
          <span key={t.month} title={`${t.month}: ${t.count} records, ${usd(t.valueUsd)}`} style={{ height: `${(t.count / maxMonth) * 100}%` }} />
        ))}
      </div>
      <h4>Trade by counterparty and HS chapter</h4>
      <table className="entity-table">
        <thead><tr><th>Direction</th><th>Counterparty</th><th>HS ch.</th><th className="right">Records</th><th className="right">Value (USD)</th><th>First</th><th>Last</th></tr></thead>
        <tbody>
          {d.trade.map((t, i) => (
            <tr key={i}>
              <td>{t.direction === 'in' ? '← received' : '→ sent'}</td>
              <td>{t.counterparty}</td>
              <td>{t.hsChapter ?? ''}</td>
              <td className="right">{t.count}</td>
              <td className="right">{usd(t.valueUsd)}</td>
              <td>{t.firstDate ?? ''}</td>
              <td>{t.lastDate ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
