import type { ImportOptions } from '../../../../shared/api/records';
import type { Mapping } from '../../../../shared/domain/records';
import { CustodianError } from '../../../../shared/result';
import { getSavedMapping, listSavedMappings } from '../../db/saved-mappings';
import type { ReadDb } from '../../db/types';
import { PRESETS, presetForHeader } from './presets';
import { suggestMapping } from './suggest';

export interface ResolvedMapping {
  mapping: Mapping;
  /** The preset or saved mapping's name; null for a mapping given inline or suggested. */
  preset: string | null;
  warnings: string[];
}

/**
 * The mapping an import uses: the one given, else the named preset or
 * saved mapping, else the preset whose columns the header has, else a
 * suggestion from the header's names. A mapping that matches none of the
 * file's columns is refused (it is the wrong preset for this file).
 */
export function resolveMapping(db: ReadDb, options: ImportOptions, columns: string[]): ResolvedMapping {
  let mapping: Mapping;
  let preset: string | null = null;
  const warnings: string[] = [];
  if (options.mapping) mapping = options.mapping as Mapping;
  else if (options.preset) {
    const found = PRESETS[options.preset]?.mapping ?? getSavedMapping(db, options.preset);
    if (!found) {
      const known = [...Object.keys(PRESETS), ...listSavedMappings(db).map((p) => p.name)];
      throw new CustodianError(
        'invalid_input',
        `Unknown preset ${options.preset}; known presets: ${known.join(', ')}.`,
      );
    }
    mapping = found;
    preset = options.preset;
  } else {
    const fit = presetForHeader(columns);
    if (fit) {
      mapping = fit.mapping;
      preset = fit.name;
      warnings.push(`The columns match the ${fit.name} preset, which was used.`);
    } else {
      mapping = { columns: suggestMapping(columns) };
      if (Object.keys(mapping.columns).length === 0) {
        throw new CustodianError(
          'invalid_input',
          'No column of this file could be matched to a customs field; give a --preset or a --mapping.',
        );
      }
      warnings.push(
        `Columns were mapped from their names: ${Object.entries(mapping.columns)
          .map(([c, f]) => `${c}→${f}`)
          .join(', ')}.`,
      );
    }
  }
  const have = new Set(columns);
  const missing = Object.keys(mapping.columns).filter((c) => !have.has(c));
  if (missing.length === Object.keys(mapping.columns).length) {
    throw new CustodianError(
      'invalid_input',
      `None of the mapping's columns (${missing.slice(0, 5).join(', ')}…) are in this file, whose columns are ${columns.slice(0, 8).join(', ')}${columns.length > 8 ? '…' : ''}.`,
    );
  }
  if (missing.length) warnings.push(`Mapped column(s) not in the file: ${missing.join(', ')}.`);
  return { mapping, preset, warnings };
}
