/**
 * Renders brief data to PDF bytes. Reproducible: the same data gives the
 * same bytes — the dates (and the document ID pdfkit derives from them) are
 * the version's, the fonts are chosen from the text alone, and the
 * attachments carry the version's date too.
 */
import type { BriefData } from '../brief-data';
import { facesFor } from '../fonts';
import { attachmentsOf, type Attachment } from './attachments';
import { briefDocument } from './document';
import { loadPdfLib, type PdfLib } from './load';

/** C0 controls (but tab and newline), DEL and lone surrogates: drawn as U+FFFD, never passed to the layout. */
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
        { src: f.files[400], fontWeight: 400 },
        { src: f.files[700], fontWeight: 700 },
      ],
    });
    registered.add(f.family);
  }
  return { families: faces.map((f) => f.family), missing };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * One render at a time in a process: the attachments are added by wrapping
 * pdfkit's `end` (react-pdf does not expose its document), which must see
 * only this render's document.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

async function withAttachments<T>(lib: PdfLib, files: Attachment[], at: Date, work: () => Promise<T>): Promise<T> {
  const proto = lib.PDFDocument.prototype;
  const end = proto.end;
  proto.end = function (this: typeof proto) {
    for (const f of files)
      this.file(f.data, { name: f.name, type: f.type, description: f.description, creationDate: at, modifiedDate: at });
    return end.call(this);
  };
  try {
    return await work();
  } finally {
    proto.end = end;
  }
}

export async function renderBriefPdf(raw: BriefData): Promise<{ bytes: Buffer; pages: number }> {
  const lib = await loadPdfLib();
  const controlled = cleanStrings(raw, (s) => s.replace(CONTROL, '\uFFFD'));
  const { families, missing } = fontsFor(lib, JSON.stringify(controlled));
  const data = missing.size
    ? cleanStrings(controlled, (s) => [...s].map((ch) => (missing.has(ch) ? '?' : ch)).join(''))
    : controlled;
  lib.R.Font.registerHyphenationCallback((word) => [word]);
  const at = new Date(data.generatedAt);
  return oneAtATime(() =>
    withAttachments(lib, attachmentsOf(data), at, async () => {
      const stream = await lib.R.renderToBuffer(briefDocument(lib, data, families));
      const bytes = Buffer.isBuffer(stream) ? stream : Buffer.from(stream);
      const pages = bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
      return { bytes, pages };
    }),
  );
}
