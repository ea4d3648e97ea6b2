import { useEffect, useRef, useState } from 'react';
import type { EntitySummary } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { SanctionsBadge, useSanctionHits } from '../../components/SanctionsBadge';
import { useApp } from '../../state/store';
import { ResolveButton } from './ResolveButton';

/** Entities, most mentioned first, filtered by any name they were seen under (in any script) or identifier. */
export function EntityList({
  query,
  typing,
  revision,
  selected,
  onSelect,
}: {
  query: string;
  /** The search box holds text the list has not been asked for yet. */
  typing: boolean;
  revision: number;
  selected: number | null;
  onSelect(id: number): void;
}) {
  const [items, setItems] = useState<EntitySummary[]>([]);
  // The query the items answer: until the answer to a new one arrives, the list says it is busy (and is dimmed), so
  // that a click never lands on a company of the search before without a sign.
  const [itemsFor, setItemsFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    let live = true;
    void client.call('entities.list', { query: query || undefined, limit: 500 }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setItems(r.value);
        setItemsFor(query);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [query, revision]);
  // The entity shown may be outside this search (a counterparty, a merge, a link): the list still names it, on top, so
  // that what is highlighted is always the entity on the page and never the one opened before.
  const [outside, setOutside] = useState<EntitySummary | null>(null);
  const listed = selected === null || items.some((e) => e.id === selected);
  useEffect(() => {
    if (listed || selected === null) return setOutside(null);
    let live = true;
    void client
      .call('entities.get', { id: selected })
      .then((r) => live && setOutside(r.ok && r.value.mentions > 0 ? r.value : null));
    return () => {
      live = false;
    };
  }, [listed, selected, revision]);
  // An entity opened from elsewhere is brought into view when the list shows it.
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, items, outside]);
  // Badges of the listed entities: one call for the list.
  const hits = useSanctionHits([...items.map((e) => e.id), ...(outside ? [outside.id] : [])]);
  if (error) return <p className="error panel">{error}</p>;
  if (items.length === 0 && !outside) {
    return <div className="empty-section">{query ? <p>Nothing matches “{query}”.</p> : <NoEntitiesYet />}</div>;
  }
  const shown = outside && outside.id === selected ? [outside, ...items] : items;
  return (
    <ul className="entity-list" aria-label="Entities" aria-busy={typing || itemsFor !== query} ref={listRef}>
      {shown.map((e) => (
        <li key={e.id} aria-current={selected === e.id ? 'true' : undefined} data-entity-id={e.id}>
          <button
            className={selected === e.id ? 'selected' : ''}
            aria-current={selected === e.id ? 'true' : undefined}
            onClick={() => onSelect(e.id)}
          >
            <span className="entity-name">{e.name}</span>
            <span className="muted small">
              {e === outside && 'Shown, not in this search · '}
              {e.country ?? '—'} · {e.mentions.toLocaleString()} mentions
              {e.aliases.length ? ` · ${e.aliases.length} other names` : ''}
              {e.identifiers.length ? ` · ${e.identifiers.join(', ')}` : ''}
            </span>
          </button>
          {/* Beside the button, not in it: the badge is a link to the hits. */}
          <SanctionsBadge summary={hits.get(e.id) ?? null} />
        </li>
      ))}
    </ul>
  );
}

/** No entities: either nothing is imported yet, or the records are there but were never resolved — then say so, with the way out. */
function NoEntitiesYet() {
  const records = useApp((s) => s.caseInfo?.counts.records ?? 0);
  if (records === 0) return <p>No entities yet. Import records, then resolve entities.</p>;
  return (
    <>
      <p>
        This case has {records.toLocaleString('en')} records, but their companies have not been resolved into entities
        yet.
      </p>
      <ResolveButton label="Resolve entities now" />
    </>
  );
}
