import { useEffect, useRef, useState } from 'react';
import type { EntityDetail } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { AddEntityToDiagramButton } from '../diagrams/AddToDiagram';
import { EntityNotice, type Notice } from './EntityNotice';
import { MentionedIn } from './MentionedIn';
import { MergeWith } from './MergeWith';
import { NamesSeen } from './NamesSeen';

const usd = (v: number) => `$${Math.round(v).toLocaleString()}`;

/**
 * One entity: canonical name (editable), every name and script seen (some can
 * be split off), identifiers, countries, its trade picture; merges with another.
 */
export function EntityPage({ id, revision, onOpen }: { id: number; revision: number; onOpen(id: number): void }) {
  const [d, setD] = useState<EntityDetail | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const refresh = useApp((s) => s.refresh);
  // The latest onOpen, without loading the entity again each time the parent hands a new one.
  const follow = useRef(onOpen);
  useEffect(() => {
    follow.current = onOpen;
  });
  useEffect(() => {
    let live = true;
    setError(null);
    void client.call('entities.get', { id }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setD(r.value);
      setName(r.value.name);
      // A merged-away id (held by a link, a diagram, the page open during a merge) leads to its survivor: go there.
      if (r.value.followedFrom !== null) {
        setNotice({
          forId: r.value.id,
          text: `Entity ${r.value.followedFrom} was merged into this one, entity ${r.value.id}.`,
        });
        follow.current(r.value.id);
      }
    });
    return () => {
      live = false;
    };
  }, [id, revision]);
  if (error) return <p className="error panel">{error}</p>;
  // The same entity stays on screen while it reloads after a change, so the page keeps its scroll position.
  if (!d || d.id !== id) return <p className="muted panel">Loading…</p>;
  const shownNotice = notice?.forId === d.id && <EntityNotice notice={notice} onOpen={onOpen} onChange={setNotice} />;
  if (d.mentions === 0) {
    return (
      <div className="empty-section">
        {/* An undone split leads back to where its names went; an entity with no mentions and nowhere to lead is gone. */}
        {shownNotice}
        <p>
          Entity {d.id} (“{d.name}”) is no longer in the case: its records name it no more. Choose an entity from the
          list.
        </p>
      </div>
    );
  }

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
        <button type="submit" disabled={name.trim() === d.name || !name.trim()}>
          Save name
        </button>
        {d.nameEdited && <span className="muted small">set by hand; resolve keeps it</span>}
        <AddEntityToDiagramButton entityId={d.id} name={d.name} />
      </form>
      <p className="muted small">
        Entity {d.id} · {d.mentions.toLocaleString()} mentions ·{' '}
        {Object.entries(d.roles)
          .map(([role, n]) => `${n} as ${role}`)
          .join(', ')}
      </p>
      {shownNotice}
      <dl className="entity-facts">
        <dt>Identifiers</dt>
        <dd>{d.identifiers.length ? d.identifiers.join(', ') : '—'}</dd>
        <dt>Countries</dt>
        <dd>{d.countries.length ? d.countries.join(', ') : '—'}</dd>
      </dl>
      <MergeWith
        key={d.id}
        entity={d}
        onMerged={({ entity: into, judgementId }, other) => {
          setNotice({
            forId: into.id,
            text: `Merged “${d.name}” and “${other.name}”: ${into.mentions.toLocaleString()} mentions in entity ${into.id}.`,
            undo: { judgementId, what: `merge of “${d.name}” and “${other.name}”` },
          });
          if (into.id !== id) onOpen(into.id);
          void refresh();
        }}
      />
      <NamesSeen
        key={`names-${d.id}`}
        entity={d}
        onSplit={({ entity: created, judgementId }, names) => {
          setNotice({
            forId: id,
            text: `Split ${names.length} ${names.length === 1 ? 'name' : 'names'} into a new entity ${created.id}.`,
            open: { id: created.id, name: created.name },
            undo: { judgementId, what: 'split' },
          });
          void refresh();
        }}
      />
      <MentionedIn id={id} revision={revision} />
      <h4>Timeline</h4>
      <div className="timeline" aria-label="Shipments per month">
        {d.timeline.map((t) => (
          <span
            key={t.month}
            title={`${t.month}: ${t.count} records, ${usd(t.valueUsd)}`}
            style={{ height: `${(t.count / maxMonth) * 100}%` }}
          />
        ))}
      </div>
      <h4>Trade by counterparty and HS chapter</h4>
      <table className="entity-table">
        <thead>
          <tr>
            <th>Direction</th>
            <th>Counterparty</th>
            <th className="nowrap">HS ch.</th>
            <th className="right">Records</th>
            <th className="right">Value (USD)</th>
            <th>First</th>
            <th>Last</th>
          </tr>
        </thead>
        <tbody>
          {d.trade.map((t, i) => (
            <tr key={i}>
              <td className="nowrap">{t.direction === 'in' ? '← received' : '→ sent'}</td>
              <td>
                {t.counterpartyId !== null ? (
                  <button
                    className="link counterparty"
                    onClick={() => onOpen(t.counterpartyId!)}
                    title={`Open entity ${t.counterpartyId}`}
                  >
                    {t.counterparty}
                  </button>
                ) : (
                  t.counterparty
                )}
              </td>
              <td>{t.hsChapter ?? ''}</td>
              <td className="right">{t.count}</td>
              <td className="right">{usd(t.valueUsd)}</td>
              <td className="nowrap">{t.firstDate ?? ''}</td>
              <td className="nowrap">{t.lastDate ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
