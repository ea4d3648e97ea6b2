/** sanction_lists, sanction_list_versions and sanction_list_files: a list, its dated versions and their files. */
import type { ListFileRef, ListFormat, ListVersion, SanctionList } from '../../../shared/domain/screening';
import type { ReadDb, WriteDb } from './types';

interface ListRow {
  id: number;
  name: string;
  authority: string;
  format: ListFormat;
}
interface VersionRow {
  id: number;
  list_id: number;
  as_of: string;
  sha256: string;
  entries: number;
  imported_at: string;
  imported_by: string;
}

export function findListByName(db: ReadDb, name: string): ListRow | null {
  return (
    (db.prepare('SELECT id, name, authority, format FROM sanction_lists WHERE name = ?').get(name) as ListRow) ?? null
  );
}

export function insertList(db: WriteDb, l: Omit<ListRow, 'id'>): number {
  return Number(
    db
      .prepare('INSERT INTO sanction_lists (name, authority, format, created_at) VALUES (?, ?, ?, ?)')
      .run(l.name, l.authority, l.format, new Date().toISOString()).lastInsertRowid,
  );
}

export function findVersionBySha(db: ReadDb, listId: number, sha256: string): VersionRow | null {
  return (
    (db.prepare('SELECT * FROM sanction_list_versions WHERE list_id = ? AND sha256 = ?').get(listId, sha256) as
      VersionRow | undefined) ?? null
  );
}

export function insertVersion(
  db: WriteDb,
  v: { listId: number; asOf: string; sha256: string; importedBy: string },
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO sanction_list_versions (list_id, as_of, sha256, entries, imported_at, imported_by) VALUES (?, ?, ?, 0, ?, ?)',
      )
      .run(v.listId, v.asOf, v.sha256, new Date().toISOString(), v.importedBy).lastInsertRowid,
  );
}

export function setVersionEntries(db: WriteDb, versionId: number, entries: number): void {
  db.prepare('UPDATE sanction_list_versions SET entries = ? WHERE id = ?').run(entries, versionId);
}

export function addVersionFile(db: WriteDb, versionId: number, sourceId: number, role: string): void {
  db.prepare('INSERT INTO sanction_list_files (version_id, source_id, role) VALUES (?, ?, ?)').run(
    versionId,
    sourceId,
    role,
  );
}

/** The current version of a list: latest as-of date, the later import when two share one. */
const CURRENT = `SELECT v.* FROM sanction_list_versions v WHERE v.list_id = ? ORDER BY v.as_of DESC, v.id DESC LIMIT 1`;

export function currentVersionId(db: ReadDb, listId: number): number | null {
  return ((db.prepare(CURRENT).get(listId) as VersionRow | undefined) ?? null)?.id ?? null;
}

/** The version current before `versionId` was: the one just before it in as-of order. */
export function previousVersionId(db: ReadDb, versionId: number): number | null {
  const v = db.prepare('SELECT list_id, as_of FROM sanction_list_versions WHERE id = ?').get(versionId) as
    { list_id: number; as_of: string } | undefined;
  if (!v) return null;
  const r = db
    .prepare(
      `SELECT id FROM sanction_list_versions WHERE list_id = ? AND id <> ? AND (as_of < ? OR (as_of = ? AND id < ?))
       ORDER BY as_of DESC, id DESC LIMIT 1`,
    )
    .get(v.list_id, versionId, v.as_of, v.as_of, versionId) as { id: number } | undefined;
  return r?.id ?? null;
}

/** The current version of every list: what a screening runs against. */
export function currentVersionIds(db: ReadDb): number[] {
  const lists = db.prepare('SELECT id FROM sanction_lists ORDER BY id').pluck().all() as number[];
  return lists.map((id) => currentVersionId(db, id)).filter((v): v is number => v !== null);
}

function versionFiles(db: ReadDb, versionId: number): ListFileRef[] {
  return db
    .prepare(
      `SELECT s.id AS sourceId, s.file_name AS fileName, f.role, s.sha256, s.size FROM sanction_list_files f
         JOIN sources s ON s.id = f.source_id WHERE f.version_id = ? ORDER BY s.id`,
    )
    .all(versionId) as ListFileRef[];
}

const toVersion = (db: ReadDb, r: VersionRow): ListVersion => ({
  id: r.id,
  listId: r.list_id,
  asOf: r.as_of,
  sha256: r.sha256,
  entries: r.entries,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  files: versionFiles(db, r.id),
});

export function getVersion(db: ReadDb, versionId: number): ListVersion | null {
  const r = db.prepare('SELECT * FROM sanction_list_versions WHERE id = ?').get(versionId) as VersionRow | undefined;
  return r ? toVersion(db, r) : null;
}

export function listVersions(db: ReadDb, listId: number): ListVersion[] {
  const rows = db
    .prepare('SELECT * FROM sanction_list_versions WHERE list_id = ? ORDER BY as_of DESC, id DESC')
    .all(listId) as VersionRow[];
  return rows.map((r) => toVersion(db, r));
}

export function getList(db: ReadDb, id: number): ListRow | null {
  return (db.prepare('SELECT id, name, authority, format FROM sanction_lists WHERE id = ?').get(id) as ListRow) ?? null;
}

export function allLists(db: ReadDb): SanctionList[] {
  const rows = db.prepare('SELECT id, name, authority, format FROM sanction_lists ORDER BY name').all() as ListRow[];
  return rows.flatMap((l) => {
    const versions = listVersions(db, l.id);
    return versions.length ? [{ ...l, current: versions[0]!, versions: versions.length }] : [];
  });
}
