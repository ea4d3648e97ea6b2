import { createHash } from 'node:crypto';
import { RECORD_FIELDS, type Mapping, type RecordField } from '../../../shared/domain/records';
import { cjkBigrams, foldForIndex } from '../db/records-fts';
import { HASH, RowHashes } from './dedupe';
import { compileNormalizer } from './normalize/row';
import { readTable } from './read-table';
import { fileFacts, SUMMARY_ROW, type ReadOptions, type ReadRow, type TableInfo } from './table-source';

/**
 * The reading half of an import: decode, parse, check and normalize rows
 * and lay them out, in batches, exactly as the writer (import-file.ts)
 * binds them. It touches no database. (Running it in a second thread was
 * measured: structured-cloning the batches cost ~11 s of CPU per million
 * rows, more than the overlap won on a shared two-core machine.)
 */

/** Parameters per record, in the writer's column order: id, import_id, row, RECORD_FIELDS…, flags, raw. */
export const RECORD_WIDTH = RECORD_FIELDS.length + 5;
/** Parameters per full-text row: rowid, shipper, consignee, notify, producer, description, cjk. */
export const FTS_WIDTH = 7;
const FTS_SLOTS = (['shipper', 'consignee', 'notify', 'producer', 'description'] as const satisfies readonly RecordField[]).map((f) =>
  RECORD_FIELDS.indexOf(f),
);

/** What the writer decided before reading began (the import row exists; ids are base + row). */
export interface ReadPlan {
  path: string;
  read: ReadOptions;
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
  record: unknown[];
  fts: unknown[];
  flagged: boolean;
}

export interface RowBatch {
  /** RECORD_WIDTH values per record. */
  records: unknown[];
  /** FTS_WIDTH values per record. */
  fts: unknown[];
  /** Records among `records` with flags. */
  flagged: number;
  /** (row, reason, raw) per rejected row. */
  rejects: unknown[];
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
const BATCH_ROWS = 2048;

const newBatch = (): RowBatch => ({ records: [], fts: [], flagged: 0, rejects: [], candidates: [], rowsRead: 0, bytesDone: 0, bytesTotal: 0 });

/**
 * Reads the whole file, handing out batches to `sink` (awaited: the sink
 * applies back-pressure and may throw to stop). Decides each row's fate:
 * unreadable, wrong field count or a summary line → reject; a row hashing
 * like an earlier one → a candidate duplicate for the writer to confirm;
 * everything else → a record, flagged where a value looked wrong.
 */
export async function readImportRows(plan: ReadPlan, sink: (b: RowBatch) => Promise<void> | void): Promise<ReadResult> {
  const facts = fileFacts(plan.path);
  const hasher = plan.hashBytes ? createHash('sha256') : null;
  let onRow: (r: ReadRow) => void = () => {};
  let batch = newBatch();
  const flush = async (done: number, total: number) => {
    const b = batch;
    batch = newBatch();
    b.bytesDone = done;
    b.bytesTotal = total;
    await sink(b);
  };
  const info = await readTable(
    plan.path,
    plan.read,
    {
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
    },
    facts,
  );
  await flush(facts.size, facts.size);
  return { info, sha256: hasher ? hasher.digest('hex') : null };
}

function rowHandler(plan: ReadPlan, info: TableInfo, current: () => RowBatch): (r: ReadRow) => void {
  const width = info.columns.length;
  const normalize = compileNormalizer(info.columns, plan.mapping);
  const seen = new RowHashes();
  const { importId, base } = plan;
  const nFields = RECORD_FIELDS.length;
  return (r) => {
    const b = current();
    b.rowsRead++;
    let reason = r.problem;
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
    const id = base + r.row;
    const flagsText = flags.length ? JSON.stringify(flags) : '[]';
    if (earlier) {
      const record: unknown[] = [id, importId, r.row, ...values, flagsText, rawDelta];
      const fts: unknown[] = [];
      pushFts(fts, id, values);
      b.candidates.push({ at: b.records.length / RECORD_WIDTH, row: r.row, earlier, fields: r.fields, raw: r.rawText(), record, fts, flagged: flags.length > 0 });
      return;
    }
    const rec = b.records;
    rec.push(id, importId, r.row);
    for (let i = 0; i < nFields; i++) rec.push(values[i]);
    rec.push(flagsText, rawDelta);
    pushFts(b.fts, id, values);
    if (flags.length) b.flagged++;
    seen.add(h1, h2, r.row);
  };
}

function pushFts(out: unknown[], id: number, values: (string | number | null)[]): void {
  const at = out.length;
  out.push(id);
  for (let i = 0; i < 5; i++) out.push(foldForIndex(values[FTS_SLOTS[i]!]));
  out.push(cjkBigrams(out, at + 1, at + 6) || null);
}

function firstNonBlank(fields: string[]): string | undefined {
  for (const f of fields) if (f.trim() !== '') return f;
  return undefined;
}
