import { open } from 'node:fs/promises';
import { CustodianError } from '../../../../shared/result';
import { hashText } from '../batches/dedupe';
import { countReplacements, makeDecoder } from './encoding';
import { unreadTable, type ReadCallbacks, type TableInfo, type TableSource } from './table-source';

// 64 KiB: the decoded text stays a young-generation object (under V8's large-object size), so it dies in a cheap scavenge instead of piling up in old space.
const CHUNK = 1 << 16;

/**
 * Streams JSON lines: one object per line. The first object's keys are the
 * columns; values become text as written (numbers in JSON notation, null as
 * empty). A line that is not an object, or names keys the first line did
 * not, cannot be lined up with the columns and is rejected, never dropped.
 */
export async function readJsonl(source: TableSource, cb: ReadCallbacks): Promise<TableInfo> {
  const { path, size, bomLength } = source;
  const decoder = makeDecoder(source.encoding);
  const info = unreadTable('jsonl', source.encoding, source.encodingConfidence, null);

  let index: Map<string, number> | null = null;
  let row = 0;
  let stopped = false;
  const onLine = (line: string) => {
    if (line.trim() === '') return;
    let obj: unknown;
    let problem: string | null = null;
    try {
      obj = JSON.parse(line);
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) problem = 'the line is not a JSON object';
    } catch {
      problem = 'the line is not valid JSON';
    }
    if (!index) {
      if (problem)
        throw new CustodianError(
          'invalid_input',
          `${path}: the first line is not a JSON object, so the file is not JSON lines.`,
        );
      info.columns = Object.keys(obj as object);
      index = new Map(info.columns.map((c, i) => [c, i]));
      cb.header(info);
    }
    const fields = new Array<string>(info.columns.length).fill('');
    if (!problem) {
      const extra: string[] = [];
      for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
        const i = index.get(k);
        if (i === undefined) extra.push(k);
        else
          fields[i] =
            v === null || v === undefined
              ? ''
              : typeof v === 'string'
                ? v
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : String(v);
      }
      if (extra.length) problem = `fields not in the first line: ${extra.join(', ')}`;
    }
    hashText(line, 0, line.length);
    row++;
    if (cb.row({ row, fields, problem, rawText: () => line }) === false) stopped = true;
  };
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let pos = 0;
    let rest = '';
    let first = true;
    while (!stopped) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
      const last = pos + bytesRead >= size || bytesRead === 0;
      let bytes = buf.subarray(0, bytesRead);
      cb.bytes?.(bytes);
      if (first) bytes = bytes.subarray(bomLength);
      pos += bytesRead;
      let text = decoder.decode(bytes, { stream: !last });
      if (first) text = text.replace(/^\uFEFF/, '');
      first = false;
      info.replacementChars += countReplacements(text);
      text = rest + text;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1 && !stopped; nl = text.indexOf('\n', start)) {
        onLine(text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      if (last) {
        if (!stopped && rest.trim()) onLine(rest.replace(/\r$/, ''));
        break;
      }
      await cb.chunk(pos, size);
    }
  } finally {
    await fh.close();
  }
  if (!index) throw new CustodianError('empty_file', `${path} holds no JSON objects: there is nothing to import.`);
  return info;
}
