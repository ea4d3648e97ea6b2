import type { Reject } from './records';

/** A plain number: a spreadsheet reads it as the number it is, never as a formula, so it is left as it is. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One CSV cell, quoted as needed. A spreadsheet runs a cell that starts with
 * = + - @ (or a tab or CR before one) as a formula: such a cell gets a leading '
 * so it stays text (OWASP "CSV injection"); plain numbers stay numbers.
 */
export function csvCell(v: string | number): string {
  const text = String(v);
  const safe = /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file (UTF-8 with BOM, so spreadsheets read Cyrillic and Chinese right; CRLF lines, as RFC 4180). */
export function csvText(lines: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** An import's rejected rows as CSV: row, reason, the row it duplicates, and the row as it stood in the file. */
export function rejectsCsv(rejects: readonly Reject[]): string {
  return csvText([
    ['row', 'reason', 'duplicate_of', 'raw'],
    ...rejects.map((r) => [r.row, r.reason, r.duplicateOf ?? '', r.raw]),
  ]);
}
