import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiagramSummary } from '../../../../shared/domain/diagrams';
import { client } from '../../api/client';
import { askText } from '../../components/TextDialog';
import { formatDateTime } from '../../format';
import { navigate } from '../../router';
import { useApp } from '../../state/store';
import { CaseEditButton } from '../../components/CaseEditButton';

/** How long a deleted diagram can be brought back before it is really deleted. */
const UNDO_MS = 8000;

export const openDiagram = (id: number) => navigate({ section: 'diagrams', path: [String(id)], params: {} });

/**
 * The case's diagrams: open, make a new one, rename, delete. A delete is
 * held back for a few seconds with an Undo (the core deletes a diagram
 * outright), and done at once when the list is left.
 */
export function DiagramList() {
  const revision = useApp((s) => s.revision);
  const [list, setList] = useState<DiagramSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<DiagramSummary | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pendingRef = useRef<DiagramSummary | null>(null);

  const load = useCallback(() => {
    void client.call('diagrams.list', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error.message)));
  }, []);
  useEffect(load, [load, revision]);

  const reallyDelete = useCallback(
    async (d: DiagramSummary) => {
      pendingRef.current = null;
      setPending(null);
      const r = await client.call('diagrams.delete', { id: d.id });
      if (!r.ok) setError(r.error.message);
      load();
    },
    [load],
  );
  // Leaving the list finishes a delete in waiting.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (pendingRef.current) void client.call('diagrams.delete', { id: pendingRef.current.id });
    },
    [],
  );

  const create = async () => {
    const name = await askText({ title: 'New diagram', label: 'Name', initial: 'New diagram', action: 'Create' });
    if (!name) return;
    const r = await client.call('diagrams.create', { name });
    if (r.ok) openDiagram(r.value.id);
    else setError(r.error.message);
  };
  const rename = async (d: DiagramSummary) => {
    const name = await askText({ title: 'Rename diagram', label: 'Name', initial: d.name, action: 'Rename' });
    if (!name || name === d.name) return;
    const r = await client.call('diagrams.apply', { id: d.id, ops: [{ op: 'rename', name }] });
    if (!r.ok) setError(r.error.message);
    load();
  };
  const remove = (d: DiagramSummary) => {
    if (pendingRef.current) void reallyDelete(pendingRef.current);
    clearTimeout(timer.current);
    pendingRef.current = d;
    setPending(d);
    timer.current = setTimeout(() => void reallyDelete(d), UNDO_MS);
  };
  const undoDelete = () => {
    clearTimeout(timer.current);
    pendingRef.current = null;
    setPending(null);
  };

  const shown = (list ?? []).filter((d) => d.id !== pending?.id);
  return (
    <section className="diagram-list-section">
      <header className="toolbar">
        <h2>Diagrams</h2>
        <span className="spacer" />
        <CaseEditButton className="primary" onClick={() => void create()}>
          New diagram
        </CaseEditButton>
      </header>
      {error && (
        <p className="error pad" role="alert">
          {error}
        </p>
      )}
      {pending && (
        <div className="undo-bar" role="status">
          Deleted “{pending.name}”.{' '}
          <button className="link" onClick={undoDelete}>
            Undo
          </button>
        </div>
      )}
      {list && shown.length === 0 && (
        <div className="empty-section">
          <p>No diagrams yet. Make one here, or from the Records or an entity’s page with “Add to diagram”.</p>
        </div>
      )}
      <ul className="diagram-list">
        {shown.map((d) => (
          <li key={d.id}>
            <button className="link diagram-name" onClick={() => openDiagram(d.id)}>
              {d.name}
            </button>
            <span className="muted small">
              {d.nodes} nodes · {d.edges} edges · changed {formatDateTime(d.updatedAt)}
            </span>
            <span className="spacer" />
            <button onClick={() => void rename(d)} aria-label={`Rename ${d.name}`}>
              Rename
            </button>
            <button onClick={() => remove(d)} aria-label={`Delete ${d.name}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
