import { extname } from 'node:path';
import { CustodianError } from '../../../shared/result';
import { extractPdf } from './extract-pdf';
import { extractText } from './extract-text';
import type { ExtractControl, Extracted } from './extracted';
import { mhtmlToHtml } from './mhtml';

const IMAGE_MAGIC: [string, number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
];

/** jsdom, Readability and mammoth take about a second to load: only when a document needs them, not at every start of the CLI or app. */
const htmlExtractors = () => import('./extract-html');

const startsWith = (b: Buffer, magic: number[]) => magic.every((m, i) => b[i] === m);

/**
 * Reads a file's text by what its bytes say it is (the extension only
 * breaks ties between text formats): PDF, DOCX, images, HTML/MHTML, text.
 */
export async function extractDocument(
  bytes: Buffer,
  fileName: string,
  control: ExtractControl = {},
): Promise<Extracted> {
  const ext = extname(fileName).toLowerCase();
  const label = fileName;
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return extractPdf(bytes, label, control);
  if (ext === '.pdf')
    throw new CustodianError('corrupt_document', `${label} is not a readable PDF: it does not start like one.`);
  for (const [mediaType, magic] of IMAGE_MAGIC) {
    if (startsWith(bytes, magic)) return image(mediaType);
  }
  if (bytes.subarray(8, 12).toString('latin1') === 'WEBP' && head.startsWith('RIFF')) return image('image/webp');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx' || bytes.includes('word/document.xml'))
      return (await htmlExtractors()).extractDocx(bytes, label);
    throw new CustodianError(
      'unsupported_type',
      `${label} is a ZIP archive that is not a Word document; Custodian reads PDF, HTML, DOCX, text and images.`,
    );
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    throw new CustodianError(
      'unsupported_type',
      `${label} is a binary file Custodian cannot read; it reads PDF, HTML, DOCX, text and images (PNG, JPEG).`,
    );
  }
  if (ext === '.mhtml' || ext === '.mht' || (/^MIME-Version:/im.test(head) && /multipart\/related/i.test(head))) {
    return {
      ...(await htmlExtractors()).extractHtml(mhtmlToHtml(bytes, label), 'jsdom + Readability (MHTML)'),
      mediaType: 'multipart/related',
    };
  }
  if (
    ['.html', '.htm', '.xhtml'].includes(ext) ||
    /^\s*(<!doctype html|<html)/i.test(head.replace(/^\uFEFF|^ï»¿/, ''))
  ) {
    return (await htmlExtractors()).extractHtml(bytes);
  }
  return extractText(bytes, label, ext === '.md' || ext === '.markdown');
}

/** An image has no text layer: "no text" until OCR gives it one. */
function image(mediaType: string): Extracted {
  return {
    kind: 'image',
    mediaType,
    title: null,
    pages: [''],
    textStatus: 'no_text',
    flags: [],
    extractor: 'image (no text layer)',
    viewHtml: null,
  };
}
