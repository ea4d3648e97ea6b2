import type { ImportFormat } from '../../../../shared/api/records';

/**
 * How a file is read, decided once when it is opened (open-table.ts): its
 * format, encoding and delimiter. Plain data, so that an import's reading
 * thread (batches/read-thread.ts) is handed the decision and reads with it,
 * detecting nothing again.
 */
export interface TableSource {
  path: string;
  /** The file's size when it was opened. */
  size: number;
  format: ImportFormat;
  /** A WHATWG label TextDecoder understands; 'xlsx' for a spreadsheet. */
  encoding: string;
  /** 0..1; 1 when the person chose the encoding. */
  encodingConfidence: number;
  /** Bytes of byte-order mark to skip at the start (0 when the encoding was chosen). */
  bomLength: number;
  /** Delimited text's delimiter (chosen or sniffed); null for JSON lines and XLSX. */
  delimiter: string | null;
  /** The XLSX sheet to read (name or 1-based number); the first with rows when not chosen. */
  sheet: string | number | undefined;
}

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
  /** Rows the reader itself passed over because they hold nothing (empty lines, absent sheet rows): blank rows with no row number. */
  skippedBlankRows: number;
  warnings: string[];
}

/** A reader's TableInfo before it has read anything: how the file is read, and nothing found or counted yet. */
export function unreadTable(
  format: ImportFormat,
  encoding: string,
  encodingConfidence: number,
  delimiter: string | null,
): TableInfo {
  return {
    format,
    encoding,
    encodingConfidence,
    delimiter,
    sheets: [],
    columns: [],
    replacementChars: 0,
    skippedBlankRows: 0,
    warnings: [],
  };
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

/** What the person chose about reading a file; whatever is not chosen is detected when it is opened. */
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

/** Words that mark a summary line ("TOTAL", "ИТОГО", "合计") rather than a record. */
export const SUMMARY_ROW = /^(total|totals|grand total|итог|итого|всего|合计|总计|合計|總計)\b/iu;
