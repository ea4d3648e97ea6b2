import { useState } from 'react';
import type { EntityChange, EntityDetail } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { NoteInput } from './NoteInput';

/**
 * Every name the entity was seen under. Ticked names can leave for a new
 * entity: a "not the same" judgement that every later resolve keeps.
 */
export function NamesSeen({
  entity,
  onSplit,
}: {
  entity: EntityDetail;
  onSplit(split: EntityChange, names: string[]): void;
}) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const setError = useApp((s) => s.setError);
  const chosen = entity.names.filter((n) => ticked.has(n.name)).map((n) => n.name);
  const all = chosen.length === entity.names.length;

  function toggle(name: string, on: boolean) {
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  }
  async function split() {
    setBusy(true);
    const r = await client.call('entities.split', { id: entity.id, names: chosen, note: note.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setTicked(new Set());
    setNote('');
    onSplit(r.value, chosen);
  }

  return (
    <section className="names-seen" aria-label="Names seen">
      <h4>Names seen ({entity.names.length})</h4>
      <div className="names-actions">
        <button onClick={() => void split()} disabled={busy || chosen.length === 0 || all}>
          {chosen.length === 0
            ? 'Split names into a new entity'
            : `Split ${chosen.length} ${chosen.length === 1 ? 'name' : 'names'} into a new entity`}
        </button>
        {chosen.length > 0 && !all && <NoteInput value={note} onChange={setNote} label="Note on the split" />}
        <span className="muted small">
          {chosen.length === 0
            ? 'Tick the names that belong to another company.'
            : all
              ? 'At least one name must stay with this entity.'
              : ''}
        </span>
      </div>
      <table className="entity-table">
        <thead>
          <tr>
            <th className="tick" />
            <th>Name as written</th>
            <th>Script</th>
            <th>Legal form</th>
            <th className="right">Mentions</th>
          </tr>
        </thead>
        <tbody>
          {entity.names.map((n) => (
            <tr key={n.name} className={ticked.has(n.name) ? 'ticked' : ''}>
              <td className="tick">
                <input
                  type="checkbox"
                  value={n.name}
                  checked={ticked.has(n.name)}
                  onChange={(e) => toggle(n.name, e.target.checked)}
                  aria-label={`Split off ${n.name}`}
                />
              </td>
              <td className="as-written">{n.name}</td>
              <td>{n.scripts.join(' + ')}</td>
              <td>{n.legalForm ?? ''}</td>
              <td className="right">{n.mentions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
