import { createHash } from 'node:crypto';
import { RECORD_FIELDS, type Mapping } from '../../../../shared/domain/records';
import { cjkBigrams, INDEXED_SLOTS } from '../../db/records-fts';
import { HASH, RowHashes } from './dedupe';
import { compileNormalizer } from '../normalize/row';
import { RecordPacker, type PackedRecords } from './record-pack';
import { CustodianError } from '../../../../shared/result';
import { nonEmptyFileSize } from '../../files';
import { readTable } from '../readers/read-table';
import { SUMMARY_ROW, type ReadRow, type TableInfo, type TableSource } from '../readers/table-source';

/**
 * The reading half of an import: decode, parse, check and normalize rows
 * and pack them, in batches, exactly as the writer (import/import-file.ts) binds
 * them. It touches no database, so it can run in a thread of its own
 * (read-thread.ts) while the writer inserts the previous batch.
 */

/**
 * The record fields an import writes (RECORD_FIELDS indexes, ascending): the mapped ones. The
 * others stay NULL, so neither side spends time on them. A record's cells are id, row, the values
 * of these fields, flags and raw (db/records.ts `recordInserter` binds them in that order).
 */
export function writtenSlots(columns: readonly string[], mapping: Mapping): number[] {
  const slots = new Set<number>();
  for (const c of columns) {
    const f = mapping.columns[c];
    if (f) slots.add(RECORD_FIELDS.indexOf(f));
  }
  return [...slots].sort((a, b) => a - b);
}

/**
 * What the writer decided before reading began (the import row exists; ids are base + row).
 * Plain data: it crosses to the reading thread as it is.
 */
export interface ReadPlan {
  /** The file as opened: format, encoding and delimiter are decided, not detected again. */
  source: TableSource;
  columns: string[];
  mapping: Mapping;
  importId: number;
  /** Record ids are base + row: unique, in row order, known before insert (the FTS rowid too). */
  base: number;
  /** Hash the file's bytes while reading (when it was not hashed up front). */
  hashBytes: boolean;
}

/** A row whose text hashes like an earlier row's: only the writer can confirm it against the stored row. */
export interface Candidate {
  /** How many of the batch's records come before it. */
  at: number;
  row: number;
  earlier: number;
  fields: string[];
  raw: string;
  /** Its record's cells, written if it is not a duplicate after all. */
  cells: (string | number | null)[];
  /** Its `cjk` full-text column (cjkBigrams), or null. */
  cjk: string | null;
  flagged: boolean;
}

export interface RowBatch {
  records: PackedRecords;
  /** The ids of the batch's first and last row: its records are the ids in between. */
  firstId: number;
  lastId: number;
  /** (id, bigrams) per record whose indexed text has CJK: the writer indexes those rows with their `cjk` column. */
  cjk: (number | string)[];
  /** Records among `records` with flags. */
  flagged: number;
  /** Rows whose every cell is empty or whitespace: skipped, only counted. */
  blankRows: number;
  /** (row, reason, raw) per rejected row. */
  rejects: (number | string)[];
  candidates: Candidate[];
  rowsRead: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface ReadResult {
  info: TableInfo;
  sha256: string | null;
}

/** Rows per batch handed to the writer. */
const BATCH_ROWS = 1024;

/**
 * Reads the whole file, handing out batches to `sink` (awaited: the sink
 * applies back-pressure and may throw to stop). Decides each row's fate:
 * unreadable, wrong field count or a summary line → reject; a row hashing
 * like an earlier one → a candidate duplicate for the writer to confirm;
 * everything else → a record, flagged where a value looked wrong.
 */
export async function readImportRows(plan: ReadPlan, sink: (b: RowBatch) => Promise<void> | void): Promise<ReadResult> {
  const { source } = plan;
  // The plan holds the size the file had when opened: reading a file that has changed since would mix the two.
  if (nonEmptyFileSize(source.path, 'import') !== source.size) {
    throw new CustodianError('file_changed', `${source.path} changed while it was being imported; import it again.`);
  }
  const hasher = plan.hashBytes ? createHash('sha256') : null;
  const width = writtenSlots(plan.columns, plan.mapping).length + 4;
  let onRow: (r: ReadRow) => void = () => {};
  let batch = new BatchBuilder(width);
  const flush = async (done: number, total: number) => {
    const b = batch.finish(done, total);
    batch = new BatchBuilder(width);
    await sink(b);
  };
  const info = await readTable(source, {
    header(info) {
      if (info.columns.length !== plan.columns.length || info.columns.some((c, i) => c !== plan.columns[i])) {
        throw new Error('The file changed while it was being imported (its header is not the one read first).');
      }
      onRow = rowHandler(plan, info, () => batch);
    },
    row: (r) => onRow(r),
    bytes: hasher ? (chunk) => hasher.update(chunk) : undefined,
    async chunk(done, total) {
      if (batch.rowsRead >= BATCH_ROWS) await flush(done, total);
    },
  });
  await flush(source.size, source.size);
  return { info, sha256: hasher ? hasher.digest('hex') : null };
}

class BatchBuilder {
  readonly records: RecordPacker;
  firstRow = 0;
  lastRow = 0;
  readonly cjk: (number | string)[] = [];
  flagged = 0;
  blankRows = 0;
  readonly rejects: (number | string)[] = [];
  readonly candidates: Candidate[] = [];
  rowsRead = 0;

