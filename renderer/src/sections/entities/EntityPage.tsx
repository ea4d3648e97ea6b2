import { useEffect, useRef, useState } from 'react';
import type { EntityDetail } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { SanctionsBadge } from '../../components/SanctionsBadge';
import { navigate } from '../../router';
import { useApp } from '../../state/store';
import { entityRecordsParams, type EntityRecordsAsk } from '../records/record-route';
import { Counterparties } from './Counterparties';
import { CounterpartyLanes } from './CounterpartyLanes';
import { AddEntityToDiagramButton } from '../diagrams/AddToDiagram';
import { EntityNotice, type Notice } from './EntityNotice';
import { MentionedIn } from './MentionedIn';
import { MergeWith } from './MergeWith';
import { NamesSeen } from './NamesSeen';
import { Timeline } from './Timeline';
import './entity-story.css';

/** The Records section listing some of an entity's records: a place of its own, so Back returns to the entity. */
const openRecords = (ask: EntityRecordsAsk) =>
  navigate({ section: 'records', path: [], params: entityRecordsParams(ask) });

/**
 * One entity, its story first: who it trades with (each number opens the
 * records behind it), then when (a timeline whose bars open their month),
 * the documents that name it, and last the names and scripts it is written
 * in (some can be split off), with the canonical name editable and merges.
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
  return (
    <article className="entity-page panel" aria-label="Entity">
      <form className="entity-title" onSubmit={(e) => (e.preventDefault(), void rename())}>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} aria-label="Canonical name" />
        <button type="submit" disabled={name.trim() === d.name || !name.trim()}>
          Save name
        </button>
        {d.nameEdited && <span className="muted small">set by hand; resolve keeps it</span>}
        <SanctionsBadge entityId={d.id} />
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
      <Counterparties
        entityId={d.id}
        entityName={d.name}
        rows={d.counterparties}
        onOpen={onOpen}
        onRecords={openRecords}
      />
      <Timeline timeline={d.timeline} onMonth={(range) => openRecords({ entityId: d.id, ...range })} />
      <CounterpartyLanes entityId={d.id} revision={revision} onRecords={openRecords} />
      <p className="small">
        <a href={`#/records?entity=${d.id}`}>Every record that names it, in any role →</a>
      </p>
      <MentionedIn id={id} revision={revision} />
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
    </article>
  );
}
