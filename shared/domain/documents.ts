/**
 * Source documents kept as evidence: the exact bytes (in `blobs`, by
 * SHA-256), their text page by page, and excerpts — the citable unit
 * (quote + page + offsets) that diagrams and briefs refer to.
 */

export type DocumentKind = 'pdf' | 'html' | 'docx' | 'text' | 'image';

/**
 * `text`: the file has a text layer; `no_text`: nothing to read (a scan, an
 * image) and no OCR was run; `ocr`: the text came from OCR (less certain).
 */
export type TextStatus = 'text' | 'no_text' | 'ocr';

/**
 * Active content found in the file. It is never run (pdf.js with eval off and
 * no scripting; HTML shown without scripts); the flags are there to tell the
 * investigator the file tried.
 */
export type DocumentFlag =
  'javascript' | 'launch_action' | 'open_action' | 'embedded_file' | 'scripts_removed' | 'remote_content_removed';

/** A document as the case describes it; what adding one takes or reports (NewDocument, AddedDocument) derives from it. */
export interface DocumentInfo {
  id: number;
  sha256: string;
  fileName: string;
  mediaType: string;
  kind: DocumentKind;
  size: number;
  title: string;
  sourceUrl: string | null;
  /** When the source was captured (saved, downloaded), as the investigator says; ISO date or date-time. */
  capturedAt: string | null;
  addedAt: string;
  addedBy: string;
  notes: string;
  pages: number;
  textStatus: TextStatus;
  flags: DocumentFlag[];
  /** What read the text, e.g. `pdf.js 5.4.296`. */
  extractor: string;
  excerpts: number;
}

export interface DocumentPage {
  documentId: number;
  /** 1-based. */
  page: number;
  /** The page's text; excerpt offsets index into it (JavaScript string offsets, UTF-16 code units). */
  text: string;
  source: 'text' | 'ocr';
}

export type AddedDocument = Pick<DocumentInfo, 'sha256' | 'pages' | 'title' | 'kind' | 'textStatus' | 'flags'> & {
  documentId: number;
  /** True when a file with the same SHA-256 was already in the case: nothing was added. */
  alreadyAdded: boolean;
};

export interface Excerpt {
  id: number;
  documentId: number;
  page: number;
  /** Offsets into the page's text: `text.slice(start, end) === quote`. */
  start: number;
  end: number;
  quote: string;
  note: string;
  createdAt: string;
  createdBy: string;
  /** The document's title, for lists across the case. */
  documentTitle?: string;
}

/** What the viewer needs to show a document as it is. */
export interface DocumentContent {
  documentId: number;
  mediaType: string;
  kind: DocumentKind;
  /** The original bytes, base64 (PDF and images are rendered from these). */
  base64: string;
  /**
   * For HTML and DOCX: the sanitized static HTML (no scripts, no remote
   * loads, no forms), one `<section data-page="N">` per logical page.
   */
  viewHtml: string | null;
}

/** Where one of an entity's names is written in a document ("mentioned in" on the entity's page). */
export interface EntityDocumentMention {
  documentId: number;
  title: string;
  page: number;
  /** Offsets of the name in the page's text, as an excerpt has them. */
  start: number;
  end: number;
  /** The name as written on the page. */
  text: string;
  /** The entity's name (without its legal form) that was looked for. */
  name: string;
  snippet: string;
}
