/** sanction_entries and sanction_entry_values: the entries of a list version and their facts. */
import type { EntryBrief, SanctionEntry } from '../../../shared/domain/screening';
import type { ValueField } from '../lists/readers/list-item';
import type { ReadDb, WriteDb } from './types';

/** Writes a version's entries and facts as a reader yields them (prepared once: thousands of rows a second). */
export function entryWriter(db: WriteDb, versionId: number) {
  const entry = db.prepare(
    'INSERT INTO sanction_entries (version_id, external_id, kind, name, line) VALUES (?, ?, ?, ?, ?)',
  );
  const fact = db.prepare(
    'INSERT INTO sanction_entry_values (version_id, external_id, field, value) VALUES (?, ?, ?, ?)',
  );
  return {
    entry: (externalId: string, kind: string, name: string, line: number) =>
      void entry.run(versionId, externalId, kind, name, line),
    value: (externalId: string, field: ValueField, value: string) => void fact.run(versionId, externalId, field, value),
  };
}

/** Facts whose entry id the version has no entry for (an alias of an unknown ent_num, a Sanction of a missing party). */
export function orphanValues(db: ReadDb, versionId: number): { externalId: string; field: string; count: number }[] {
  return db
    .prepare(
      `SELECT v.external_id AS externalId, v.field, count(*) AS count FROM sanction_entry_values v
       WHERE v.version_id = ? AND NOT EXISTS (SELECT 1 FROM sanction_entries e WHERE e.version_id = v.version_id AND e.external_id = v.external_id)
       GROUP BY v.external_id, v.field ORDER BY v.external_id LIMIT 20`,
    )
    .all(versionId) as { externalId: string; field: string; count: number }[];
}

export function countEntries(db: ReadDb, versionId: number): number {
  return db.prepare('SELECT count(*) FROM sanction_entries WHERE version_id = ?').pluck().get(versionId) as number;
}

export function findEntry(db: ReadDb, versionId: number, externalId: string): number | null {
  return (
    (db
      .prepare('SELECT id FROM sanction_entries WHERE version_id = ? AND external_id = ?')
      .pluck()
      .get(versionId, externalId) as number | undefined) ?? null
  );
}

/** Entries of `versionId` whose id in the list `otherId` lacks (all of them when there is no other). */
export function entriesNotIn(db: ReadDb, versionId: number, otherId: number | null, limit: number): EntryBrief[] {
  return db
    .prepare(
      `SELECT id AS entryId, external_id AS externalId, name, kind FROM sanction_entries e WHERE version_id = ?
       AND NOT EXISTS (SELECT 1 FROM sanction_entries o WHERE o.version_id = ? AND o.external_id = e.external_id)
       ORDER BY name LIMIT ?`,
    )
    .all(versionId, otherId ?? -1, limit) as EntryBrief[];
}

export function countEntriesNotIn(db: ReadDb, versionId: number, otherId: number | null): number {
  return db
    .prepare(
      `SELECT count(*) FROM sanction_entries e WHERE version_id = ?
       AND NOT EXISTS (SELECT 1 FROM sanction_entries o WHERE o.version_id = ? AND o.external_id = e.external_id)`,
    )
    .pluck()
    .get(versionId, otherId ?? -1) as number;
}

interface EntryRow {
  id: number;
  version_id: number;
  external_id: string;
  kind: string;
  name: string;
  line: number;
}

const empty = (r: EntryRow): SanctionEntry => ({
  id: r.id,
  versionId: r.version_id,
  externalId: r.external_id,
  kind: r.kind,
  name: r.name,
  aliases: [],
  identifiers: [],
  countries: [],
  addresses: [],
  programs: [],
  listedOn: null,
  birthDates: [],
  remarks: '',
  line: r.line,
});

function addValue(e: SanctionEntry, field: string, value: string): void {
  const add = (list: string[]) => void (list.includes(value) || list.push(value));
  if (field === 'alias') add(e.aliases);
  else if (field === 'identifier') add(e.identifiers);
  else if (field === 'country') add(e.countries);
  else if (field === 'address') add(e.addresses);
  else if (field === 'program') add(e.programs);
  else if (field === 'birth_date') add(e.birthDates);
  else if (field === 'listed_on') e.listedOn = e.listedOn && e.listedOn < value ? e.listedOn : value;
  else if (field === 'remarks') e.remarks = e.remarks ? `${e.remarks} ${value}` : value;
}

/**
 * Every entry of a version with its facts, streamed in id order: two
 * sorted cursors walked side by side, so a screening of 20,000 entries
 * never holds a second copy of the values.
 */
export function* versionEntries(db: ReadDb, versionId: number): Generator<SanctionEntry> {
  const entries = db
    .prepare('SELECT * FROM sanction_entries WHERE version_id = ? ORDER BY external_id')
    .iterate(versionId) as Iterable<EntryRow>;
  const values = db
    .prepare(
      'SELECT external_id, field, value FROM sanction_entry_values WHERE version_id = ? ORDER BY external_id, rowid',
    )
    .iterate(versionId) as Iterator<{ external_id: string; field: string; value: string }>;
  let next = values.next();
  for (const r of entries) {
    const e = empty(r);
    while (!next.done && next.value.external_id < r.external_id) next = values.next();
    while (!next.done && next.value.external_id === r.external_id) {
      addValue(e, next.value.field, next.value.value);
      next = values.next();
    }
    yield e;
  }
  values.return?.();
}

export function getEntry(db: ReadDb, entryId: number): SanctionEntry | null {
  const r = db.prepare('SELECT * FROM sanction_entries WHERE id = ?').get(entryId) as EntryRow | undefined;
  if (!r) return null;
  const e = empty(r);
  const rows = db
    .prepare('SELECT field, value FROM sanction_entry_values WHERE version_id = ? AND external_id = ? ORDER BY rowid')
    .all(r.version_id, r.external_id) as { field: string; value: string }[];
  for (const v of rows) addValue(e, v.field, v.value);
  return e;
}
