import { CsvParser } from './csv-parser';

/**
 * Each record keeps its row exactly as it stood in the file (after
 * decoding): for CSV the record's text with its quotes and delimiters, for
 * JSON lines the line, for XLSX a JSON array of the cell texts. That is
 * both the most faithful provenance and the cheapest to store; the values
 * are recovered from it with the import's delimiter when a record is shown.
 */
export function rawValues(raw: string, format: string, delimiter: string | null, columns: string[]): string[] {
  if (format === 'xlsx') return JSON.parse(raw) as string[];
  if (format === 'jsonl') {
    try {
      const obj = JSON.parse(raw) as Record<string, unknown>;
      return columns.map((c) => obj[c]).map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)));
    } catch {
      return [raw];
    }
  }
  let fields: string[] = [raw];
  new CsvParser(delimiter ?? ',').push(raw, true, (f) => {
    fields = f;
  });
  return fields;
}
