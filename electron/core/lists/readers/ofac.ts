/**
 * OFAC's legacy CSV files (SDN and Consolidated lists): no header row,
 * `-0-` for an empty field, a DOS end-of-file byte (0x1A) at the end.
 *   sdn.csv           ent_num, name, type, program(s), title, call sign, vessel type, tonnage, GRT, flag, owner, remarks
 *   alt.csv           ent_num, alt_num, type (aka, fka, nka), name, remarks
 *   add.csv           ent_num, add_num, street, city/state/postal code, country, remarks
 *   sdn_comments.csv  ent_num, the rest of remarks too long for sdn.csv
 * The legacy files carry no listing date; remarks carry identifiers and
 * dates of birth, picked out here so that screening can use them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvRows, expectColumns } from './csv-rows';
import { ListFileError, value, type ListFile, type ListItem, type ReadProgress } from './list-item';

const ROLES: Record<string, string> = {
  'sdn.csv': 'sdn',
  'cons_prim.csv': 'sdn',
  'alt.csv': 'alt',
  'cons_alt.csv': 'alt',
  'add.csv': 'add',
  'cons_add.csv': 'add',
  'sdn_comments.csv': 'comments',
  'cons_comments.csv': 'comments',
};
const COLUMNS: Record<string, number> = { sdn: 12, alt: 5, add: 6, comments: 2 };

/** Whether a file name is one of OFAC's legacy CSV files. */
export const isOfacFileName = (path: string): boolean => basename(path).toLowerCase() in ROLES;

/**
 * The files of one OFAC list: those given, and the companions of sdn.csv
 * found beside it when only sdn.csv was given (the way OFAC publishes them).
 */
export function ofacFiles(paths: readonly string[]): ListFile[] {
  const files = paths.map((path) => {
    const role = ROLES[basename(path).toLowerCase()];
    if (!role)
      throw new ListFileError(
        basename(path),
        0,
        'not an OFAC legacy file (sdn.csv, alt.csv, add.csv, sdn_comments.csv)',
      );
    return { path, role };
  });
  const main = files.filter((f) => f.role === 'sdn');
  if (main.length !== 1) throw new ListFileError(basename(paths[0] ?? ''), 0, 'an OFAC list needs exactly one sdn.csv');
  const dir = dirname(main[0]!.path);
  const prefix = basename(main[0]!.path).toLowerCase().startsWith('cons') ? 'cons_' : '';
  const beside = new Map(readdirSync(dir).map((n) => [n.toLowerCase(), n]));
  for (const role of ['alt', 'add', 'comments']) {
    if (files.some((f) => f.role === role)) continue;
    const name = beside.get(`${prefix || (role === 'comments' ? 'sdn_' : '')}${role}.csv`);
    if (name && existsSync(join(dir, name))) files.push({ path: join(dir, name), role });
  }
  // sdn.csv first: every other file points at its entries.
  return files.sort((a, b) => Number(b.role === 'sdn') - Number(a.role === 'sdn'));
}

const clean = (v: string | undefined): string => {
  const t = (v ?? '').trim();
  return t === '-0-' ? '' : t;
};

const KINDS: Record<string, string> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

/** Identifier labels OFAC writes in remarks ("Tax ID No. 7701234567 (Russia)"). */
const ID_IN_REMARKS =
  /(?:Tax ID No\.|Registration (?:ID|Number)|Company Number|Business Registration (?:Number|Document #)|Unified Social Credit Code \(USCC\)|Government Gazette Number|Legal Entity Number|IMO|MMSI|National ID No\.|Passport|SWIFT\/BIC)\s+([A-Z0-9][A-Z0-9./-]{3,})/g;
const DOB_IN_REMARKS = /DOB (\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{4}|\d{4})/g;

export async function* readOfac(files: readonly ListFile[], read?: ReadProgress): AsyncGenerator<ListItem> {
  for (const { path, role } of files) {
    const columns = COLUMNS[role]!;
    for await (const row of csvRows(path, read)) {
      expectColumns(path, row, columns, `OFAC's ${basename(path)}`);
      const f = row.fields.map(clean);
      const id = f[0]!;
      if (!/^\d+$/.test(id)) throw new ListFileError(basename(path), row.line, `"${id}" is not an OFAC entry number`);
      if (role === 'sdn') yield* sdnRow(f, row.line, basename(path));
      else if (role === 'alt') yield* present([value(id, 'alias', f[3])]);
      else if (role === 'add')
        yield* present([value(id, 'address', f.slice(2, 5).filter(Boolean).join(', ')), value(id, 'country', f[4])]);
      else yield* present([value(id, 'remarks', f[1]), ...remarkFacts(id, f[1]!)]);
    }
  }
}

function* sdnRow(f: string[], line: number, file: string): Generator<ListItem> {
  const id = f[0]!;
  if (!f[1]) throw new ListFileError(file, line, `entry ${id} has no name`);
  yield { type: 'entry', externalId: id, kind: KINDS[f[2]!.toLowerCase()] ?? 'organization', name: f[1], line };
  for (const program of f[3]!.split(/\]\s*\[/)) yield* present([value(id, 'program', program.replace(/[[\]]/g, ''))]);
  yield* present([
    value(id, 'identifier', f[5] && `Call sign ${f[5]}`),
    value(id, 'country', f[9]),
    value(id, 'remarks', f[11]),
  ]);
  yield* present(remarkFacts(id, f[11]!));
}

function remarkFacts(id: string, remarks: string) {
  return [
    ...[...remarks.matchAll(ID_IN_REMARKS)].map((m) => value(id, 'identifier', m[1])),
    ...[...remarks.matchAll(DOB_IN_REMARKS)].map((m) => value(id, 'birth_date', m[1])),
  ];
}

function* present<T>(items: (T | null)[]): Generator<T> {
  for (const i of items) if (i) yield i;
}
