import { useEffect, useState } from 'react';
import type { Excerpt } from '../../../../shared/domain/documents';
import { client } from '../../api/client';
import { CiteButton } from '../briefs/cite';
import { useApp } from '../../state/store';

/** Excerpts of one document (or, without a document, of the whole case), each opening at its page with its quote marked. */
export function ExcerptsList({
  documentId,
  revision = 0,
  onOpen,
}: {
  documentId?: number;
  revision?: number;
  onOpen(e: Excerpt): void;
}) {
  const [items, setItems] = useState<Excerpt[] | null>(null);
  const caseRevision = useApp((s) => s.revision);
  const setError = useApp((s) => s.setError);
  useEffect(() => {
    void client
      .call('excerpts.list', { documentId })
      .then((r) => (r.ok ? setItems(r.value) : setError(r.error.message)));
  }, [documentId, revision, caseRevision, setError]);
  async function remove(e: Excerpt) {
    if (!window.confirm(`Delete excerpt ${e.id}?`)) return;
    const r = await client.call('excerpts.delete', { id: e.id });
    if (!r.ok) return setError(r.error.message);
    setItems((xs) => xs?.filter((x) => x.id !== e.id) ?? null);
  }
  return (
    <section className="excerpts" aria-label="Excerpts">
      <h4>Excerpts {items ? `(${items.length})` : ''}</h4>
      {items?.length === 0 && (
        <p className="muted small">None yet. Select text in the document, then Create excerpt.</p>
      )}
      <ul>
        {items?.map((e) => (
          <li key={e.id} className="excerpt">
            <button className="excerpt-open" onClick={() => onOpen(e)} title="Open at its page">
              <span className="muted small">
                {documentId === undefined ? `${e.documentTitle ?? `Document ${e.documentId}`} · ` : ''}p. {e.page}
              </span>
              <q>{e.quote}</q>
            </button>
            {e.note && <p className="small">{e.note}</p>}
            <button className="link small" onClick={() => void remove(e)}>
              Delete
            </button>{' '}
            <CiteButton
              className="link small"
              cite={() => ({ kind: 'excerpt', id: e.id })}
              what={`The excerpt “${e.quote}”`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
