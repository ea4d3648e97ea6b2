import type ExcelJS from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import { CustodianError } from '../../../../shared/result';
import { hashText } from '../batches/dedupe';
import { unreadTable, type ReadCallbacks, type TableInfo, type TableSource } from './table-source';

/** More columns than this is not a customs table; refuse rather than allocate. */
const MAX_COLUMNS = 2000;

/**
 * Streams one sheet of an XLSX with exceljs's streaming reader. Formulas are
 * never evaluated: a formula cell gives its cached result (what Excel last
 * showed), or nothing. Dates become ISO text. `row` is the sheet row minus
 * the header's, so it matches what the investigator sees in Excel. The
 * zip was checked for a bomb when the file was opened (open-table.ts).
 */
export async function readXlsx(source: TableSource, cb: ReadCallbacks): Promise<TableInfo> {
  const { path, sheet: wantedSheet } = source;
  const info = unreadTable('xlsx', 'xlsx', 1, null);

  // Loaded on first use: exceljs is large, and most imports are CSV (a job worker starts faster without it).
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeUtf8AcrossChunks(reader);
  let sheetIndex = 0;
  let found = false;
  let stopped = false;
  let formulasWithoutValue = 0;
  try {
    for await (const sheet of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>) {
      sheetIndex++;
      info.sheets.push(sheet.name);
      const wanted =
        !found &&
        (wantedSheet === undefined
          ? true
          : typeof wantedSheet === 'number'
            ? wantedSheet === sheetIndex
            : wantedSheet === sheet.name);
      let headerRow = 0;
      let lastRow = 0;
      let n = 0;
      for await (const row of sheet) {
        if (!wanted || stopped) continue; // drain the sheet so the zip stream moves on
        const values = (row.values as unknown[]).slice(1);
        if (values.length > MAX_COLUMNS)
          throw new CustodianError(
            'unsafe_file',
            `${path}: row ${row.number} has ${values.length} columns, too many for a table of records.`,
          );
        // Array.from visits the holes exceljs leaves for empty cells (map would keep them as holes).
        const fields = Array.from(values, (v) => {
          const c = cellText(v);
          if (c === null) {
            formulasWithoutValue++;
            return '';
          }
          return c;
        });
        if (!headerRow) {
          if (fields.every((f) => f.trim() === '')) continue;
          headerRow = row.number;
          lastRow = row.number;
          info.columns = fields.map((f) => f.trim());
          found = true;
          cb.header(info);
          continue;
        }
        // The streaming reader leaves out rows with no cells at all: they are blank rows of the sheet too.
        if (row.number > lastRow + 1) info.skippedBlankRows += row.number - lastRow - 1;
        lastRow = row.number;
        while (fields.length < info.columns.length) fields.push('');
        // Trailing empty cells beyond the header are not extra values.
        while (fields.length > info.columns.length && fields[fields.length - 1] === '') fields.pop();
        const raw = JSON.stringify(fields);
        hashText(raw, 0, raw.length);
        n++;
        if (cb.row({ row: row.number - headerRow, fields, problem: null, rawText: () => raw }) === false)
          stopped = true;
        if (n % 5000 === 0) await cb.chunk(0, source.size);
      }
    }
  } catch (e) {
    if (e instanceof CustodianError) throw e;
    throw new CustodianError(
      'invalid_input',
      `${path} could not be read as an XLSX file (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  if (!found) {
    throw new CustodianError(
      wantedSheet === undefined ? 'empty_file' : 'not_found',
      wantedSheet === undefined
        ? `${path} has no rows to import.`
        : `${path} has no sheet ${String(wantedSheet)} with rows (sheets: ${info.sheets.join(', ')}).`,
    );
  }
  if (formulasWithoutValue)
    info.warnings.push(
      `${formulasWithoutValue} formula cell(s) had no cached value and were read as empty (formulas are never evaluated).`,
    );
  return info;
}

/** A cell as text; null for a formula with no cached result. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoOf(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      return o.result === undefined || o.result === null
        ? null
        : typeof o.result === 'object' && 'error' in (o.result as object)
          ? String((o.result as { error: string }).error)
          : cellText(o.result);
    }
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

function isoOf(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

type Internals = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk on its own, so
 * a Cyrillic or Chinese character split between two chunks comes out as
 * two U+FFFD (exceljs issues #2063, #2084). This reader's shared strings and
 * sheets are handed to it already decoded, with a StringDecoder that carries
 * a split character over to the next chunk.
 */
function decodeUtf8AcrossChunks(reader: object): void {
  const r = reader as Internals;
  const proto = Object.getPrototypeOf(reader) as Internals;
  r._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return proto._parseSharedStrings.call(this, entry);
  };
  r._parseWorksheet = function (iterator, sheetNo) {
    return proto._parseWorksheet.call(this, decoded(iterator), sheetNo);
  };
}

async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const text = typeof c === 'string' ? c : decoder.write(c);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
