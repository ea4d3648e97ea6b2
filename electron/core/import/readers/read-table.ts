import { readCsv } from './csv-reader';
import { readJsonl } from './jsonl-reader';
import { readXlsx } from './xlsx-reader';
import type { ReadCallbacks, TableInfo, TableSource } from './table-source';

/** Reads any supported table (CSV/TSV/…, JSON lines, XLSX) as it was opened (open-table.ts), streaming, through the callbacks. */
export async function readTable(source: TableSource, cb: ReadCallbacks): Promise<TableInfo> {
  if (source.format === 'xlsx') return readXlsx(source, cb);
  if (source.format === 'jsonl') return readJsonl(source, cb);
  return readCsv(source, cb);
}

export const MEDIA_TYPES = {
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
