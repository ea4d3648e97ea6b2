import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createElement } from 'react';

type ReactPdf = typeof import('@react-pdf/renderer');

/** The PDF library, loaded on the first brief (≈1 s, 20 MB): nothing else needs it. */
export interface PdfLib {
  R: ReactPdf;
  h: typeof createElement;
  /** pdfkit's document class, the very one react-pdf writes with (its ESM build). */
  PDFDocument: { prototype: { end(): unknown; file(src: Uint8Array, options: Record<string, unknown>): unknown } };
}

const requireHere = createRequire(
  // The esbuild bundle is CommonJS (has __filename); vitest and tsx provide it too.
  typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'),
);
let loaded: Promise<PdfLib> | null = null;

export function loadPdfLib(): Promise<PdfLib> {
  loaded ??= (async () => {
    const [R, react] = await Promise.all([import('@react-pdf/renderer'), import('react')]);
    // react-pdf imports pdfkit as ESM; a require() would give a second copy of the class.
    const pdfkit = join(dirname(requireHere.resolve('pdfkit')), 'pdfkit.node.mjs');
    const { default: PDFDocument } = (await import(pathToFileURL(pdfkit).href)) as { default: PdfLib['PDFDocument'] };
    return { R, h: react.createElement, PDFDocument };
  })();
  return loaded;
}
