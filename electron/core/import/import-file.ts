import { parse } from 'csv-parse/sync';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportOptions } from '../../../shared/api/records';
import {
  RECORD_FIELDS,
  type ImportSummary,
  type NormalizedFields,
  type RecordField,
  type RecordFlag,
} from '../../../shared/domain/records';
import { CustodianError } from '../../../shared/result';
import { appendAudit } from '../db/audit-log';
import { findImportBySha, finishImport, insertImport, insertReject } from '../db/imports';
import { NUMERIC_FIELD_SET, recordInserter } from '../db/records';
import { sha256Hex } from '../db/blobs';
import { insertSource } from '../db/sources';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { PRESETS, type Mapping } from './presets';

/**
 * Imports one customs file into the case, in one transaction: its source,
 * the import batch, every record with its raw row, and every reject.
 * THIN SLICE: UTF-8 CSV with a preset; the import issue deepens this.
 */
export async function importFile(
  db: WriteDb,
  options: ImportOptions,
  actor: string,
  control?: JobControl,
): Promise<ImportSummary> {
  const bytes = readSource(options.path);
  const sha256 = sha256Hex(bytes);
  const earlier = findImportBySha(db, sha256);
  if (earlier) {
    return {
      importId: earlier.id,
      rowsRead: 0,
      rowsImported: 0,
      rowsRejected: 0,
      duplicates: 0,
      rowsFlagged: 0,
      alreadyImported: true,
      encoding: earlier.encoding,
      warnings: [`This file (SHA-256 ${sha256}) was already imported as import ${earlier.id}; nothing was added.`],
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const table = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, delimiter: options.delimiter ?? ',' }) as string[][];
  const [header, ...rows] = table;
  if (!header) throw new CustodianError('empty_file', `${options.path} has no header row.`);
  const mapping = resolveMapping(options);
  const now = new Date().toISOString();
  const counts = { rowsRead: rows.length, rowsImported: 0, rowsRejected: 0, duplicates: 0, rowsFlagged: 0, warnings: [] as string[] };
  let importId = 0;
  db.transaction(() => {
    const sourceId = insertSource(db, {
      fileName: options.fileName ?? basename(options.path),
      mediaType: 'text/csv',
      size: bytes.byteLength,
      sha256,
      importedAt: now,
      importedBy: actor,
      note: '',
    });
    importId = insertImport(db, { sourceId, preset: options.preset ?? null, mapping, columns: header, encoding: 'utf-8', startedAt: now });
    const insert = recordInserter(db, importId);
    const seen = new Map<string, number>();
    rows.forEach((raw, i) => {
      const row = i + 1;
      if (control?.signal.aborted) throw new CustodianError('cancelled', 'The import was cancelled.');
      if (row % 5000 === 0) control?.progress(row / rows.length, `${row} of ${rows.length} rows`);
      const rawText = JSON.stringify(raw);
      if (raw.length !== header.length) {
        insertReject(db, importId, { row, reason: `expected ${header.length} fields, found ${raw.length}`, raw: rawText });
        counts.rowsRejected++;
        return;
      }
      if (/^(total|итого|合计)/i.test((raw.find((c) => c.trim()) ?? '').trim())) {
        insertReject(db, importId, { row, reason: 'summary (TOTAL) row, not a record', raw: rawText });
        counts.rowsRejected++;
        return;
      }
      const first = seen.get(rawText);
      if (first !== undefined) {
        insertReject(db, importId, { row, reason: `duplicate of row ${first}`, raw: rawText, duplicateOf: first });
        counts.duplicates++;
        return;
      }
      seen.set(rawText, row);
      const { fields, flags } = normalizeRow(header, raw, mapping);
      insert({ row, fields, flags, raw });
      counts.rowsImported++;
      if (flags.length) counts.rowsFlagged++;
    });
    finishImport(db, importId, counts);
    appendAudit(db, actor, 'import.run', { importId, file: basename(options.path), sha256, ...counts });
  }).immediate();
  return { importId, ...counts, alreadyImported: false, encoding: 'utf-8' };
}

function readSource(path: string): Buffer {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new CustodianError('not_found', `${path} does not exist or is not a file.`);
  }
  const bytes = readFileSync(path);
  if (bytes.byteLength === 0) throw new CustodianError('empty_file', `${path} is empty: there is nothing to import.`);
  if (bytes.subarray(0, 8192).includes(0)) throw new CustodianError('binary_file', `${path} is a binary file, not a table of records.`);
  return bytes;
}

function resolveMapping(options: ImportOptions): Mapping {
  if (options.mapping) return options.mapping as Mapping;
  const preset = PRESETS[options.preset ?? ''];
  if (!preset) throw new CustodianError('invalid_input', `Unknown preset ${options.preset ?? '(none)'}; known: ${Object.keys(PRESETS).join(', ')}.`);
  return preset.mapping;
}

function normalizeRow(header: string[], raw: string[], mapping: Mapping): { fields: NormalizedFields; flags: RecordFlag[] } {
  const fields = Object.fromEntries(RECORD_FIELDS.map((f) => [f, null])) as Record<RecordField, string | number | null>;
  const flags = new Set<RecordFlag>();
  header.forEach((col, i) => {
    const field = mapping.columns[col];
    const value = (raw[i] ?? '').trim();
    if (!field || value === '') return;
    if (NUMERIC_FIELD_SET.has(field)) {
      const n = Number(value);
      if (!Number.isFinite(n)) flags.add('bad_number');
      else if (n < 0) flags.add('negative_number');
      fields[field] = Number.isFinite(n) ? n : null;
    } else if (field === 'hsCode') {
      fields[field] = value.replace(/\D/g, '');
    } else if (field === 'date') {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
      if (!iso) flags.add('bad_date');
      fields[field] = iso;
    } else fields[field] = value;
  });
  if (!fields.shipper || !fields.consignee) flags.add('missing_party');
  return { fields: fields as NormalizedFields, flags: [...flags] };
}
