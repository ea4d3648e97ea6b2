import { parse } from 'csv-parse/sync';
import { openSync, readSync, closeSync } from 'node:fs';
import type { ImportOptions, ImportPreview } from '../../../shared/api/records';
import { PRESETS } from './presets';

/** THIN SLICE: the first rows of a UTF-8 CSV; the import issue adds encodings, formats and suggestions. */
export function previewFile(options: ImportOptions): ImportPreview {
  const buf = Buffer.alloc(256 * 1024);
  const fd = openSync(options.path, 'r');
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const text = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
  const lines = parse(text.slice(0, text.lastIndexOf('\n') + 1), { relax_column_count: true, relax_quotes: true }) as string[][];
  const [columns = [], ...rows] = lines;
  const preset = Object.values(PRESETS).find((p) => Object.keys(p.mapping.columns).every((c) => columns.includes(c))) ?? null;
  return {
    encoding: 'utf-8',
    encodingConfidence: 1,
    delimiter: options.delimiter ?? ',',
    format: 'csv',
    columns,
    rows: rows.slice(0, 50),
    suggestedPreset: preset?.name ?? null,
    suggestedMapping: preset ? { ...preset.mapping.columns } : {},
    replacementChars: 0,
  };
}