  constructor(width: number) {
    this.records = new RecordPacker(width, BATCH_ROWS + 256);
  }

  finish(bytesDone: number, bytesTotal: number): RowBatch {
    const { cjk, flagged, blankRows, rejects, candidates, rowsRead } = this;
    return {
      records: this.records.finish(),
      firstId: this.firstRow,
      lastId: this.lastRow,
      cjk,
      flagged,
      blankRows,
      rejects,
      candidates,
      rowsRead,
      bytesDone,
      bytesTotal,
    };
  }
}

function rowHandler(plan: ReadPlan, info: TableInfo, current: () => BatchBuilder): (r: ReadRow) => void {
  const width = info.columns.length;
  const normalize = compileNormalizer(info.columns, plan.mapping);
  const slots = writtenSlots(plan.columns, plan.mapping);
  const cells = new Array<string | number | null>(slots.length + 4).fill(null);
  const seen = new RowHashes();
  const { base } = plan;
  return (r) => {
    const b = current();
    const id = base + r.row;
    if (b.rowsRead++ === 0) b.firstRow = id;
    b.lastRow = id;
    let reason = r.problem;
    // A row with nothing in it (",,,," or an empty spreadsheet row) is no record and no mistake: counted, not kept.
    if (!reason && r.fields.every(isBlank)) {
      b.blankRows++;
      return;
    }
    if (!reason && r.fields.length !== width) reason = `expected ${width} fields, found ${r.fields.length}`;
    if (!reason) {
      const first = firstNonBlank(r.fields);
      if (first !== undefined && SUMMARY_ROW.test(first.trim())) reason = 'a summary (TOTAL) line, not a record';
    }
    if (reason) {
      b.rejects.push(r.row, reason, r.rawText());
      return;
    }
    const h1 = HASH[0]!;
    const h2 = HASH[1]!;
    const earlier = seen.find(h1, h2);
    const { values, flags, rawDelta } = normalize(r.fields);
    if (info.replacementChars && r.fields.some((f) => f.includes('\uFFFD'))) flags.push('encoding_replacement');
    cells[0] = id;
    cells[1] = r.row;
    for (let k = 0; k < slots.length; k++) cells[k + 2] = values[slots[k]!]!;
    cells[slots.length + 2] = flags.length ? JSON.stringify(flags) : '[]';
    cells[slots.length + 3] = rawDelta;
    const cjk = cjkBigrams(values, INDEXED_SLOTS);
    if (earlier) {
      b.candidates.push({
        at: b.records.count,
        row: r.row,
        earlier,
        fields: r.fields,
        raw: r.rawText(),
        cells: [...cells],
        cjk: cjk || null,
        flagged: flags.length > 0,
      });
      return;
    }
    b.records.push(cells);
    if (cjk) b.cjk.push(id, cjk);
    if (flags.length) b.flagged++;
    seen.add(h1, h2, r.row);
  };
}

const isBlank = (f: string) => f.trim() === '';

function firstNonBlank(fields: string[]): string | undefined {
  for (const f of fields) if (f.trim() !== '') return f;
  return undefined;
}
