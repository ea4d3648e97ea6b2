import { basename } from 'node:path';
import type { ImportOptions } from '../../../shared/api/records';
import type { ImportSummary } from '../../../shared/domain/records';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { beginImmediate, type HeldTransaction } from '../db/held-transaction';
import { findImportBySha, finishImport, insertImport, rejectInserter, sourceOfSizeExists } from '../db/imports';
import { maxRecordId, recordIndexer, recordInserter, recordValuesById } from '../db/records';
import { insertSource, setSourceHash } from '../db/sources';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { keepOriginal, sha256File } from './write/keep-original';
import { resolveMapping } from './mapping/mapping';
import { rebuildRaw } from './normalize/raw-row';
import { readImportRows, writtenSlots, type ReadPlan, type RowBatch } from './batches/import-rows';
import { readImportRowsInThread, readThreadMinBytes } from './batches/read-thread';
import { PackCursor } from './batches/record-pack';
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
  const counts = { rowsRead: 0, rowsImported: 0, rowsRejected: 0, duplicates: 0, rowsFlagged: 0, replacementChars: 0, warnings: [] as string[] };
  let transaction: HeldTransaction | null = null;
  try {
    // Opened once: the format, encoding and delimiter decided here are what every later read uses.
    const source = openTable(facts, { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet });
    // The header first (a few KiB), so the mapping and the record ids are settled before any row is read.
    const head = await readHeader(source);
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
      if (control?.signal.aborted) throw new CustodianError('cancelled', 'The import was cancelled; nothing was changed.');
      writer.write(batch);
      const t = Date.now();
      if (control && t - lastProgress >= 250) {
        lastProgress = t;
        control.progress(batch.bytesTotal ? batch.bytesDone / batch.bytesTotal : null, `${counts.rowsRead.toLocaleString('en')} rows read`);
      }
    };
    const script = control?.workerScript;
    const result =
      script && big ? await readImportRowsInThread(script, plan, sink) : await readImportRows(plan, sink);
    const info = result.info;
    counts.replacementChars = info.replacementChars;
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
    finishImport(db, importId, counts);
    appendAudit(db, actor, 'import.run', { importId, file: basename(options.path), sha256, preset: presetName, ...counts });
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
    busy.delete(db);
  }
}

/** The file's header, read without going past the first row. */
async function readHeader(source: TableSource): Promise<TableInfo> {
  return readTable(source, { header() {}, row: () => false, chunk() {} });
}

function alreadyImported(importId: number, encoding: string, sha256: string): ImportSummary {
  return {
    importId,
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    duplicates: 0,
    rowsFlagged: 0,
    alreadyImported: true,
    encoding,
    replacementChars: 0,
    warnings: [`This file (SHA-256 ${sha256}) was already imported as import ${importId}; nothing was added.`],
  };
}

type Counts = { rowsRead: number; rowsImported: number; rowsRejected: number; duplicates: number; rowsFlagged: number };

/**
 * Writes each batch the reader sends: rejects as they are, records from
 * their pack, each candidate duplicate checked against the earlier row as
 * stored (a hash match is only a candidate): an exact repeat is counted as
 * a duplicate and listed with the row it repeats. Then the batch's records
 * go into the full-text index, from their stored columns.
 */
function batchWriter(
  db: WriteDb,
  plan: ReadPlan,
  counts: Counts,
  indexing: 'usual' | 'bulk' | 'none',
): { write(b: RowBatch): void; done(): void } {
  const insert = recordInserter(db, plan.importId, writtenSlots(plan.columns, plan.mapping));
  // A dry run (the wizard's validation) rolls everything back: indexing would be wasted work.
  const index = indexing === 'none' ? null : recordIndexer(db, indexing === 'bulk');
  const reject = rejectInserter(db, plan.importId);
  const write = (b: RowBatch) => {
    counts.rowsRead += b.rowsRead;
    for (let i = 0; i < b.rejects.length; i += 3) {
      reject({ row: b.rejects[i] as number, reason: b.rejects[i + 1] as string, raw: b.rejects[i + 2] as string });
      counts.rowsRejected++;
    }
    const records = new PackCursor(b.records);
    const insertUpTo = (end: number) => {
      while (records.at < end) {
        records.next();
        insert(records.cells);
      }
    };
    const cjk = b.cjk;
    for (const c of b.candidates) {
      // The earlier row may sit in this batch: write everything before the candidate first.
      insertUpTo(c.at);
      const prev = recordValuesById(db, plan.base + c.earlier);
      if (prev && sameFields(rebuildRaw(prev.values, prev.raw, plan.columns, plan.mapping), c.fields)) {
        reject({ row: c.row, reason: `duplicate of row ${c.earlier}`, raw: c.raw, duplicateOf: c.earlier });
        counts.duplicates++;
      } else {
        insert(c.cells);
        if (c.cjk) cjk.push(c.cells[0]!, c.cjk);
        counts.rowsImported++;
        if (c.flagged) counts.rowsFlagged++;
      }
    }
    insertUpTo(b.records.count);
    counts.rowsImported += b.records.count;
    counts.rowsFlagged += b.flagged;
    if (b.rowsRead) index?.add(b.firstId, b.lastId, cjk);
  };
  return { write, done: () => index?.done() };
}

function sameFields(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
