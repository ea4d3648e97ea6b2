/**
 * CSV as every export of the app writes it (rejects, records, entities, the
 * audit log): UTF-8 with a BOM, so spreadsheets read Cyrillic and Chinese
 * right; CRLF lines, as RFC 4180; and no cell a spreadsheet would run.
 */

/** A plain number: a spreadsheet reads it as the number it is, never as a formula, so it is left as it is. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Written once, before the header. */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell, quoted as needed. A spreadsheet runs a cell that starts with
 * = + - @ (or a tab or CR before one) as a formula: such a cell gets a leading '
 * so it stays text (OWASP "CSV injection"); plain numbers stay numbers.
 * null and undefined are an empty cell.
 */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const text = String(v);
  const safe = /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of cells, with its CRLF: what a streamed export appends. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole CSV file from its lines (the first one the header). */
export function csvText(lines: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + lines.map(csvLine).join('');
}
