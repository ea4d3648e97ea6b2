import { open } from 'node:fs/promises';
import { CustodianError } from '../../../../shared/result';
import { CsvParser } from './csv-parser';
import { hashText } from '../batches/dedupe';
import { countReplacements, textDecoding } from './encoding';
import { sniffDelimiter } from './sniff';
import type { FileFacts, ReadCallbacks, ReadOptions, TableInfo } from './table-source';

// 64 KiB: the decoded text stays a young-generation object (under V8's large-object size), so it dies in a cheap scavenge instead of piling up in old space.
const CHUNK = 1 << 16;
const READ = 1 << 20;

/** Streams a delimited text file: decode chunk by chunk, parse, hand out rows; memory stays flat. */
export async function readCsv(path: string, facts: FileFacts, opts: ReadOptions, cb: ReadCallbacks): Promise<TableInfo> {
  const { decoder, confidence, bomLength } = textDecoding(path, facts.head, opts.encoding);
  const info: TableInfo = {
    format: 'csv',
    encoding: decoder.encoding,
    encodingConfidence: confidence,
    delimiter: opts.delimiter ?? null,
    sheets: [],
    columns: [],
    replacementChars: 0,
    warnings: [],
  };
  let parser: CsvParser | null = null;
  let headerDone = false;
  let row = 0;
  let blank = 0;
  let stopped = false;
  const onRecord = (fields: string[], src: string, start: number, end: number, problem: string | null) => {
    if (stopped) return;
    if (fields.length === 1 && fields[0]!.trim() === '' && !problem) {
      blank++;
      return;
    }
    if (!headerDone) {
      headerDone = true;
      info.columns = fields.map((f) => f.trim());
      cb.header(info);
      return;
    }
    hashText(src, start, end);
    row++;
    const keep = cb.row({ row, fields, problem, rawText: () => src.slice(start, end) });
    if (keep === false) stopped = true;
  };
  const fh = await open(path, 'r');
  try {
    // Read 1 MiB at a time (fewer trips to the thread pool), decode and parse it 64 KiB at a time.
    const buf = Buffer.alloc(READ);
    let pos = 0;
    let first = true;
    while (!stopped) {
      const { bytesRead } = await fh.read(buf, 0, READ, pos);
      const lastRead = pos + bytesRead >= facts.size || bytesRead === 0;
      cb.bytes?.(buf.subarray(0, bytesRead));
      for (let at = 0; !stopped && (at < bytesRead || (lastRead && at === 0)); at += CHUNK) {
        const end = Math.min(at + CHUNK, bytesRead);
        const last = lastRead && end === bytesRead;
        let bytes = buf.subarray(at, end);
        if (first) bytes = bytes.subarray(bomLength);
        let text = decoder.decode(bytes, { stream: !last });
        if (first) {
          text = text.replace(/^\uFEFF/, '');
          if (!info.delimiter) info.delimiter = sniffDelimiter(text.slice(0, 64 * 1024));
          parser = new CsvParser(info.delimiter);
          first = false;
        }
        info.replacementChars += countReplacements(text);
        parser!.push(text, last, onRecord);
        await cb.chunk(pos + end, facts.size);
      }
      pos += bytesRead;
      if (lastRead) break;
    }
  } finally {
    await fh.close();
  }
  if (!headerDone) throw new CustodianError('empty_file', `${path} has no header row: there is nothing to import.`);
  if (blank) info.warnings.push(`${blank} blank line(s) were skipped (they hold no values).`);
  return info;
}
