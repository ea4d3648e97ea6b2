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

/** Moves every name of one entity to another (a manual merge, before the next resolve). */
export function moveNames(db: WriteDb, from: number, to: number): number {
  return db.prepare("UPDATE mention_names SET entity_id = ?, decided_by = 'judgement' WHERE entity_id = ?").run(to, from).changes;
}

/** Moves the names of an entity written as one of `names` to another entity (a manual split). */
export function moveNamesWritten(db: WriteDb, from: number, to: number, names: readonly string[]): number {
  const stmt = db.prepare("UPDATE mention_names SET entity_id = ?, decided_by = 'judgement' WHERE entity_id = ? AND raw_name = ?");
  let n = 0;
  for (const name of names) n += stmt.run(to, from, name).changes;
  return n;
}

/** (id, raw name, identifier, country, entity, mentions) of the previous run, to keep entity ids stable across runs. */
export function previousNameEntities(db: ReadDb): [number, string, string | null, string | null, number, number][] {
  return db
    .prepare('SELECT id, raw_name, identifier, country, entity_id, mentions FROM mention_names WHERE entity_id IS NOT NULL')
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
