import type { DocumentFlag } from '../../../shared/domain/documents';
import { CustodianError } from '../../../shared/result';
import { cleanText, type ExtractControl, type Extracted } from './extracted';
import { pdfjsAssetDirs } from './pdf-assets';

type PdfJs = Awaited<ReturnType<(typeof import('unpdf'))['getResolvedPDFJS']>>;
let pdfjsPromise: Promise<PdfJs> | undefined;
/** unpdf's build of pdf.js runs in plain Node without a worker file or a canvas. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjsPromise ??= import('unpdf').then((m) => m.getResolvedPDFJS()));

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/**
 * Reads a PDF's text page by page with pdf.js. Nothing in the file runs:
 * eval is off, scripting is never enabled (its JavaScript and actions are
 * only noted as flags), fonts are not loaded as fonts, and every error in
 * the structure stops the read instead of "recovering" a different document.
 */
export async function extractPdf(
  bytes: Uint8Array,
  fileLabel: string,
  control: ExtractControl = {},
): Promise<Extracted> {
  const pdfjs = await loadPdfJs();
  const { cMapUrl, standardFontDataUrl } = pdfjsAssetDirs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException')
      throw new CustodianError(
        'encrypted',
        `${fileLabel} is password-protected; open it, save an unprotected copy and add that.`,
      );
    throw new CustodianError(
      'corrupt_document',
      `${fileLabel} is not a readable PDF (it is damaged or truncated): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (control.signal?.aborted)
        throw new CustodianError('cancelled', 'Adding the document was cancelled; nothing was added.');
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(
          cleanText((content.items as TextItemLike[]).map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join('')),
        );
        page.cleanup();
      } catch (e) {
        if (e instanceof CustodianError) throw e;
        throw new CustodianError(
          'corrupt_document',
          `${fileLabel} is damaged: page ${n} cannot be read (${e instanceof Error ? e.message : String(e)}).`,
        );
      }
      control.progress?.(n, doc.numPages);
      // pdf.js without a worker resolves through microtasks only; let timers and I/O (progress polls, a cancel) in.
      await new Promise<void>((r) => setImmediate(r));
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown };
    const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
    const flags = activeContentFlags(bytes);
    if (!flags.includes('javascript') && (await doc.getJSActions().catch(() => null))) flags.push('javascript');
    const anyText = pages.some((p) => p !== '');
    return {
      kind: 'pdf',
      mediaType: 'application/pdf',
      title,
      pages,
      textStatus: anyText ? 'text' : 'no_text',
      flags,
      extractor: `pdf.js ${pdfjs.version}`,
      viewHtml: null,
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * Names of active content in the raw bytes, as pdfid does: enough to warn;
 * never acted on. (Objects inside compressed object streams are not seen
 * here; pdf.js's own look at document-level JavaScript covers part of that.)
 */
function activeContentFlags(bytes: Uint8Array): DocumentFlag[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const flags: DocumentFlag[] = [];
  if (/\/(JavaScript|JS)\b/.test(text)) flags.push('javascript');
  if (/\/Launch\b/.test(text)) flags.push('launch_action');
  if (/\/OpenAction\b|\/AA\b/.test(text)) flags.push('open_action');
  if (/\/EmbeddedFile\b/.test(text)) flags.push('embedded_file');
  return flags;
}
