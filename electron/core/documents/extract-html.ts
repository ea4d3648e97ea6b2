import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import mammoth from 'mammoth';
import { CustodianError } from '../../../shared/result';
import type { DocumentFlag } from '../../../shared/domain/documents';
import type { Extracted } from './extracted';
import { blocksOf, paginateBlocks } from './html-pages';
import { sanitizeTree, viewDocument } from './sanitize-html';

/**
 * A DOM that is only ever read: jsdom runs no scripts and loads no
 * resources unless told to, and we never tell it. The bytes go in as they
 * are, so jsdom sniffs the encoding (BOM, <meta charset>) as a browser would.
 */
function inertDom(html: Buffer | string): JSDOM {
  return new JSDOM(html, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
}

/**
 * A saved web page: Readability picks the article (leaving navigation and
 * other junk out), then it is sanitized into static content and cut into
 * logical pages. When Readability finds no article (a short page), the
 * whole body is used.
 */
export function extractHtml(bytes: Buffer, extractor = 'jsdom + Readability'): Extracted {
  const dom = inertDom(bytes);
  const doc = dom.window.document;
  const docTitle = doc.title.trim() || doc.querySelector('h1')?.textContent?.trim() || null;
  // What the original page carried (scripts, remote loads), judged on the page as it was.
  const flags = new Set<DocumentFlag>(sanitizeTree(doc.documentElement.cloneNode(true) as Element));
  const bodyText = (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  const articleText = (article?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Trust the article only when it keeps most of the page's words; otherwise it cut real content.
  const useArticle = article?.content && articleText.length >= 0.5 * bodyText.length;
  const root = useArticle ? inertDom(`<body>${article.content}</body>`).window.document.body : doc.body;
  const result = fromSanitizedRoot(root, flags, 'html', 'text/html', (article?.title || docTitle) ?? null, extractor);
  dom.window.close();
  return result;
}

/** Shared tail of HTML and DOCX: sanitize, paginate, wrap for the viewer. */
export function fromSanitizedRoot(
  root: Element | null,
  flags: Set<DocumentFlag>,
  kind: 'html' | 'docx',
  mediaType: string,
  title: string | null,
  extractor: string,
): Extracted {
  if (!root)
    return {
      kind,
      mediaType,
      title,
      pages: [''],
      textStatus: 'no_text',
      flags: [...flags],
      extractor,
      viewHtml: viewDocument(title ?? '', ''),
    };
  for (const f of sanitizeTree(root)) flags.add(f);
  const { pages, sectionsHtml } = paginateBlocks(blocksOf(root));
  return {
    kind,
    mediaType,
    title: title?.replace(/\s+/g, ' ').trim() || null,
    pages,
    textStatus: pages.some((p) => p !== '') ? 'text' : 'no_text',
    flags: [...flags],
    extractor,
    viewHtml: viewDocument(title ?? '', sectionsHtml),
  };
}

/** A Word document through mammoth (which reads only the document's XML, never its macros), then as HTML. */
export async function extractDocx(bytes: Buffer, fileLabel: string): Promise<Extracted> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (e) {
    throw new CustodianError(
      'corrupt_document',
      `${fileLabel} is not a readable Word document: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const dom = inertDom(`<!doctype html><body>${html}</body>`);
  const body = dom.window.document.body;
  const title = body.querySelector('h1')?.textContent?.trim() || null;
  const result = fromSanitizedRoot(
    body,
    new Set(),
    'docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    title,
    'mammoth',
  );
  dom.window.close();
  return result;
}
