import { basename } from 'node:path';
import type { ImportOptions } from '../../../shared/api/records';
import type { ImportSummary } from '../../../shared/domain/records';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { cacheSize, restoreCacheSize, setCacheSize } from '../db/connection';
import { beginImmediate, type HeldTransaction } from '../db/held-transaction';
import { findImportBySha, finishImport, insertImport, sourceOfSizeExists } from '../db/imports';
import { maxRecordId } from '../db/records';
import { insertSource, setSourceHash } from '../db/sources';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { updateSearchWords } from '../search/search-words';
import { batchWriter, noRowsCounted } from './write/batch-writer';
import { keepOriginal, sha256File } from './write/keep-original';
import { resolveMapping } from './mapping/mapping';
import { readImportRows, type ReadPlan, type RowBatch } from './batches/import-rows';
import { readImportRowsInThread, readThreadMinBytes } from './batches/read-thread';
import { fileFacts, openTable } from './readers/open-table';
import { MEDIA_TYPES, readTable } from './readers/read-table';
import type { TableInfo, TableSource } from './readers/table-source';

/** Connections with an import in flight: an import holds the write transaction across awaits. */
const busy = new WeakSet<WriteDb>();

export interface ImportRunOptions {
  control?: JobControl | undefined;
  /** Read and check everything, then roll back: what the import would do (the wizard's validation). */
  dryRun?: boolean;
}

/**
 * Imports one customs file into the case as ONE transaction: its source,
 * the import batch, every record with its raw row, every reject and the
 * audit entry land together or not at all, so a cancel, an error or a
 * killed process leaves the case as it was. The file is streamed; memory
 * does not grow with its size (only a 64-bit hash per row, for duplicates).
 */
export async function importFile(
  db: WriteDb,
  options: ImportOptions,
  actor: string,
  run: ImportRunOptions = {},
): Promise<ImportSummary> {
  const { control, dryRun = false } = run;
  const facts = fileFacts(options.path);
  // A same-SHA file must have the same size: hash up front only when one could match.
  let sha256: string | null = null;
  if (facts.format === 'xlsx' || sourceOfSizeExists(db, facts.size)) {
    sha256 = await sha256File(options.path);
    const earlier = findImportBySha(db, sha256);
    if (earlier) return alreadyImported(earlier.id, earlier.encoding, sha256);
  }
  if (busy.has(db)) throw new CustodianError('busy', 'Another import is running in this case; wait for it to finish.');
  busy.add(db);
  const counts = {
    ...noRowsCounted(),
    replacementChars: 0,
    warnings: [] as string[],
  };
  let transaction: HeldTransaction | null = null;
  const cacheBefore = cacheSize(db);
  try {
    // Opened once: the format, encoding and delimiter decided here are what every later read uses.
    const source = openTable(facts, { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet });
    // The header first (a few KiB), so the mapping and the record ids are settled before any row is read.
    const head = await readHeader(source);
    setCacheSize(db, IMPORT_CACHE_KIB);
    transaction = beginImmediate(db);
    const resolved = resolveMapping(db, options, head.columns);
    const presetName = resolved.preset;
    counts.warnings.push(...resolved.warnings);
    const now = new Date().toISOString();
    const sourceId = insertSource(db, {
      fileName: options.fileName ?? basename(options.path),
      mediaType: MEDIA_TYPES[head.format],
      size: facts.size,
      sha256: sha256 ?? '',
      importedAt: now,
      importedBy: actor,
      note: '',
    });
    const base = maxRecordId(db);
    const importId = insertImport(db, {
      sourceId,
      preset: resolved.preset,
      mapping: resolved.mapping,
      columns: head.columns,
      format: head.format,
      encoding: head.encoding,
      delimiter: head.delimiter,
      recordBase: base,
      startedAt: now,
    });
    const plan: ReadPlan = {
      source,
      columns: head.columns,
      mapping: resolved.mapping,
      importId,
      base,
      hashBytes: !sha256,
    };
    // A big file is read in a second thread and indexed in bulk.
    const big = facts.size >= readThreadMinBytes();
    const writer = batchWriter(db, plan, counts, dryRun ? 'none' : big ? 'bulk' : 'usual');
    let lastProgress = 0;
    const sink = (batch: RowBatch) => {
      if (control?.signal.aborted)
        throw new CustodianError('cancelled', 'The import was cancelled; nothing was changed.');
      writer.write(batch);
      const t = Date.now();
      if (control && t - lastProgress >= 250) {
        lastProgress = t;
        control.progress(
          batch.bytesTotal ? batch.bytesDone / batch.bytesTotal : null,
          `${counts.rowsRead.toLocaleString('en')} rows read`,
        );
      }
    };
    const startHelper = control?.startHelper;
    const result =
      startHelper && big ? await readImportRowsInThread(startHelper, plan, sink) : await readImportRows(plan, sink);
    const info = result.info;
    counts.replacementChars = info.replacementChars;
    // Blank lines the reader passed over are rows of the file all the same: rowsRead counts every row after the header.
    counts.blankRows += info.skippedBlankRows;
    counts.rowsRead += info.skippedBlankRows;
    counts.warnings.push(...info.warnings);
    if (info.replacementChars) {
      counts.warnings.push(
        `Decoding as ${info.encoding} produced ${info.replacementChars} replacement character(s) (�): the encoding may be wrong; try --encoding.`,
      );
    }
    if (!sha256) {
      // Hashed while reading: only now can a re-import of the same bytes be told apart.
      sha256 = result.sha256!;
      const earlier = findImportBySha(db, sha256);
      if (earlier && earlier.id !== importId) {
        transaction.rollback();
        return alreadyImported(earlier.id, earlier.encoding, sha256);
      }
    }
    const original = dryRun ? { blobSha256: null, note: '' } : keepOriginal(db, options.path, facts.size);
    setSourceHash(db, sourceId, sha256, original.blobSha256, original.note);
    writer.done();
    if (!dryRun) {
      control?.progress(1, 'Indexing words across scripts…');
      updateSearchWords(db);
    }
    finishImport(db, importId, counts);
    appendAudit(db, actor, 'import.run', {
      importId,
      file: basename(options.path),
      sha256,
      preset: presetName,
      ...counts,
    });
    if (dryRun) transaction.rollback();
    else {
      control?.progress(1, 'Saving…');
      transaction.commit();
    }
    return { importId: dryRun ? 0 : importId, ...counts, alreadyImported: false, encoding: info.encoding };
  } catch (e) {
    transaction?.rollback();
    throw e;
  } finally {
    restoreCacheSize(db, cacheBefore);
    busy.delete(db);
  }
}

/**
 * The page cache while importing, in KiB (a connection's usual one is 64 MiB). Rows go in in id order and
 * most index entries are appends, so a larger cache bought no speed and cost peak memory: 1M rows took
 * 20–21 s either way, with 391–396 MB at 24 MiB against 453–463 MB at 64. (16 MiB: 380 MB, but 25 s.)
 */
const IMPORT_CACHE_KIB = 24_576;

/** The file's header, read without going past the first row. */
async function readHeader(source: TableSource): Promise<TableInfo> {
  return readTable(source, { header() {}, row: () => false, chunk() {} });
}

function alreadyImported(importId: number, encoding: string, sha256: string): ImportSummary {
  return {
    importId,
    ...noRowsCounted(),
    alreadyImported: true,
    encoding,
    replacementChars: 0,
    warnings: [`This file (SHA-256 ${sha256}) was already imported as import ${importId}; nothing was added.`],
  };
}
