import type { ImportOptions, ImportPreview } from '../../../shared/api/records';
import type { ReadDb } from '../db/types';
import { resolveMapping } from './mapping/mapping';
import { compileNormalizer, toFields } from './normalize/row';
import { presetForHeader } from './mapping/presets';
import { fileFacts, openTable } from './readers/open-table';
import { readTable } from './readers/read-table';
import { suggestMapping } from './mapping/suggest';
import type { TableInfo } from './readers/table-source';

const PREVIEW_ROWS = 50;

/**
 * The first rows of a file, decoded with the detected (or given) encoding
 * and delimiter, with the mapping suggestion and the same rows normalized:
 * what the wizard shows before anything is written.
 */
export async function previewFile(db: ReadDb, options: ImportOptions): Promise<ImportPreview> {
  const rows: string[][] = [];
  const source = openTable(fileFacts(options.path), {
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
  });
  const info: TableInfo = await readTable(source, {
    header() {},
    row(r) {
      rows.push(r.fields);
      return rows.length < PREVIEW_ROWS;
    },
    chunk() {},
  });
  const preset = presetForHeader(info.columns);
  const suggestedMapping = preset ? { ...preset.mapping.columns } : suggestMapping(info.columns);
  let normalized: ImportPreview['normalized'] = [];
  const warnings = [...info.warnings];
  try {
    const resolved = resolveMapping(db, options, info.columns);
    const normalize = compileNormalizer(info.columns, resolved.mapping);
    normalized = rows.map((r) => {
      const n = normalize(r);
      return { fields: toFields(n.values), flags: n.flags };
    });
    warnings.push(...resolved.warnings);
  } catch (e) {
    warnings.push(e instanceof Error ? e.message : String(e));
  }
  return {
    encoding: info.encoding,
    encodingConfidence: info.encodingConfidence,
    delimiter: info.delimiter,
    format: info.format,
    sheets: info.sheets,
    columns: info.columns,
    rows,
    normalized,
    suggestedPreset: preset?.name ?? null,
    suggestedMapping,
    replacementChars: info.replacementChars,
    warnings,
  };
}
