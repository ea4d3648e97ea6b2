import type { Excerpt } from '../../../shared/domain/documents';
import { CustodianError } from '../../../shared/result';
import { getPage } from '../db/document-pages';
import { getDocument } from '../db/documents';
import { getExcerpt, insertExcerpt } from '../db/excerpts';
import type { WriteDb } from '../db/types';
import { locateQuote } from './locate-quote';

export interface ExcerptRequest {
  documentId: number;
  page: number;
  quote: string;
  note?: string | undefined;
  /** Where the person's selection began on the page, when the quote is there more than once. */
  start?: number | undefined;
}

/**
 * An excerpt as evidence: the quote is found on its page (locate-quote.ts)
 * and stored as the page itself has it, with its offsets, so the excerpt
 * always points at text the document really holds.
 */
export function createExcerpt(db: WriteDb, request: ExcerptRequest, actor: string): Excerpt {
  const { documentId, page, quote, note, start } = request;
  const p = getPage(db, documentId, page);
  if (!p) {
    const d = getDocument(db, documentId);
    if (!d) throw new CustodianError('not_found', `There is no document ${documentId} in this case.`);
    throw new CustodianError(
      'not_found',
      `Document ${documentId} has ${d.pages} page${d.pages === 1 ? '' : 's'}; there is no page ${page}.`,
    );
  }
  const at = locateQuote(p.text, quote, start);
  if (!at)
    throw new CustodianError(
      'quote_not_found',
      `The quote is not on page ${page} of document ${documentId}; copy it from that page's text.`,
    );
  const id = insertExcerpt(db, {
    documentId,
    page,
    start: at.start,
    end: at.end,
    quote: p.text.slice(at.start, at.end),
    note: note ?? '',
    createdAt: new Date().toISOString(),
    createdBy: actor,
  });
  return getExcerpt(db, id)!;
}
