import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is a file of our own build, served from our own origin (CSP worker-src 'self').
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * pdf.js's character maps (Chinese, Japanese, Korean PDFs with predefined
 * CMaps), shipped with the renderer as assets: Vite copies each file and
 * gives its URL, so nothing is fetched from anywhere but our own origin.
 */
const CMAPS = import.meta.glob('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Small files are inlined by Vite as data: URLs, which the CSP does not let fetch() read: decode those here. */
async function load(url: string): Promise<Uint8Array> {
  if (url.startsWith('data:')) return Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

class BundledCMapReaderFactory {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const key = Object.keys(CMAPS).find((k) => k.endsWith(`/${name}.bcmap`));
    if (!key) throw new Error(`No CMap ${name}`);
    return { cMapData: await load(CMAPS[key]!), isCompressed: true };
  }
}

/**
 * Opens a stored PDF for viewing. Eval is off, scripting is never enabled
 * (pdf.js's sandbox is not even loaded), XFA forms are not rendered, and
 * links are not followed by anything we show.
 */
export function openPdf(bytes: Uint8Array): pdfjs.PDFDocumentLoadingTask {
  return pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    CMapReaderFactory: BundledCMapReaderFactory as never,
    cMapPacked: true,
  });
}

export { pdfjs };
