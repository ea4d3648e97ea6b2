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
   * A react-pdf Text that breaks lines at spaces, never where a word changes font. textkit's
   * wrapWords splits words run by run (a run: text in one font), so `АРТ.` — Cyrillic letters
   * from the Cyrillic subset, the full stop from the Latin one — is two "syllables"; getNodes
   * puts a hyphenation penalty between them, and breakLines, breaking there, appends U+002D in
   * the last run's font: the Cyrillic subset has no hyphen, so a box, and the full stop starts
   * the next line. Only a penalty of exactly textkit's infinity is no break point at all. (A word
   * wider than its box goes to textkit's best-fit fallback, which may break it there; a run of
   * Chinese has break points of its own between characters, han-breaks.ts.)
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

/** textkit's `linebreak.infinity`: Knuth–Plass skips a penalty of this value as a break point (a lower one, however high, is still taken when a line would overflow otherwise). */
const NO_BREAK = 10000;

export function loadPdfLib(): Promise<PdfLib> {
  loaded ??= (async () => {
    const [R, react] = await Promise.all([import('@react-pdf/renderer'), import('react')]);
    // react-pdf imports pdfkit as ESM; a require() would give a second copy of the class.
    const pdfkit = join(dirname(requireHere.resolve('pdfkit')), 'pdfkit.node.mjs');
    const { default: PDFDocument } = (await import(pathToFileURL(pdfkit).href)) as { default: PdfLib['PDFDocument'] };
    const h = react.createElement;
    const text: PdfLib['text'] = (props, ...children) =>
      h(R.Text, { hyphenationPenalty: NO_BREAK, ...props } as never, ...children);
    return { R, h, text, PDFDocument };
  })();
  return loaded;
}
