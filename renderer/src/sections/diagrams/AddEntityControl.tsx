import { useEffect, useState } from 'react';
import type { EntitySummary } from '../../../../shared/domain/entities';
import { client } from '../../api/client';

/** "+ Entity": finds a company by any of its names (any script) and adds it to the diagram. */
export function AddEntityControl({ onAdd }: { onAdd(entity: EntitySummary): void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<EntitySummary[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setFound([]);
    let live = true;
    const t = setTimeout(
      () => void client.call('entities.list', { query: q, limit: 12 }).then((r) => live && r.ok && setFound(r.value)),
      200,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);
  return (
    <details className="toolbar-popover">
      <summary>+ Entity</summary>
      <div className="popover-body">
        <input
          type="search"
          autoFocus
          placeholder="Company name…"
          aria-label="Find an entity to add"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul className="popover-list">
          {found.map((e) => (
            <li key={e.id}>
              <button
                className="link"
                onClick={(ev) => {
                  onAdd(e);
                  ev.currentTarget.closest('details')?.removeAttribute('open');
                }}
              >
                {e.name} <span className="muted small">{e.country ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
