import { useEffect, useRef } from 'react';
import { clearHighlights, highlightTerms, scrollWithin } from './highlight';
import { selectionIn, type SelectionReader } from './selection';

/**
 * A web page or Word document as the sanitized static HTML stored with it,
 * in a sandboxed frame: no scripts (no allow-scripts), no forms, no popups,
 * no navigation, and the HTML's own CSP forbids every load but inline
 * images. allow-same-origin only lets this view read the selection and
 * mark the terms; the frame can run nothing to make use of it.
 */
export function HtmlView({
  html,
  page,
  terms,
  seq,
  selectionRef,
}: {
  html: string;
  page: number;
  terms: string[];
  seq: number;
  selectionRef: { current: SelectionReader | null };
}) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  selectionRef.current = () => selectionIn(frameRef.current?.contentWindow ?? null, page);
  const show = () => {
    const doc = frameRef.current?.contentDocument;
    if (!doc?.body) return;
    clearHighlights(doc.body);
    const section = doc.querySelector(`section[data-page="${page}"]`);
    if (section) highlightTerms(section, terms);
    scrollWithin(doc.scrollingElement, section?.querySelector('mark.hit') ?? section);
  };
  useEffect(show, [page, terms, seq]);
  return (
    <iframe
      ref={frameRef}
      className="html-view"
      title="Document content"
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
      srcDoc={html}
      onLoad={show}
    />
  );
}
