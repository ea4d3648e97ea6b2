import chardet from 'chardet';
import { CustodianError } from '../../../shared/result';
import { cleanText, type Extracted } from './extracted';
import { paginateText } from './paginate';

/**
 * Decodes a text file: a BOM decides; else strict UTF-8; else the encoding
 * chardet guesses (Windows-1251, GB18030, …), which Node's TextDecoder knows.
 */
export function decodeText(bytes: Buffer, fileLabel: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const guess = chardet.detect(bytes);
    try {
      if (guess) return { text: new TextDecoder(guess.toLowerCase()).decode(bytes), encoding: guess.toLowerCase() };
    } catch {
      // an encoding TextDecoder does not know: fall through
    }
    throw new CustodianError(
      'unknown_encoding',
      `${fileLabel} is text in an encoding Custodian cannot tell; save it as UTF-8 and add it again.`,
    );
  }
}

/** Plain text and Markdown, as they are, cut into logical pages. */
export function extractText(bytes: Buffer, fileLabel: string, markdown: boolean): Extracted {
  const { text, encoding } = decodeText(bytes, fileLabel);
  const clean = cleanText(text);
  const heading = markdown ? /^#\s+(.+)$/m.exec(clean)?.[1]?.trim() : undefined;
  const pages = paginateText(clean);
  return {
    kind: 'text',
    mediaType: markdown ? 'text/markdown' : 'text/plain',
    title: heading ?? null,
    pages,
    textStatus: pages.some((p) => p !== '') ? 'text' : 'no_text',
    flags: [],
    extractor: `text (${encoding})`,
    viewHtml: null,
  };
}
