import type { DocumentsMethods } from '../../../shared/api/documents';
import type { DocumentInfo } from '../../../shared/domain/documents';
import { CustodianError } from '../../../shared/result';
import { getBlob } from '../db/blobs';
import { deleteDocument, getDocument, getViewHtml, listDocuments, updateDocument } from '../db/documents';
import { deletePages, getPage, listPages } from '../db/document-pages';
import { deleteExcerpt, getExcerpt, listExcerpts, updateExcerptNote } from '../db/excerpts';
import type { ReadDb } from '../db/types';
import { addDocuments } from '../documents/add-documents';
import { createExcerpt } from '../documents/create-excerpt';
import { ocrAvailable, ocrDocument } from '../documents/ocr';
import { searchDocuments } from '../search/search-documents';
import { checkedJob, type Handlers } from './types';

function mustDocument(db: ReadDb, id: number): DocumentInfo {
  const d = getDocument(db, id);
  if (!d) throw new CustodianError('not_found', `There is no document ${id} in this case.`);
  return d;
}

export const documentsHandlers: Handlers<DocumentsMethods> = {
  'documents.add': ({ session, actor }, input, control) => addDocuments(session.db, input, actor, control),
  'documents.list': ({ session }) => listDocuments(session.db),
  'documents.get': ({ session }, { id }) => mustDocument(session.db, id),
  'documents.page': ({ session }, { id, page }) => {
    const d = mustDocument(session.db, id);
    const p = getPage(session.db, id, page);
    if (!p)
      throw new CustodianError(
        'not_found',
        `Document ${id} has ${d.pages} page${d.pages === 1 ? '' : 's'}; there is no page ${page}.`,
      );
    return p;
  },
  'documents.pages': ({ session }, { id }) => {
    mustDocument(session.db, id);
    return listPages(session.db, id);
  },
  'documents.update': ({ session }, { id, ...patch }) => {
    mustDocument(session.db, id);
    updateDocument(session.db, id, patch);
    return mustDocument(session.db, id);
  },
  'documents.delete': ({ session }, { id }) => {
    const d = mustDocument(session.db, id);
    if (d.excerpts > 0) {
      throw new CustodianError(
        'in_use',
        `Document ${id} has ${d.excerpts} excerpt${d.excerpts === 1 ? '' : 's'}; delete them first (they may be cited as evidence).`,
      );
    }
    deletePages(session.db, id);
    deleteDocument(session.db, id, d.sha256);
    return null;
  },
  'documents.content': ({ session }, { id }) => {
    const d = mustDocument(session.db, id);
    const bytes = getBlob(session.db, d.sha256);
    if (!bytes)
      throw new CustodianError(
        'missing_blob',
        `The bytes of document ${id} are missing from this case (SHA-256 ${d.sha256}).`,
      );
    return {
      documentId: id,
      mediaType: d.mediaType,
      kind: d.kind,
      base64: bytes.toString('base64'),
      viewHtml: getViewHtml(session.db, id),
    };
  },
  'documents.search': ({ session }, { query, documentId, limit }) =>
    searchDocuments(session.db, query, limit, documentId),
  'documents.ocr': checkedJob<'documents.ocr'>(
    ({ session }, { id }) => {
      mustDocument(session.db, id);
      // Mixed PDFs (some pages scanned) qualify too: OCR fills only the pages without text.
      if (listPages(session.db, id).every((p) => p.text !== '')) {
        throw new CustodianError(
          'has_text',
          `Every page of document ${id} already has text; OCR is only for scans and images.`,
        );
      }
      if (!ocrAvailable())
        throw new CustodianError('no_ocr', 'OCR needs the tesseract program, which is not installed on this computer.');
    },
    ({ session, actor }, { id }, control) => ocrDocument(session.db, id, actor, control),
  ),
  'excerpts.create': ({ core, session }, request) => createExcerpt(session.db, request, core.actor),
  'excerpts.list': ({ session }, { documentId }) => listExcerpts(session.db, documentId),
  'excerpts.get': ({ session }, { id }) => {
    const e = getExcerpt(session.db, id);
    if (!e) throw new CustodianError('not_found', `There is no excerpt ${id} in this case.`);
    return e;
  },
  'excerpts.update': ({ session }, { id, note }) => {
    if (!getExcerpt(session.db, id)) throw new CustodianError('not_found', `There is no excerpt ${id} in this case.`);
    updateExcerptNote(session.db, id, note);
    return getExcerpt(session.db, id)!;
  },
  'excerpts.delete': ({ session }, { id }) => {
    if (!getExcerpt(session.db, id)) throw new CustodianError('not_found', `There is no excerpt ${id} in this case.`);
    try {
      deleteExcerpt(session.db, id);
    } catch (e) {
      if (e instanceof Error && /FOREIGN KEY/i.test(e.message)) {
        throw new CustodianError(
          'in_use',
          `Excerpt ${id} is cited as evidence elsewhere in the case; remove those citations first.`,
        );
      }
      throw e;
    }
    return null;
  },
};
