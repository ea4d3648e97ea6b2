import { useState } from 'react';
import type { Annotation } from '../../../../shared/domain/diagrams';
import type { DiagramApi } from './use-diagram';

/** The notes on a node or an edge: add, edit, remove — each an undoable diagram edit. */
export function NotesEditor(props: {
  target: 'node' | 'edge';
  targetId: number;
  notes: Annotation[];
  apply: DiagramApi['apply'];
}) {
  const { target, targetId, notes, apply } = props;
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  return (
    <div className="notes-editor">
      <ul className="notes-list">
        {notes.map((a) =>
          editing?.id === a.id ? (
            <li key={a.id}>
              <textarea
                aria-label="Edit note"
                value={editing.text}
                autoFocus
                onChange={(e) => setEditing({ id: a.id, text: e.target.value })}
              />
              <button
                disabled={!editing.text.trim()}
                onClick={() =>
                  void apply([{ op: 'updateAnnotation', id: a.id, text: editing.text.trim() }]).then(() =>
                    setEditing(null),
                  )
                }
              >
                Save
              </button>
              <button className="link" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </li>
          ) : (
            <li key={a.id}>
              <p className="note-text">{a.text}</p>
              <span className="muted small">
                {a.createdBy}, {a.createdAt.slice(0, 10)}{' '}
              </span>
              <button className="link" onClick={() => setEditing({ id: a.id, text: a.text })}>
                Edit
              </button>{' '}
              <button className="link" onClick={() => void apply([{ op: 'removeAnnotation', id: a.id }])}>
                Remove
              </button>
            </li>
          ),
        )}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const text = draft.trim();
          if (text) void apply([{ op: 'annotate', target, targetId, text }]).then((r) => r && setDraft(''));
        }}
      >
        <textarea
          aria-label={`Add a note to this ${target}`}
          placeholder="Add a note…"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={!draft.trim()}>
          Add note
        </button>
      </form>
    </div>
  );
}
