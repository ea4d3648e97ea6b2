import { z } from 'zod';
import { job, method } from './define';
import type { AddedDocument, DocumentContent, DocumentInfo, DocumentPage, Excerpt } from '../domain/documents';
import type { SearchHit } from '../domain/records';

const id = z.number().int().positive();
const optionalText = z.string().trim().max(10_000).optional();
/** Empty means "clear it". */
const isoDate = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?$/, 'expected an ISO date such as 2023-03-05');
const sourceUrl = z.string().trim().max(4000);

export const addDocumentsInput = z.object({
  /** Files to add; all or none are added (one transaction). */
  paths: z.array(z.string().min(1)).min(1).max(1000),
  /** Overrides the title read from each file. */
  title: optionalText,
  sourceUrl: sourceUrl.optional(),
  capturedAt: isoDate.optional(),
  notes: optionalText,
  /** Names shown for the files, in the order of `paths` (an upload's original names); default: each file's base name. */
  fileNames: z.array(z.string().min(1)).optional(),
});
export type AddDocumentsInput = z.infer<typeof addDocumentsInput>;

export const documentsApi = {
  /** Reads, stores and indexes the files, with progress per page. Adding the same bytes again returns the same document. */
  'documents.add': job<AddedDocument[]>()(addDocumentsInput, { mutates: true }),
  'documents.list': method<DocumentInfo[]>()(z.object({}), { mutates: false }),
  'documents.get': method<DocumentInfo>()(z.object({ id }), { mutates: false }),
  'documents.page': method<DocumentPage>()(z.object({ id, page: z.number().int().positive() }), { mutates: false }),
  'documents.pages': method<DocumentPage[]>()(z.object({ id }), { mutates: false }),
  'documents.update': method<DocumentInfo>()(
    z.object({
      id,
      title: z.string().trim().min(1).max(1000).optional(),
      sourceUrl: sourceUrl.optional(),
      capturedAt: isoDate.optional(),
      notes: optionalText,
    }),
    { mutates: true },
  ),
  /** Removes a document added by mistake: its bytes, pages and index entries. Refused while it has excerpts (they may be cited). */
  'documents.delete': method<null>()(z.object({ id }), { mutates: true }),
  /** The stored bytes (base64) and, for HTML/DOCX, the sanitized view. */
  'documents.content': method<DocumentContent>()(z.object({ id }), { mutates: false }),
  /** Full-text search over document pages only (optionally one document): hits with page and snippet. */
  'documents.search': method<SearchHit[]>()(
    z.object({
      query: z.string().min(1),
      documentId: id.optional(),
      limit: z.number().int().positive().max(1000).default(50),
    }),
    { mutates: false },
  ),
  /** OCR of the pages with no text; needs a `tesseract` binary on this machine (refused at once without). */
  'documents.ocr': job<{ documentId: number; pagesRead: number }>()(z.object({ id }), { mutates: true }),
  /**
   * Cuts a citable excerpt: the quote is looked up on the page (spacing and
   * line breaks may differ); `start` picks the occurrence nearest to it.
   */
  'excerpts.create': method<Excerpt>()(
    z.object({
      documentId: id,
      page: z.number().int().positive(),
      quote: z.string().trim().min(1).max(20_000),
      note: optionalText,
      start: z.number().int().min(0).optional(),
    }),
    { mutates: true },
  ),
  'excerpts.list': method<Excerpt[]>()(z.object({ documentId: id.optional() }), { mutates: false }),
  'excerpts.get': method<Excerpt>()(z.object({ id }), { mutates: false }),
  'excerpts.update': method<Excerpt>()(z.object({ id, note: z.string().max(10_000) }), { mutates: true }),
  'excerpts.delete': method<null>()(z.object({ id }), { mutates: true }),
};

export type DocumentsMethods = keyof typeof documentsApi;
