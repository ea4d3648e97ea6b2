import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { isUtf8, makeDecoder } from '../../import/readers/encoding';
import { CsvParser } from '../../import/readers/csv-parser';
import { ListFileError, type ReadProgress } from './list-item';

export interface CsvRow {
  fields: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/**
 * The rows of a CSV file, streamed chunk by chunk (memory stays flat on a
 * list of hundreds of MB), with the line each starts on for error messages.
 * UTF-8 unless the first MiB is not (old OFAC files are Windows-1252); a
 * trailing DOS end-of-file byte (0x1A, which OFAC's files end with) and
 * blank lines are skipped. A row the parser cannot close is an error.
 */
export async function* csvRows(path: string, read?: ReadProgress, delimiter = ','): AsyncGenerator<CsvRow> {
  const file = basename(path);
  const parser = new CsvParser(delimiter);
  let decoder: TextDecoder | null = null;
  let line = 1;
  let rows: CsvRow[] = [];
  let problem: { line: number; reason: string } | null = null;
  // Lines are counted from the text between records too: a record's range leaves out its line break.
  let pos = 0;
  const emit = (fields: string[], src: string, start: number, end: number, p: string | null) => {
    line += newlines(src, pos, start);
    const startLine = line;
    line += newlines(src, start, end);
    pos = end;
    if (p && !problem) problem = { line: startLine, reason: p };
    const blank = fields.length === 1 && /^[\s\u001a]*$/.test(fields[0]!);
    if (!blank) rows.push({ fields, line: startLine });
  };
  const push = (text: string, final: boolean) => {
    pos = 0;
    const src = pendingText(parser) + text;
    parser.push(text, final, emit);
    // What the parser keeps for the next chunk starts a record: count the line breaks before it now.
    line += newlines(src, pos, src.length - pendingText(parser).length);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    if (read) read.bytes += bytes.length;
    if (!decoder) {
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      decoder = makeDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252');
      if (bom) decoder.decode(bytes.subarray(0, 3), { stream: true });
      push(decoder.decode(bom ? bytes.subarray(3) : bytes, { stream: true }), false);
    } else push(decoder.decode(bytes, { stream: true }), false);
    yield* flush();
  }
  push(decoder ? decoder.decode() : '', true);
  yield* flush();

  function* flush(): Generator<CsvRow> {
    if (problem) throw new ListFileError(file, problem.line, problem.reason);
    const out = rows;
    rows = [];
    for (const r of out) {
      const last = r.fields.length - 1;
      // The end-of-file byte can sit at the end of the last field when the file has no final line break.
      r.fields[last] = r.fields[last]!.replace(/\u001a+\s*$/, '');
      yield r;
    }
  }
}

/** Checks a row has the number of columns its file must have. */
export function expectColumns(path: string, row: CsvRow, count: number, what: string): void {
  if (row.fields.length !== count)
    throw new ListFileError(
      basename(path),
      row.line,
      `${row.fields.length} columns where ${what} has ${count} (wrong column count)`,
    );
}

function newlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The text the parser holds back (a record cut by the chunk's end), which the next push parses first. */
const pendingText = (parser: CsvParser): string => (parser as unknown as { rest: string }).rest;
