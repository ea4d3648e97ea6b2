import { useEffect, useRef } from 'react';
import type { DocumentPage } from '../../../../shared/domain/documents';
import { clearHighlights, highlightTerms, scrollWithin } from './highlight';
import { selectionIn, type SelectionReader } from './selection';

/** Text documents as their pages, exactly as stored (so selections map onto excerpt offsets). */
export function TextView({
  pages,
  page,
  terms,
  seq,
  selectionRef,
}: {
  pages: DocumentPage[];
  page: number;
  terms: string[];
  seq: number;
  selectionRef: { current: SelectionReader | null };
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  selectionRef.current = () => selectionIn(window, page);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    clearHighlights(root);
    const target = root.querySelector(`[data-page="${page}"]`);
    if (target) highlightTerms(target, terms);
    scrollWithin(root.closest('.doc-content'), target?.querySelector('mark.hit') ?? target?.parentElement ?? null);
  }, [pages, page, terms, seq]);
  return (
    <div className="text-view" ref={rootRef}>
      {pages.map((p) => (
        <section key={p.page} className="text-page" aria-label={`Page ${p.page}`}>
          <div className="page-label muted small">
            Page {p.page}
            {p.source === 'ocr' ? ' · text read by OCR' : ''}
          </div>
          <pre data-page={p.page}>{p.text || '(no text on this page)'}</pre>
        </section>
      ))}
    </div>
  );
}
