import { useDeferredValue, useEffect, useState } from 'react';
import type { EntityChange, EntitySummary } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp, useReadOnly } from '../../state/store';
import { NoteInput } from './NoteInput';

const RESULTS = 10;

/**
 * "Merge with…": find another entity by any of its names, choose it, confirm.
 * The merge is a "same" judgement that every later resolve keeps; the entity
 * with more mentions keeps its number.
 */
export function MergeWith({
  entity,
  onMerged,
}: {
  entity: EntitySummary;
  onMerged(merged: EntityChange, other: EntitySummary): void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const [results, setResults] = useState<EntitySummary[] | null>(null);
  const [chosen, setChosen] = useState<EntitySummary | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const setError = useApp((s) => s.setError);
  const readOnly = useReadOnly();

  useEffect(() => {
    if (!open || !query) return setResults(null);
    let live = true;
    void client.call('entities.list', { query, limit: RESULTS + 1 }).then((r) => {
      if (!live) return;
      if (r.ok) setResults(r.value.filter((e) => e.id !== entity.id).slice(0, RESULTS));
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [open, query, entity.id, setError]);

  function close() {
    setOpen(false);
    setText('');
    setChosen(null);
    setNote('');
  }
  async function merge(other: EntitySummary) {
    setBusy(true);
    const r = await client.call('entities.merge', { ids: [entity.id, other.id], note: note.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    close();
    onMerged(r.value, other);
  }

  if (!open) {
    return (
      <div className="merge-with">
        <button onClick={() => setOpen(true)} disabled={readOnly}>
          Merge with…
        </button>
      </div>
    );
  }
  return (
    <section className="merge-with open" aria-label="Merge with another entity">
      {chosen ? (
        <div className="merge-confirm">
          <p>
            Merge <strong>{entity.name}</strong> ({entity.mentions.toLocaleString()} mentions) and{' '}
            <strong>{chosen.name}</strong> ({chosen.mentions.toLocaleString()} mentions) into one entity?
          </p>
          <div className="merge-row">
            <NoteInput value={note} onChange={setNote} label="Note on the merge" />
            <button className="primary" onClick={() => void merge(chosen)} disabled={busy}>
              {busy ? 'Merging…' : 'Merge'}
            </button>
            <button onClick={() => setChosen(null)} disabled={busy}>
              Back
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="merge-row">
            <input
              type="search"
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && close()}
              placeholder="Find the other company by any name…"
              aria-label="Find an entity to merge with"
            />
            <button onClick={close}>Cancel</button>
          </div>
          {results?.length === 0 && <p className="muted small">No other entity has a name like that.</p>}
          {results && results.length > 0 && (
            <ul className="merge-results" aria-label="Entities to merge with">
              {results.map((e) => (
                <li key={e.id}>
                  <button onClick={() => setChosen(e)}>
                    <span className="entity-name">{e.name}</span>
                    <span className="muted small">
                      {e.country ?? '—'} · {e.mentions.toLocaleString()} mentions · entity {e.id}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
