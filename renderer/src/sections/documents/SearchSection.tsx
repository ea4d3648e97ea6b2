import { useDeferredValue, useEffect, useState } from 'react';
import type { SearchHit } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { intOrNull, setParams, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { RecordDetail } from '../records/RecordDetail';
import { highlightSnippet } from './Snippet';
import { openDocumentAt, termsOf } from './nav';
import './documents.css';

/**
 * One search over the whole case: customs records and document pages
 * together (`search.query`). A document hit opens the document at its page
 * with the terms marked; a record hit shows the record with its provenance.
 */
export function SearchSection() {
  const revision = useApp((s) => s.revision);
  const setError = useApp((s) => s.setError);
  // The search text and the record open beside the results live in the URL (`#/search?q=…&record=12`).
  const params = useRoute((s) => s.route.params);
  const text = params.q ?? '';
  const query = useDeferredValue(text.trim());
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const record = intOrNull(params.record);
  const setRecord = (id: number | null) => setParams({ record: id === null ? undefined : String(id) }, { push: true });
  useEffect(() => {
    if (!query) return setHits(null);
    let current = true;
    void client.call('search.query', { query, limit: 100 }).then((r) => current && (r.ok ? setHits(r.value) : setError(r.error.message)));
    return () => {
      current = false;
    };
  }, [query, revision, setError]);
  const terms = termsOf(query);
  const docs = hits?.filter((h) => h.kind === 'document').length ?? 0;
  return (
    <section className="documents-section">
      <header className="toolbar">
        <h2>Search</h2>
        <input type="search" autoFocus placeholder="Names, goods, places… in records and documents" value={text} onChange={(e) => setParams({ q: e.target.value })} aria-label="Search the case" />
        {hits && <span className="muted small" aria-live="polite">{hits.length - docs} records · {docs} document pages</span>}
      </header>
      <div className="records-body">
        <div className="panel search-results">
          {!hits && <p className="muted">Search every customs record and every page of every document at once.</p>}
          <ul className="hits" aria-label="Search results">
            {hits?.map((h) => (
              <li key={`${h.kind}-${h.id}-${h.page ?? h.row}`}>
                <button
                  className="hit-open"
                  onClick={() => (h.kind === 'document' ? openDocumentAt(h.id, h.page ?? 1, terms) : setRecord(h.id))}
                >
                  <span className={`kind ${h.kind}`}>{h.kind === 'document' ? 'Document' : 'Record'}</span>{' '}
                  <strong>{h.kind === 'document' ? h.title : `Import ${h.importId}, row ${h.row}`}</strong>
                  {h.kind === 'document' && <span className="muted small"> page {h.page}</span>}
                  <span className="snippet">{highlightSnippet(h.snippet, terms)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        {record !== null && <RecordDetail id={record} onClose={() => setRecord(null)} />}
      </div>
    </section>
  );
}
