import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { ImportFormat } from '../../../../shared/api/records';
import { CustodianError } from '../../../../shared/result';
import { nonEmptyFileSize } from '../../files';
import { makeDecoder, textDecoding } from './encoding';
import { sniffDelimiter } from './sniff';
import type { ReadOptions, TableSource } from './table-source';
import { assertSafeZip } from './zip-guard';

/** The bytes the format, encoding and delimiter are told from. */
const HEAD_BYTES = 64 * 1024;

/** A file as found: its size, first 64 KiB and format. */
export interface FileFacts {
  path: string;
  size: number;
  head: Buffer;
  format: ImportFormat;
}

/** Checks the file exists and is not empty; returns its size, first 64 KiB and format. */
export function fileFacts(path: string): FileFacts {
  const size = nonEmptyFileSize(path, 'import');
  const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return { path, size, head, format: detectFormat(path, head) };
}

/** XLSX by its zip signature, JSON lines by extension or a leading `{`, else delimited text. */
function detectFormat(path: string, head: Buffer): ImportFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    if (/\.(xlsx|xlsm)$/i.test(path) || head.includes('xl/')) return 'xlsx';
    throw new CustodianError(
      'unsupported_format',
      `${path} is a zip archive, not a spreadsheet Custodian can read (XLSX).`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  const text = head
    .subarray(0, 256)
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\0/g, '')
    .trimStart();
  if (text.startsWith('{')) return 'jsonl';
  return 'csv';
}

/**
 * Decides once how the file is read: a spreadsheet's zip is checked for a
 * bomb; text gets its encoding (chosen, or detected; a binary file is
 * refused) and delimited text its delimiter (chosen, or sniffed from the
 * first 64 KiB as the reader will decode them).
 */
export function openTable(facts: FileFacts, opts: ReadOptions): TableSource {
  const { path, size, head, format } = facts;
  if (format === 'xlsx') {
    assertSafeZip(path, size);
    return {
      path,
      size,
      format,
      encoding: 'xlsx',
      encodingConfidence: 1,
      bomLength: 0,
      delimiter: null,
      sheet: opts.sheet,
    };
  }
  const text = textDecoding(path, head, opts.encoding);
  const delimiter =
    format === 'csv' ? (opts.delimiter ?? sniffDelimiter(firstText(facts, text.encoding, text.bomLength))) : null;
  return {
    path,
    size,
    format,
    encoding: text.encoding,
    encodingConfidence: text.confidence,
    bomLength: text.bomLength,
    delimiter,
    sheet: opts.sheet,
  };
}

/** The head decoded as the reader decodes its first chunk: without the byte-order mark, a character cut at the end held back. */
function firstText(facts: FileFacts, encoding: string, bomLength: number): string {
  const text = makeDecoder(encoding).decode(facts.head.subarray(bomLength), { stream: facts.size > facts.head.length });
  return text.replace(/^\uFEFF/, '').slice(0, HEAD_BYTES);
}
