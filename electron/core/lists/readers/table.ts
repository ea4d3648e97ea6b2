/**
 * Lists as tables with a header: OpenSanctions' `targets.simple.csv` and
 * any CSV with a mapping of its columns to entry fields. A cell may hold
 * several values joined by a separator (`;` in targets.simple.csv).
 */
import { basename } from 'node:path';
import type { ListColumnMapping } from '../../../../shared/domain/screening';
import { csvRows, expectColumns } from './csv-rows';
import { ListFileError, value, type ListItem, type ReadProgress, type ValueField } from './list-item';

export const TARGETS_SIMPLE_COLUMNS = [
  'id',
  'schema',
  'name',
  'aliases',
  'birth_date',
  'countries',
  'addresses',
  'identifiers',
  'sanctions',
  'phones',
  'emails',
  'program_ids',
  'dataset',
  'first_seen',
  'last_seen',
  'last_change',
] as const;

/** targets.simple.csv as a mapping: the sanctions summary goes to remarks, first_seen stands in for a listing date. */
export const TARGETS_SIMPLE_MAPPING: ListColumnMapping = {
  id: 'id',
  kind: 'schema',
  name: 'name',
  aliases: 'aliases',
  birthDate: 'birth_date',
  countries: 'countries',
  addresses: 'addresses',
  identifiers: 'identifiers',
  remarks: 'sanctions',
  programs: 'program_ids',
  listedOn: 'first_seen',
  separator: ';',
};

/** Header names a generic CSV's columns are recognised by when no mapping is given. */
const GUESS: Record<Exclude<keyof ListColumnMapping, 'separator'>, string[]> = {
  id: ['id', 'entry_id', 'uid', 'ent_num', 'reference'],
  kind: ['kind', 'type', 'schema', 'entity_type'],
  name: ['name', 'full_name', 'entity_name', 'company', 'company_name'],
  aliases: ['aliases', 'alias', 'aka', 'other_names'],
  identifiers: ['identifiers', 'identifier', 'registration_number', 'tax_id', 'inn'],
  countries: ['countries', 'country', 'nationality', 'jurisdiction'],
  addresses: ['addresses', 'address'],
  programs: ['programs', 'program', 'program_ids', 'regime'],
  listedOn: ['listed_on', 'listing_date', 'date_listed', 'designation_date'],
  remarks: ['remarks', 'notes', 'reason'],
  birthDate: ['birth_date', 'dob', 'date_of_birth'],
};

const KINDS: Record<string, string> = {
  person: 'person',
  individual: 'person',
  vessel: 'vessel',
  airplane: 'aircraft',
  aircraft: 'aircraft',
};

const FIELDS: [keyof ListColumnMapping, ValueField][] = [
  ['aliases', 'alias'],
  ['identifiers', 'identifier'],
  ['countries', 'country'],
  ['addresses', 'address'],
  ['programs', 'program'],
  ['listedOn', 'listed_on'],
  ['remarks', 'remarks'],
  ['birthDate', 'birth_date'],
];

export async function* readTableList(
  path: string,
  given: ListColumnMapping | null,
  strictHeader: boolean,
  read?: ReadProgress,
): AsyncGenerator<ListItem> {
  const file = basename(path);
  let header: string[] | null = null;
  let index: Partial<Record<keyof ListColumnMapping, number>> = {};
  let sep = '';
  for await (const row of csvRows(path, read)) {
    if (!header) {
      header = row.fields.map((h) => h.trim());
      if (strictHeader && TARGETS_SIMPLE_COLUMNS.some((c, i) => header![i] !== c))
        throw new ListFileError(
          file,
          row.line,
          `the header is not that of targets.simple.csv (${TARGETS_SIMPLE_COLUMNS.join(', ')})`,
        );
      const mapping = given ?? guessMapping(header);
      sep = mapping.separator ?? ';';
      index = columnIndexes(header, mapping, file);
      continue;
    }
    expectColumns(path, row, header.length, `${file}'s header`);
    const cell = (k: keyof ListColumnMapping) => (index[k] === undefined ? '' : row.fields[index[k]!]!.trim());
    const name = cell('name');
    if (!name) throw new ListFileError(file, row.line, 'the entry has no name');
    const id = cell('id') || `row-${row.line}`;
    yield {
      type: 'entry',
      externalId: id,
      kind: KINDS[cell('kind').toLowerCase()] ?? 'organization',
      name,
      line: row.line,
    };
    for (const [key, field] of FIELDS) {
      const text = cell(key);
      const parts = !text ? [] : field === 'remarks' || !sep ? [text] : text.split(sep);
      for (const p of parts) {
        const v = value(id, field, field === 'country' ? p.toUpperCase() : field === 'listed_on' ? p.slice(0, 10) : p);
        if (v) yield v;
      }
    }
  }
  if (!header) throw new ListFileError(file, 1, 'the file is empty');
}

function guessMapping(header: string[]): ListColumnMapping {
  const lower = header.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  const mapping: ListColumnMapping = { name: '' };
  for (const [key, names] of Object.entries(GUESS) as [keyof typeof GUESS, string[]][]) {
    const i = lower.findIndex((h) => names.includes(h));
    if (i >= 0) mapping[key] = header[i]!;
  }
  return mapping;
}

function columnIndexes(header: string[], mapping: ListColumnMapping, file: string) {
  const index: Partial<Record<keyof ListColumnMapping, number>> = {};
  for (const [key, column] of Object.entries(mapping) as [keyof ListColumnMapping, string | undefined][]) {
    if (key === 'separator' || !column) continue;
    const i = header.indexOf(column);
    if (i < 0)
      throw new ListFileError(file, 1, `no column "${column}" (mapped to ${key}); the header has ${header.join(', ')}`);
    index[key] = i;
  }
  if (index.name === undefined)
    throw new ListFileError(file, 1, 'no name column: give a mapping (name=COLUMN) or name a column "name"');
  return index;
}
