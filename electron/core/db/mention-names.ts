import type { DecidedBy } from '../../../shared/domain/entities';
import { batchInserter, valuesSql } from './batch-insert';
import type { ReadDb, WriteDb } from './types';

/**
 * A distinct name as the records write it, with the identifier and country it travels with, the entity
 * all its mentions are in, how that was decided, and how many mentions it has.
 */
export interface MentionName {
  rawName: string;
  identifier: string | null;
  country: string | null;
  entityId: number;
  decidedBy: DecidedBy;
  mentions: number;
}

/** Empties the names before a resolve writes them all again; their entity index goes until restoreNameIndex (a rebuild is far cheaper than 400k updates of it). */
export function clearMentionNames(db: WriteDb): void {
  db.prepare('DROP INDEX IF EXISTS mention_names_entity').run();
  db.prepare('DELETE FROM mention_names').run();
}

export function restoreNameIndex(db: WriteDb): void {
  db.prepare('CREATE INDEX IF NOT EXISTS mention_names_entity ON mention_names(entity_id)').run();
}

const BATCH = 200;
const insertSql = (rows: number) =>
  `INSERT INTO mention_names (id, raw_name, identifier, country, entity_id, decided_by, mentions) VALUES ${valuesSql(rows, 7)}`;

/**
 * Inserts names under ids the caller chose, so that the mentions can point at them without reading ids
 * back. Call flush() at the end.
 */
export function mentionNameInserter(db: WriteDb): { add(id: number, n: MentionName): void; flush(): void } {
  const rows = batchInserter(db, insertSql, 7, BATCH);
  return {
    add(id, n) {
      rows.values.push(id, n.rawName, n.identifier, n.country, n.entityId, n.decidedBy, n.mentions);
      rows.added();
    },
    flush: rows.flush,
  };
}

/** A name row of an entity, as a judgement that moves it records it. */
export interface NameRow {
  id: number;
  raw: string;
  identifier: string | null;
  country: string | null;
  decidedBy: DecidedBy;
}

/** The name rows of an entity (a merge or split moves some or all of them). */
export function nameRowsOf(db: ReadDb, entityId: number): NameRow[] {
  return db
    .prepare(
      'SELECT id, raw_name AS raw, identifier, country, decided_by AS decidedBy FROM mention_names WHERE entity_id = ? ORDER BY id',
    )
    .all(entityId) as NameRow[];
}

/** Moves name rows to another entity, decided by a judgement (a manual merge or split, before the next resolve). */
export function moveNameRows(db: WriteDb, ids: readonly number[], to: number): void {
  const stmt = db.prepare("UPDATE mention_names SET entity_id = ?, decided_by = 'judgement' WHERE id = ?");
  for (const id of ids) stmt.run(to, id);
}

/** Puts name rows back in the entity each came from, decided as it was (an undone merge or split). */
export function returnNameRows(db: WriteDb, rows: readonly { id: number; from: number; decidedBy: DecidedBy }[]): void {
  const stmt = db.prepare('UPDATE mention_names SET entity_id = ?, decided_by = ? WHERE id = ?');
  for (const r of rows) stmt.run(r.from, r.decidedBy, r.id);
}

/** How many of these name rows are in an entity now. */
export function countNameRowsIn(db: ReadDb, ids: readonly number[], entityId: number): number {
  const stmt = db.prepare('SELECT count(*) FROM mention_names WHERE id = ? AND entity_id = ?').pluck();
  let n = 0;
  for (const id of ids) n += stmt.get(id, entityId) as number;
  return n;
}

/** (id, raw name, identifier, country, entity, mentions) of the previous run, to keep entity ids stable across runs. */
export function previousNameEntities(db: ReadDb): [number, string, string | null, string | null, number, number][] {
  return db
    .prepare(
      'SELECT id, raw_name, identifier, country, entity_id, mentions FROM mention_names WHERE entity_id IS NOT NULL',
    )
    .raw(true)
    .all() as [number, string, string | null, string | null, number, number][];
}

/** Distinct (raw name, identifier) of an entity's mentions: one side of a judgement. */
export function entityNameRefs(db: ReadDb, entityId: number): { name: string; identifier: string | null }[] {
  return db
    .prepare('SELECT DISTINCT raw_name AS name, identifier FROM mention_names WHERE entity_id = ? ORDER BY raw_name')
    .all(entityId) as { name: string; identifier: string | null }[];
}

/** Rebuilds one entity's names from its mentions (after a manual merge or split). */
export function entityNamesFromMentions(db: ReadDb, entityId: number): { name: string; mentions: number }[] {
  return db
    .prepare(
      `SELECT raw_name AS name, sum(mentions) AS mentions FROM mention_names
       WHERE entity_id = ? GROUP BY raw_name ORDER BY mentions DESC`,
    )
    .all(entityId) as { name: string; mentions: number }[];
}
