import { useDeferredValue, useEffect, useState } from 'react';
import type { DocumentInfo } from '../../../../shared/domain/documents';
import type { SearchHit } from '../../../../shared/domain/records';
import { client } from '../../api/client';
import { formatDate } from '../../format';
import { setParams, useRoute } from '../../router';
import { useApp } from '../../state/store';
import { AddDocumentButton } from './AddDocumentButton';
import { DocumentViewer } from './DocumentViewer';
import { ExcerptsList } from './ExcerptsList';
import { quoteTerms } from './highlight';
import { highlightSnippet } from './Snippet';
import { termsOf, useDocumentsNav } from './nav';
import './documents.css';

const KIND_LABEL: Record<string, string> = { pdf: 'PDF', html: 'Web page', docx: 'Word', text: 'Text', image: 'Image' };

/** Source documents: the list, search over every page, the case's excerpts, and the viewer. */
export function DocumentsSection() {
  const { documentId, open } = useDocumentsNav();
  const params = useRoute((s) => s.route.params);
  const revision = useApp((s) => s.revision);
  const setError = useApp((s) => s.setError);
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null);
  // The search text and the tab live in the URL, so they survive a visit to another section, Back and reload.
  const tab = params.tab === 'excerpts' ? 'excerpts' : 'documents';
  const setTab = (t: 'documents' | 'excerpts') => setParams({ tab: t === 'excerpts' ? t : undefined }, { push: true });
  const text = params.q ?? '';
  const setText = (q: string) => setParams({ q });
  const query = useDeferredValue(text.trim());
  const [hits, setHits] = useState<SearchHit[] | null>(null);

  useEffect(() => {
    void client.call('documents.list', {}).then((r) => (r.ok ? setDocs(r.value) : setError(r.error.message)));
  }, [revision, documentId, setError]);
  useEffect(() => {
    if (!query) return setHits(null);
    let current = true;
    void client
      .call('documents.search', { query, limit: 200 })
      .then((r) => current && (r.ok ? setHits(r.value) : setError(r.error.message)));
    return () => {
      current = false;
    };
  }, [query, revision, setError]);

  if (documentId !== null) return <DocumentViewer key={documentId} id={documentId} />;
  const terms = termsOf(query);
  return (
    <section className="documents-section">
      <header className="toolbar">
        <h2>Documents</h2>
        <input
          type="search"
          placeholder="Search the text of every document…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Search documents"
        />
        <div className="tabs" role="tablist">
          <button
            role="tab"
            aria-selected={tab === 'documents'}
            className={tab === 'documents' ? 'active' : ''}
            onClick={() => setTab('documents')}
          >
            Documents
          </button>
          <button
            role="tab"
            aria-selected={tab === 'excerpts'}
            className={tab === 'excerpts' ? 'active' : ''}
            onClick={() => setTab('excerpts')}
          >
            All excerpts
          </button>
        </div>
        <span className="spacer" />
        <AddDocumentButton onAdded={(added) => added.length === 1 && !added[0]!.alreadyAdded && setDocs(null)} />
      </header>
      <div className="panel">
        {hits ? (
          <section aria-label="Search results">
            <p className="muted small" aria-live="polite">
              {hits.length} page{hits.length === 1 ? '' : 's'} found
            </p>
            <ul className="hits">
              {hits.map((h) => (
                <li key={`${h.id}-${h.page}`}>
                  <button className="hit-open" onClick={() => open(h.id, h.page ?? 1, terms)}>
                    <strong>{h.title}</strong> <span className="muted small">page {h.page}</span>
                    <span className="snippet">{highlightSnippet(h.snippet, terms)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : tab === 'excerpts' ? (
          <ExcerptsList onOpen={(e) => open(e.documentId, e.page, quoteTerms(e.quote))} />
        ) : docs && docs.length === 0 ? (
          <div className="empty-section">
            <p>No documents yet. Add news reports, filings, saved web pages, scans: PDF, HTML, DOCX, text or images.</p>
          </div>
        ) : (
          <table className="grid documents-table">
            <thead>
              <tr>
                <th>Title</th>
                <th>Kind</th>
                <th>Pages</th>
                <th>Text</th>
                <th>Excerpts</th>
                <th>Added</th>
              </tr>
            </thead>
            <tbody>
              {docs?.map((d) => (
                <tr key={d.id} className="clickable" onClick={() => open(d.id)}>
                  <td>
                    <button className="link" onClick={() => open(d.id)}>
                      {d.title}
                    </button>
                    <div className="muted small">
                      {d.fileName}
                      {d.flags.length > 0 && (
                        <span className="flag" title={d.flags.join(', ')}>
                          active content stripped
                        </span>
                      )}
                    </div>
                  </td>
                  <td>{KIND_LABEL[d.kind] ?? d.kind}</td>
                  <td>{d.pages}</td>
                  <td>
                    {d.textStatus === 'no_text' ? (
                      <span className="flag">no text</span>
                    ) : d.textStatus === 'ocr' ? (
                      'OCR'
                    ) : (
                      '✓'
                    )}
                  </td>
                  <td>{d.excerpts}</td>
                  <td className="small">{formatDate(d.addedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
