import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { ImportFormat } from '../../../../shared/api/records';
import { nonEmptyFileSize } from '../../files';
import { CustodianError } from '../../../../shared/result';

/** What a reader learned about a file: its format, encoding, delimiter and header. */
export interface TableInfo {
  format: ImportFormat;
  encoding: string;
  encodingConfidence: number;
  delimiter: string | null;
  sheets: string[];
  columns: string[];
  /** U+FFFD characters decoding produced so far. */
  replacementChars: number;
  warnings: string[];
}

/** One data row as read. `HASH` (batches/dedupe.ts) holds its text's hash when the reader calls back. */
export interface ReadRow {
  /** 1-based data row: the header is not counted, a multi-line record counts once. */
  row: number;
  fields: string[];
  /** Why the row cannot be read as a record at all (a broken quote, invalid JSON), else null. */
  problem: string | null;
  /** The row's text as it stood in the file (for the reject list). */
  rawText(): string;
}

export interface ReadOptions {
  encoding?: string | undefined;
  delimiter?: string | undefined;
  sheet?: string | number | undefined;
}

export interface ReadCallbacks {
  /** Called once, when the header is known, before any row. */
  header(info: TableInfo): void;
  /** Return false to stop reading (a preview has enough). */
  row(r: ReadRow): boolean | void;
  /** Every byte of the file as read (lets the caller hash it in the same pass). */
  bytes?(chunk: Buffer): void;
  /** Between chunks: progress in bytes; awaiting it lets a job notice a cancel. */
  chunk(bytesRead: number, totalBytes: number): Promise<void> | void;
}

export interface FileFacts {
  size: number;
  head: Buffer;
}

/** Checks the file exists and is not empty; returns its size and first 64 KiB. */
export function fileFacts(path: string): FileFacts {
  const size = nonEmptyFileSize(path, 'import');
  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return { size, head };
}

/** XLSX by its zip signature, JSON lines by extension or a leading `{`, else delimited text. */
export function detectFormat(path: string, head: Buffer): ImportFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    if (/\.(xlsx|xlsm)$/i.test(path) || head.includes('xl/')) return 'xlsx';
    throw new CustodianError('unsupported_format', `${path} is a zip archive, not a spreadsheet Custodian can read (XLSX).`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  const text = head.subarray(0, 256).toString('latin1').replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\0/g, '').trimStart();
  if (text.startsWith('{')) return 'jsonl';
  return 'csv';
}

/** Words that mark a summary line ("TOTAL", "ИТОГО", "合计") rather than a record. */
export const SUMMARY_ROW = /^(total|totals|grand total|итог|итого|всего|合计|总计|合計|總計)\b/iu;
