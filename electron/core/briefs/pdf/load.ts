import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createElement, ReactElement, ReactNode } from 'react';

type ReactPdf = typeof import('@react-pdf/renderer');

/** The PDF library, loaded on the first brief (≈1 s, 20 MB): nothing else needs it. */
export interface PdfLib {
  R: ReactPdf;
  h: typeof createElement;
  /** pdfkit's document class, the very one react-pdf writes with (its ESM build). */
  /**
   * A react-pdf Text that breaks lines at spaces rather than inside words: a word drawn in two
   * fonts (Cyrillic letters, a Latin full stop) is two "syllables" to react-pdf, and a break
   * between them gets a hyphen from a font subset that has none (a box).
   */
  text: (props: Record<string, unknown> | null, ...children: ReactNode[]) => ReactElement;
  PDFDocument: { prototype: PdfKitDocument };
}

/** The parts of pdfkit's document the brief hooks into. */
export interface PdfKitDocument {
  end(): unknown;
  file(src: Uint8Array, options: Record<string, unknown>): unknown;
  font(src: unknown, family?: unknown, size?: unknown): unknown;
  fontSize(size: number): unknown;
  _font: unknown;
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
    const h = react.createElement;
    const text: PdfLib['text'] = (props, ...children) =>
      h(R.Text, { hyphenationPenalty: 5000, ...props } as never, ...children);
    return { R, h, text, PDFDocument };
  })();
  return loaded;
}
