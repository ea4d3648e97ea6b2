import { open } from 'node:fs/promises';
import { CustodianError } from '../../../../shared/result';
import { CsvParser } from './csv-parser';
import { hashText } from '../batches/dedupe';
import { countReplacements, makeDecoder } from './encoding';
import { unreadTable, type ReadCallbacks, type TableInfo, type TableSource } from './table-source';

// 64 KiB: the decoded text stays a young-generation object (under V8's large-object size), so it dies in a cheap scavenge instead of piling up in old space.
const CHUNK = 1 << 16;
const READ = 1 << 20;

/** Streams a delimited text file: decode chunk by chunk, parse, hand out rows; memory stays flat. */
export async function readCsv(source: TableSource, cb: ReadCallbacks): Promise<TableInfo> {
  const { path, size, bomLength } = source;
  const decoder = makeDecoder(source.encoding);
  const info = unreadTable('csv', source.encoding, source.encodingConfidence, source.delimiter);

  // A delimited file's delimiter was chosen or sniffed when it was opened (open-table.ts).
  const parser = new CsvParser(source.delimiter!);
  let headerDone = false;
  let row = 0;
  let blank = 0;
  let stopped = false;
  const onRecord = (fields: string[], src: string, start: number, end: number, problem: string | null) => {
    if (stopped) return;
    if (fields.length === 1 && fields[0]!.trim() === '' && !problem) {
      // Only blank lines after the header are rows of the file; blank lines above it are layout.
      if (headerDone) blank++;
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
      const lastRead = pos + bytesRead >= size || bytesRead === 0;
      cb.bytes?.(buf.subarray(0, bytesRead));
      for (let at = 0; !stopped && (at < bytesRead || (lastRead && at === 0)); at += CHUNK) {
        const end = Math.min(at + CHUNK, bytesRead);
        const last = lastRead && end === bytesRead;
        let bytes = buf.subarray(at, end);
        if (first) bytes = bytes.subarray(bomLength);
        let text = decoder.decode(bytes, { stream: !last });
        if (first) {
          text = text.replace(/^\uFEFF/, '');
          first = false;
        }
        info.replacementChars += countReplacements(text);
        parser.push(text, last, onRecord);
        await cb.chunk(pos + end, size);
      }
      pos += bytesRead;
      if (lastRead) break;
    }
  } finally {
    await fh.close();
  }
  if (!headerDone) throw new CustodianError('empty_file', `${path} has no header row: there is nothing to import.`);
  info.skippedBlankRows = blank;
  return info;
}
