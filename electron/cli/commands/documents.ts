import { resolve } from 'node:path';
import type { AddedDocument } from '../../../shared/domain/documents';
import type { Excerpt } from '../../../shared/domain/documents';
import { unwrap } from '../unwrap';
import { apiCommand, int, UsageError, type Command } from '../command';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const documentsCommands: Command[] = [
  {
    name: 'add-doc',
    usage: 'custodian add-doc CASE FILE... [--title T] [--source-url U] [--captured DATE] [--notes N]',
    summary: 'add source documents (PDF, HTML, MHTML, DOCX, text, images): bytes by SHA-256, text per page',
    opensCase: true,
    minArgs: 1,
    options: {
      title: { type: 'string' },
      'source-url': { type: 'string' },
      captured: { type: 'string' },
      notes: { type: 'string' },
    },
    run: async ({ core, args, values }) => {
      const added = (await unwrap(core, 'documents.add', {
        paths: args.map((a) => resolve(a)),
        title: str(values.title),
        sourceUrl: str(values['source-url']),
        capturedAt: str(values.captured),
        notes: str(values.notes),
      })) as AddedDocument[];
      return added.map((d) => ({
        documentId: d.documentId,
        sha256: d.sha256,
        pages: d.pages,
        title: d.title,
        kind: d.kind,
        textStatus: d.textStatus,
        flags: d.flags,
        alreadyAdded: d.alreadyAdded,
      }));
    },
  },
  {
    name: 'excerpt',
    usage: 'custodian excerpt CASE DOCUMENT_ID --page P --quote TEXT [--note N]',
    summary: 'cut a citable excerpt: a quote found on a page of a document',
    opensCase: true,
    minArgs: 1,
    options: { page: { type: 'string' }, quote: { type: 'string' }, note: { type: 'string' } },
    run: async ({ core, args, values }) => {
      const page = int(values.page, 'page');
      if (page === undefined) throw new UsageError('--page is required');
      if (typeof values.quote !== 'string' || !values.quote.trim()) throw new UsageError('--quote is required');
      const e = (await unwrap(core, 'excerpts.create', {
        documentId: int(args[0], 'DOCUMENT_ID'),
        page,
        quote: values.quote,
        note: str(values.note),
      })) as Excerpt;
      return { excerptId: e.id, documentId: e.documentId, page: e.page, start: e.start, end: e.end, quote: e.quote };
    },
  },
  {
    name: 'ocr',
    usage: 'custodian ocr CASE DOCUMENT_ID',
    summary: 'read the text of a scan or image with tesseract (where it is installed), waiting for the end',
    opensCase: true,
    minArgs: 1,
    run: ({ core, args }) => unwrap(core, 'documents.ocr', { id: int(args[0], 'DOCUMENT_ID') }),
  },
  apiCommand(
    {
      name: 'docs',
      usage: 'custodian docs CASE',
      summary: 'list the documents in a case',
      opensCase: true,
      method: 'documents.list',
      input: () => ({}),
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'doc-page',
      usage: 'custodian doc-page CASE DOCUMENT_ID PAGE',
      summary: 'print the text of one page of a document',
      opensCase: true,
      minArgs: 2,
      method: 'documents.page',
      input: (args) => ({ id: int(args[0], 'DOCUMENT_ID'), page: int(args[1], 'PAGE') }),
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'excerpts',
      usage: 'custodian excerpts CASE [--document ID]',
      summary: 'list excerpts, of one document or of the whole case',
      opensCase: true,
      options: { document: { type: 'string' } },
      method: 'excerpts.list',
      input: (_a, v) => ({ documentId: int(v.document, 'document') }),
    },
    unwrap,
  ),
];
