import type { DocumentFlag, DocumentKind, TextStatus } from '../../../shared/domain/documents';

/** What reading one file yields, before anything is stored. */
export interface Extracted {
  kind: DocumentKind;
  mediaType: string;
  /** The title the file itself carries (PDF metadata, HTML <title>, a first heading), if any. */
  title: string | null;
  /** Text per page (1-based page n is pages[n - 1]); '' for a page with no text. */
  pages: string[];
  textStatus: TextStatus;
  flags: DocumentFlag[];
  extractor: string;
  /** Sanitized static HTML for the viewer (HTML, DOCX). */
  viewHtml: string | null;
}

/** Progress per page and a way to stop between pages. */
export interface ExtractControl {
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Text normalized the same way for every kind, so offsets and searches agree: NFC, LF line ends, no NULs. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}
