import { useEffect, useState } from 'react';
import type { EntityDocumentMention } from '../../../../shared/domain/documents';
import { client } from '../../api/client';
import { openDocumentAt, termsOf } from '../documents/nav';

/** The document pages that name this entity; each opens the document at its page with the name marked. */
export function MentionedIn({ id, revision }: { id: number; revision: number }) {
  const [mentions, setMentions] = useState<EntityDocumentMention[] | null>(null);
  useEffect(() => {
    setMentions(null);
    void client.call('entities.documents', { id }).then((r) => setMentions(r.ok ? r.value : []));
  }, [id, revision]);
  if (!mentions) return null;
  return (
    <section aria-label="Mentioned in documents">
      <h4>Mentioned in documents ({mentions.length})</h4>
      {mentions.length === 0 ? (
        <p className="muted small">No document in this case names this company.</p>
      ) : (
        <ul className="mentioned-in">
          {mentions.map((m) => (
            <li key={`${m.documentId}:${m.page}:${m.start}`}>
              <button className="link" onClick={() => openDocumentAt(m.documentId, m.page, termsOf(m.text))}>
                {m.title}, page {m.page}
              </button>
              <span className="small muted"> {m.snippet}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
