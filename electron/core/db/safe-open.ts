import { CustodianError } from '../../../shared/result';
import { connectUntrusted, openMemoryDb, type OpenOptions } from './connection';
import { assertOpenableHeader, readCaseHeader } from './format';
import { MIGRATIONS } from './migrations';
import type { ReadDb } from './types';

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const SCHEMA_SQL = `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'`;
const freshSchemas = new Map<number, Map<string, SchemaEntry>>();

/** The schema our migrations make up to `version`, built once in memory (what a received file must match exactly). */
function freshSchema(version: number): Map<string, SchemaEntry> {
  let schema = freshSchemas.get(version);
  if (schema) return schema;
  const db = openMemoryDb();
  try {
    for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
      db.exec(m.sql);
      m.run?.(db);
    }
    schema = new Map((db.prepare(SCHEMA_SQL).all() as SchemaEntry[]).map((e) => [e.name, canonical(e)]));
  } finally {
    db.close();
  }
  freshSchemas.set(version, schema);
  return schema;
}

/**
 * Names our own code gives in turn to the same thing: the resolver builds the mentions' name index
 * under the other name before dropping the old one (db/mentions.ts). Read as the migrations' name.
 */
const ALTERNATE_NAMES: Record<string, string> = { mentions_name_b: 'mentions_name' };

/**
 * A schema entry as compared: a table renamed by our code (the resolver's swap, migrations) has its
 * name quoted in the SQL SQLite rewrites, and the spacing of the SQL that made it differs, so quotes
 * around plain names and runs of white space do not count. Nothing else is forgiven.
 */
function canonical(e: SchemaEntry): SchemaEntry {
  const name = ALTERNATE_NAMES[e.name] ?? e.name;
  const sql =
    e.sql
      ?.replace(e.name, name)
      .replace(/"([A-Za-z_][A-Za-z0-9_]*)"/g, '$1')
      .replace(/\s+/g, ' ')
      .trim() ?? null;
  return { ...e, name, sql };
}

const KIND: Record<string, string> = { trigger: 'a trigger', view: 'a view', index: 'an index', table: 'a table' };
const describe = (e: SchemaEntry) =>
  e.type === 'table' && /^CREATE\s+VIRTUAL\s/i.test(e.sql ?? '') ? 'a virtual table' : (KIND[e.type] ?? e.type);

/** What in `actual` differs from the schema Custodian makes, one sentence each. */
function schemaDifferences(actual: SchemaEntry[], expected: Map<string, SchemaEntry>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const e of actual) {
    seen.add(e.name);
    const want = expected.get(e.name);
    if (!want) out.push(`${describe(e)} "${e.name}" that Custodian did not create`);
    else if (want.type !== e.type || describe(want) !== describe(e))
      out.push(`"${e.name}" is ${describe(e)} where Custodian has ${describe(want)}`);
    else if (want.sql !== e.sql || want.tbl_name !== e.tbl_name)
      out.push(`${describe(e)} "${e.name}" defined differently from Custodian's`);
  }
  for (const name of expected.keys()) if (!seen.has(name)) out.push(`no "${name}" (Custodian's schema has it)`);
  return out;
}

/** The most of a file a one-pass reader maps (SQLite reads past it as usual). */
const MAPPED_BYTES = 64 * 2 ** 30;

const refuse = (path: string, why: string) =>
  new CustodianError('unsafe_file', `${path} was refused: ${why}. Nothing in it was run or changed.`);

/**
 * Opens a file received from someone else, treating it as hostile until
 * checked, in this order and before any of its tables is read: the header's
 * bytes (SQLite, Custodian's application_id, a schema version this build
 * knows, not newer), then a read-only connection with trusted_schema off and
 * cell_size_check on, the schema compared entry by entry with the one our
 * migrations make at that version (so no trigger, view, virtual table or
 * table of anyone else's, and no altered definition), then a full
 * integrity_check. A trigger could only fire on a write and a view only run
 * when read; neither ever happens to a refused file. The file is never
 * written: no journal, no WAL, no migration. `mapped` maps the file for a
 * reader that reads it once, whole (see verify.ts).
 */
export function openReceivedFile(path: string, opts: OpenOptions = {}, reading: { mapped?: boolean } = {}): ReadDb {
  const header = readCaseHeader(path);
  assertOpenableHeader(path, header);
  if (!MIGRATIONS.some((m) => m.version === header.userVersion)) {
    throw refuse(path, `its schema version ${header.userVersion} is not one Custodian ever wrote`);
  }
  let db: ReadDb | undefined;
  try {
    db = connectUntrusted(path, opts);
    // A one-pass read of the whole file (verify) maps it: pages come without a system call and a copy each,
    // which halves what integrity_check and reading the stored files cost. The mapped pages are the page
    // cache's (counted in RSS while mapped, but not the process's own memory).
    if (reading.mapped) db.pragma(`mmap_size = ${MAPPED_BYTES}`);
    const actual = (db.prepare(SCHEMA_SQL).all() as SchemaEntry[]).map(canonical);
    const differences = schemaDifferences(actual, freshSchema(header.userVersion));
    if (differences.length) throw refuse(path, `it has ${differences.slice(0, 5).join('; ')}`);
    const check = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    if (check.length !== 1 || check[0]!.integrity_check !== 'ok') {
      throw refuse(
        path,
        `it is damaged (${check
          .map((r) => r.integrity_check)
          .slice(0, 3)
          .join('; ')})`,
      );
    }
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof CustodianError) throw e;
    throw refuse(path, `it is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
}
