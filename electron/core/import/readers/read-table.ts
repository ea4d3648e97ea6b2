import { readCsv } from './csv-reader';
import { readJsonl } from './jsonl-reader';
import { readXlsx } from './xlsx-reader';
import { detectFormat, fileFacts, type FileFacts, type ReadCallbacks, type ReadOptions, type TableInfo } from './table-source';

/** Reads any supported table (CSV/TSV/…, JSON lines, XLSX), streaming, through the callbacks. */
export async function readTable(path: string, opts: ReadOptions, cb: ReadCallbacks, facts: FileFacts = fileFacts(path)): Promise<TableInfo> {
  const format = detectFormat(path, facts.head);
  if (format === 'xlsx') return readXlsx(path, facts, opts, cb);
  if (format === 'jsonl') return readJsonl(path, facts, opts, cb);
  return readCsv(path, facts, opts, cb);
}

export const MEDIA_TYPES = {
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
