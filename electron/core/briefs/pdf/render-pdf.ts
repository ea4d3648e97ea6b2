/**
 * Renders brief data to PDF bytes. Reproducible: the same data gives the
 * same bytes — the dates (and the document ID pdfkit derives from them) are
 * the version's, the fonts are chosen from the text alone, and the
 * attachments carry the version's date too.
 */
import type { BriefData } from '../brief-data';
import { facesFor, fontDataUrl } from '../fonts';
import { attachmentsOf, type Attachment } from './attachments';
import { briefDocument } from './document';
import { loadPdfLib, type PdfKitDocument, type PdfLib } from './load';
import { hanBreaks } from './han-breaks';

/** C0 controls (but tab and newline; CR ends a line as LF), DEL and lone surrogates: drawn as U+FFFD, never passed to the layout. */
const CONTROL =
  /[\u0000-\u0008\u000B-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every string in the data with control characters shown as U+FFFD and characters no font has as "?". */
function cleanStrings<T>(value: T, clean: (s: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cleanStrings(v, clean)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v, clean)])) as T;
  return value;
}

const registered = new Set<string>();

function fontsFor(lib: PdfLib, text: string): { families: string[]; missing: Set<string> } {
  const { faces, missing } = facesFor(text);
  for (const f of faces) {
    if (registered.has(f.family)) continue;
    lib.R.Font.register({
      family: f.family,
      fonts: [
        { src: fontDataUrl(f.files[400]), fontWeight: 400 },
        { src: fontDataUrl(f.files[700]), fontWeight: 700 },
      ],
    });
    registered.add(f.family);
  }
  return { families: faces.map((f) => f.family), missing };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * One render at a time in a process: pdfkit's document is hooked (react-pdf
 * does not expose it) and the hooks must see only this render's document.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Runs a render with two hooks on pdfkit's document: the attachments are
 * added as it ends, and a font is embedded once per document. (pdfkit keys
 * fonts given as objects by their PostScript name, which every fontsource
 * subset shares — "NotoSans-Regular" — so without this each run of text in
 * a second subset embedded that subset again: 5 MB and 30 s for a brief.)
 */
async function withPdfkitHooks<T>(lib: PdfLib, files: Attachment[], at: Date, work: () => Promise<T>): Promise<T> {
  const proto = lib.PDFDocument.prototype;
  const { end, font } = proto;
  const embedded = new WeakMap<object, Map<object, unknown>>();
  proto.end = function (this: PdfKitDocument) {
    for (const f of files)
      this.file(f.data, { name: f.name, type: f.type, description: f.description, creationDate: at, modifiedDate: at });
    return end.call(this);
  };
  proto.font = function (this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown) {
    if (typeof src !== 'object' || src === null || src instanceof Uint8Array) return font.call(this, src, family, size);
    const mine = embedded.get(this) ?? new Map<object, unknown>();
    embedded.set(this, mine);
    const known = mine.get(src);
    if (known === undefined) {
      const out = font.call(this, src, family, size);
      mine.set(src, this._font);
      return out;
    }
    this._font = known;
    const points = typeof family === 'number' ? family : size;
    if (typeof points === 'number') this.fontSize(points);
    return this;
  };
  try {
    return await work();
  } finally {
    proto.end = end;
    proto.font = font;
  }
}

export async function renderBriefPdf(raw: BriefData): Promise<{ bytes: Buffer; pages: number }> {
  const lib = await loadPdfLib();
  const controlled = cleanStrings(raw, (s) => s.replace(/\r\n?/g, '\n').replace(CONTROL, '\uFFFD'));
  const { families, missing } = fontsFor(lib, JSON.stringify(controlled));
  const data = missing.size
    ? cleanStrings(controlled, (s) => [...s].map((ch) => (missing.has(ch) ? '?' : ch)).join(''))
    : controlled;
  // No hyphenation (a word is one syllable), except that Chinese may break between characters (han-breaks.ts).
  lib.R.Font.registerHyphenationCallback(hanBreaks());
  const at = new Date(data.generatedAt);
  return oneAtATime(() =>
    withPdfkitHooks(lib, attachmentsOf(data), at, async () => {
      const stream = await lib.R.renderToBuffer(briefDocument(lib, data, families));
      const bytes = Buffer.isBuffer(stream) ? stream : Buffer.from(stream);
      const pages = bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
      return { bytes, pages };
    }),
  );
}
