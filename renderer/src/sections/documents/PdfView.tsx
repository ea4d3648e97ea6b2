import { useEffect, useRef, useState } from 'react';
import { openPdf, pdfjs } from './pdf';
import { highlightTerms, scrollWithin } from './highlight';

type Doc = Awaited<ReturnType<typeof openPdf>['promise']>;

/**
 * One page of a PDF at a time: the canvas for what it looks like, pdf.js's
 * text layer above it for selecting text (and so cutting excerpts), with
 * the terms highlighted.
 */
export function PdfView({
  bytes,
  page,
  terms,
  zoom,
}: {
  bytes: Uint8Array;
  page: number;
  terms: string[];
  zoom: number;
}) {
  const [doc, setDoc] = useState<Doc | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // pdf.js detaches the buffer it is given: hand it a copy.
    const task = openPdf(bytes.slice());
    let alive = true;
    task.promise.then(
      (d) => {
        if (alive) setDoc(d);
      },
      (e: unknown) => alive && setError(`This PDF cannot be shown: ${String(e)}`),
    );
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc || page < 1 || page > doc.numPages) return;
    let cancelled = false;
    let renderTask: ReturnType<Awaited<ReturnType<Doc['getPage']>>['render']> | null = null;
    let textLayer: InstanceType<typeof pdfjs.TextLayer> | null = null;
    // Which page the canvas shows once pdf.js has drawn it (`data-drawn`): until then the canvas is blank,
    // or still the page before, and a test or screenshot must wait for it.
    delete wrapRef.current?.dataset.drawn;
    void (async () => {
      const p = await doc.getPage(page);
      if (cancelled) return;
      const scale = zoom * 1.4;
      const viewport = p.getViewport({ scale });
      const canvas = canvasRef.current!;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      wrapRef.current!.style.setProperty('--scale-factor', String(scale));
      wrapRef.current!.style.setProperty('--total-scale-factor', String(scale));
      wrapRef.current!.style.width = `${Math.floor(viewport.width)}px`;
      wrapRef.current!.style.height = `${Math.floor(viewport.height)}px`;
      renderTask = p.render({
        canvas,
        canvasContext: canvas.getContext('2d')!,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      });
      const container = textRef.current!;
      container.replaceChildren();
      textLayer = new pdfjs.TextLayer({ textContentSource: p.streamTextContent(), container, viewport });
      await Promise.all([renderTask.promise, textLayer.render()]);
      if (cancelled) return;
      wrapRef.current!.dataset.drawn = String(page);
      highlightTerms(container, terms);
      scrollWithin(wrapRef.current?.closest('.doc-content') ?? null, container.querySelector('mark.hit'));
    })().catch((e: unknown) => {
      if (!cancelled && !String(e).includes('Rendering cancelled'))
        setError(`Page ${page} cannot be shown: ${String(e)}`);
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [doc, page, terms, zoom]);

  if (error) return <p className="error">{error}</p>;
  return (
    <div className="pdf-page" ref={wrapRef} data-page={page}>
      <canvas ref={canvasRef} aria-label={`Page ${page}`} />
      <div className="textLayer" ref={textRef} />
    </div>
  );
}
