import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentContent, DocumentInfo, DocumentPage } from '../../../../shared/domain/documents';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { ExcerptsList } from './ExcerptsList';
import { HtmlView } from './HtmlView';
import { ImageView } from './ImageView';
import { MetadataForm } from './MetadataForm';
import { OcrButton } from './OcrButton';
import { quoteTerms } from './highlight';
import { useDocumentsNav } from './nav';
import { PdfView } from './PdfView';
import { selectionIn, type PageSelection, type SelectionReader } from './selection';
import { TextView } from './TextView';

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** One document: its content as it is, page navigation, its metadata and its excerpts, and Create excerpt from a selection. */
export function DocumentViewer({ id }: { id: number }) {
  const { page, terms, seq, setPage, open, close } = useDocumentsNav();
  const setError = useApp((s) => s.setError);
  const [info, setInfo] = useState<DocumentInfo | null>(null);
  const [content, setContent] = useState<DocumentContent | null>(null);
  const [pages, setPages] = useState<DocumentPage[] | null>(null);
  const [zoom, setZoom] = useState(1);
  const [excerptsRev, setExcerptsRev] = useState(0);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const selectionRef = useRef<SelectionReader | null>(null);
  // The last text selected in the view, kept while the person types a note (which moves the browser's selection).
  const [pending, setPending] = useState<PageSelection | null>(null);
  useEffect(() => {
    const capture = () => {
      const sel = selectionRef.current?.() ?? null;
      if (sel)
        setPending((p) => (p && p.quote === sel.quote && p.page === sel.page && p.start === sel.start ? p : sel));
    };
    // Selections in this page raise an event; a sandboxed frame's raise none this page can hear, so it is also polled.
    document.addEventListener('selectionchange', capture);
    const timer = setInterval(capture, 250);
    return () => {
      document.removeEventListener('selectionchange', capture);
      clearInterval(timer);
    };
  }, []);
  useEffect(() => setPending(null), [id, page]);

  useEffect(() => {
    setInfo(null);
    setContent(null);
    setPages(null);
    void client.call('documents.get', { id }).then((r) => (r.ok ? setInfo(r.value) : setError(r.error.message)));
    void client.call('documents.content', { id }).then((r) => (r.ok ? setContent(r.value) : setError(r.error.message)));
  }, [id, setError]);
  useEffect(() => {
    if (info?.kind === 'text') void client.call('documents.pages', { id }).then((r) => r.ok && setPages(r.value));
  }, [info, id]);

  const bytes = useMemo(() => (content ? fromBase64(content.base64) : null), [content]);
  const imageSrc = useMemo(
    () => (content && info?.kind === 'image' ? `data:${content.mediaType};base64,${content.base64}` : null),
    [content, info],
  );

  if (!info || !content)
    return (
      <div className="doc-viewer">
        <p className="muted pad">Loading…</p>
      </div>
    );
  const pageCount = info.pages;
  const go = (p: number) => setPage(Math.min(Math.max(1, p), pageCount));

  async function createExcerpt() {
    const sel = selectionRef.current?.() ?? pending;
    if (!sel) return setStatus('Select the text to quote first, then Create excerpt.');
    const r = await client.call('excerpts.create', {
      documentId: id,
      page: sel.page,
      quote: sel.quote,
      note: note.trim() || undefined,
      start: sel.start,
    });
    if (!r.ok) return setError(r.error.message);
    setNote('');
    setPending(null);
    setStatus(`Excerpt ${r.value.id} saved (page ${r.value.page}).`);
    setExcerptsRev((n) => n + 1);
  }

  let body: ReactNode;
  if (info.kind === 'pdf' && bytes) {
    selectionRef.current = () => {
      const s = selectionIn(window, page);
      return s && { quote: s.quote, page }; // text-layer offsets are not the page text's: the backend locates the quote
    };
    body = <PdfView bytes={bytes} page={page} terms={terms} zoom={zoom} />;
  } else if ((info.kind === 'html' || info.kind === 'docx') && content.viewHtml) {
    body = <HtmlView html={content.viewHtml} page={page} terms={terms} seq={seq} selectionRef={selectionRef} />;
  } else if (info.kind === 'image' && imageSrc) {
    selectionRef.current = null;
    body = <ImageView src={imageSrc} zoom={zoom} alt={info.title} />;
  } else {
    body = pages ? (
      <TextView pages={pages} page={page} terms={terms} seq={seq} selectionRef={selectionRef} />
    ) : (
      <p className="muted pad">Loading…</p>
    );
  }

  return (
    <div className="doc-viewer" aria-label="Document viewer">
      <header className="doc-toolbar">
        <button className="link" onClick={close}>
          ← Documents
        </button>
        <strong className="doc-title" title={info.title}>
          {info.title}
        </strong>
        <span className="spacer" />
        <div className="pager" role="group" aria-label="Pages">
          <button onClick={() => go(page - 1)} disabled={page <= 1} aria-label="Previous page">
            ‹
          </button>
          <label className="small">
            Page{' '}
            <input
              type="number"
              min={1}
              max={pageCount}
              value={page}
              onChange={(e) => go(Number(e.target.value))}
              aria-label="Page number"
            />{' '}
            of {pageCount}
          </label>
          <button onClick={() => go(page + 1)} disabled={page >= pageCount} aria-label="Next page">
            ›
          </button>
        </div>
        {(info.kind === 'pdf' || info.kind === 'image') && (
          <div className="pager" role="group" aria-label="Zoom">
            <button onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))} aria-label="Zoom out">
              −
            </button>
            <span className="small">{Math.round(zoom * 100)}%</span>
            <button onClick={() => setZoom((z) => Math.min(8, z * 1.25))} aria-label="Zoom in">
              +
            </button>
          </div>
        )}
      </header>
      <div className="doc-main">
        {/* Focusable, so that the page can be scrolled with the keyboard. */}
        <div className="doc-content" tabIndex={0} role="region" aria-label="Document content">
          {body}
        </div>
        <aside className="doc-side">
          {info.kind !== 'image' && (
            <section className="excerpt-form" aria-label="Create excerpt">
              <h4>Cite</h4>
              {pending ? (
                <p className="small pending-quote" aria-label="Selected text">
                  Page {pending.page}:{' '}
                  <q>{pending.quote.length > 200 ? `${pending.quote.slice(0, 200)}…` : pending.quote}</q>
                </p>
              ) : (
                <p className="small muted">Select text in the document to quote it.</p>
              )}
              <textarea placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
              {/* mousedown must not take the selection away before the click reads it */}
              <button
                className="primary"
                disabled={!pending}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void createExcerpt()}
              >
                Create excerpt from selection
              </button>
              {status && (
                <p className="small muted" role="status">
                  {status}
                </p>
              )}
            </section>
          )}
          {info.textStatus === 'no_text' && (
            <OcrButton
              info={info}
              onDone={() => void client.call('documents.get', { id }).then((r) => r.ok && setInfo(r.value))}
            />
          )}
          <ExcerptsList
            documentId={id}
            revision={excerptsRev}
            onOpen={(e) => open(e.documentId, e.page, quoteTerms(e.quote))}
          />
          <MetadataForm info={info} onSaved={setInfo} />
          <button
            className="link small"
            onClick={async () => {
              if (!window.confirm(`Remove “${info.title}” and its stored bytes from the case?`)) return;
              const r = await client.call('documents.delete', { id });
              if (!r.ok) return setError(r.error.message);
              close();
            }}
          >
            Remove document from case
          </button>
        </aside>
      </div>
    </div>
  );
}
