import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { AddDocumentsInput } from '../../../shared/api/documents';
import type { AddedDocument } from '../../../shared/domain/documents';
import { nonEmptyFileSize } from '../files';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { putBlob, sha256Hex } from '../db/blobs';
import { findDocumentBySha, insertDocument } from '../db/documents';
import { insertPage } from '../db/document-pages';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { extractDocument } from './extract';
import type { Extracted } from './extracted';

/** Documents larger than this are refused: the case keeps every byte, and a case is one file. */
const MAX_BYTES = 512 * 1024 * 1024;

interface Prepared {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  extracted: Extracted | null; // null: already in the case (or earlier in this batch)
}

/**
 * Adds files as documents: the exact bytes by SHA-256, the text of every
 * page, and the pages' full-text entries. Every file is read first (the
 * slow part, with progress, cancellable between pages); then all of them
 * are written in one transaction with one audit entry, so a file that
 * cannot be read, or a cancel, leaves the case as it was.
 */
export async function addDocuments(
  db: WriteDb,
  input: AddDocumentsInput,
  actor: string,
  control?: JobControl,
): Promise<AddedDocument[]> {
  const prepared: Prepared[] = [];
  const seen = new Set<string>();
  for (const [i, path] of input.paths.entries()) {
    const fileName = input.fileNames?.[i] ?? basename(path);
    const bytes = readDocumentFile(path);
    const sha256 = sha256Hex(bytes);
    const known = seen.has(sha256) || findDocumentBySha(db, sha256) !== null;
    seen.add(sha256);
    const extracted = known
      ? null
      : await extractDocument(bytes, fileName, {
          signal: control?.signal,
          progress: (done, total) =>
            control?.progress((i + done / total) / input.paths.length, `${fileName}: page ${done} of ${total}`),
        });
    if (control?.signal.aborted)
      throw new CustodianError('cancelled', 'Adding documents was cancelled; nothing was added.');
    prepared.push({ fileName, bytes, sha256, extracted });
  }
  control?.progress(1, 'Saving to the case…');
  return db
    .transaction(() => {
      const added: AddedDocument[] = [];
      const audit: unknown[] = [];
      for (const p of prepared) {
        const existing = findDocumentBySha(db, p.sha256);
        if (existing || !p.extracted) {
          const d = existing!;
          added.push({
            documentId: d.id,
            sha256: d.sha256,
            pages: d.pages,
            title: d.title,
            kind: d.kind,
            textStatus: d.textStatus,
            flags: d.flags,
            alreadyAdded: true,
          });
          continue;
        }
        const x = p.extracted;
        const title = input.title?.trim() || x.title || basename(p.fileName, extname(p.fileName));
        putBlob(db, p.bytes);
        const documentId = insertDocument(db, {
          sha256: p.sha256,
          fileName: p.fileName,
          mediaType: x.mediaType,
          kind: x.kind,
          size: p.bytes.byteLength,
          title,
          sourceUrl: input.sourceUrl?.trim() || null,
          capturedAt: input.capturedAt?.trim() || null,
          addedAt: new Date().toISOString(),
          addedBy: actor,
          notes: input.notes ?? '',
          pages: x.pages.length,
          textStatus: x.textStatus,
          flags: x.flags,
          extractor: x.extractor,
          viewHtml: x.viewHtml,
        });
        x.pages.forEach((text, n) => insertPage(db, documentId, n + 1, text));
        added.push({
          documentId,
          sha256: p.sha256,
          pages: x.pages.length,
          title,
          kind: x.kind,
          textStatus: x.textStatus,
          flags: x.flags,
          alreadyAdded: false,
        });
        audit.push({ documentId, fileName: p.fileName, sha256: p.sha256, pages: x.pages.length, kind: x.kind });
      }
      if (audit.length > 0) appendAudit(db, actor, 'documents.add', { documents: audit });
      return added;
    })
    .immediate();
}

function readDocumentFile(path: string): Buffer {
  const size = nonEmptyFileSize(path, 'add');
  if (size > MAX_BYTES)
    throw new CustodianError(
      'too_large',
      `${path} is larger than ${MAX_BYTES / 1024 / 1024} MB, the most a document in a case may be.`,
    );
  return readFileSync(path);
}
