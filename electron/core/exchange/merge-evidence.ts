import { hasBlob } from '../db/blobs';
import { insertPage } from '../db/document-pages';
import { findDocumentBySha } from '../db/documents';
import {
  doneImportOf,
  findRow,
  importRecordRows,
  indexRecordRange,
  maxId,
  otherRows,
  rowWhere,
  rowWriter,
} from '../db/merge-copy';
import { count, skip, tick, type MergeRun } from './merge-run';

/**
 * The evidence of a colleague's case, brought in by content: a stored file
 * by its SHA-256; a source by its file's SHA-256 (one I imported too is the
 * same source); a record by its source and row (the same file's row 17 is
 * the same record, whoever imported it); a document by its SHA-256; an
 * excerpt by its document, page and offsets. What I have already is mapped,
 * never copied again.
 */

/** Copies a stored file I do not have. */
function ensureBlob(run: MergeRun, sha256: string | null): void {
  if (!sha256 || hasBlob(run.db, sha256)) return;
  const row = rowWhere(run.other, 'blobs', 'sha256', sha256);
  if (!row) return;
  rowWriter(run.db, run.other, 'blobs')(row);
  run.log.inserted('blobs', { sha256 });
  count(run, 'blobs');
}

/** Their imports (each with its source, records and rejects), mapped onto mine where I imported the same file. */
export function mergeImports(run: MergeRun): void {
  const { db, other, log } = run;
  const writeSource = rowWriter(db, other, 'sources');
  const writeImport = rowWriter(db, other, 'imports');
  const writeRecord = rowWriter(db, other, 'records');
  const writeReject = rowWriter(db, other, 'rejects');
  const imports = [...otherRows(other, 'imports', "status = 'done' ORDER BY id")];
  for (const imp of imports) {
    const source = rowWhere(other, 'sources', 'id', imp.source_id)!;
    let sourceId = findRow(db, 'sources', ['sha256'], [source.sha256]);
    if (sourceId === undefined) {
      ensureBlob(run, source.blob_sha256 as string | null);
      sourceId = writeSource(source, { id: null });
      log.inserted('sources', sourceId);
      count(run, 'sources');
    }
    const mine = doneImportOf(db, sourceId);
    const theirs = importRecordRows(other, imp.id as number, imp.record_base as number);
    if (mine) {
      // The same file: their row n is my row n (rows I rejected and they did not stay theirs alone: skipped).
      const byRow = new Map<number, number>();
      for (const [id, row] of importRecordRows(db, mine.id, mine.record_base)) byRow.set(row, id);
      for (const [id, row] of theirs) {
        const local = byRow.get(row);
        if (local !== undefined) run.maps.record.set(id, local);
        else skip(run, 'record', id, `row ${row} of ${String(source.file_name)} was not imported here`);
      }
      continue;
    }
    const base = maxId(db, 'records');
    const importId = writeImport(imp, { id: null, source_id: sourceId, record_base: base });
    log.inserted('imports', importId);
    count(run, 'imports');
    let n = 0;
    for (const rec of otherRows(other, 'records', 'id > ? AND import_id = ? ORDER BY id', imp.record_base, imp.id)) {
      const id = base + (rec.row as number);
      writeRecord(rec, { id, import_id: importId });
      run.maps.record.set(rec.id as number, id);
      run.maps.newRecords.add(rec.id as number);
      tick(run, ++n);
    }
    if (n > 0) indexRecordRange(db, base + 1, maxId(db, 'records'));
    count(run, 'records', n);
    for (const rej of otherRows(other, 'rejects', 'import_id = ? ORDER BY id', imp.id)) {
      writeReject(rej, { id: null, import_id: importId });
    }
  }
}

/** Their documents (with their pages, indexed) and excerpts, mapped onto mine by content. */
export function mergeDocuments(run: MergeRun): void {
  const { db, other, log } = run;
  const writeDocument = rowWriter(db, other, 'documents');
  for (const doc of otherRows(other, 'documents', '1 ORDER BY id')) {
    const sha = doc.sha256 as string;
    const known = findDocumentBySha(db, sha);
    if (known) {
      run.maps.document.set(doc.id as number, known.id);
      continue;
    }
    ensureBlob(run, sha);
    const id = writeDocument(doc, { id: null });
    for (const page of otherRows(other, 'document_pages', 'document_id = ? ORDER BY page', doc.id))
      insertPage(db, id, page.page as number, page.text as string, page.source as 'text' | 'ocr');
    log.inserted('documents', id);
    run.maps.document.set(doc.id as number, id);
    count(run, 'documents');
  }
  const writeExcerpt = rowWriter(db, other, 'excerpts');
  for (const ex of otherRows(other, 'excerpts', '1 ORDER BY id')) {
    const documentId = run.maps.document.get(ex.document_id as number)!;
    const key = [documentId, ex.page, ex.start, ex.end];
    const known = findRow(db, 'excerpts', ['document_id', 'page', 'start', 'end'], key);
    if (known !== undefined) {
      run.maps.excerpt.set(ex.id as number, known);
      continue;
    }
    const id = writeExcerpt(ex, { id: null, document_id: documentId });
    log.inserted('excerpts', id);
    run.maps.excerpt.set(ex.id as number, id);
    count(run, 'excerpts');
  }
}
