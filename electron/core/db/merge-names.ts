import { hasTable } from './merge-copy';
import type { ReadDb, WriteDb } from './types';

/** Name rows and mentions as a merge matches and writes them (exchange/merge-entities.ts). */

/** A name row's identity across cases: the name as written, with the identifier and country it travels with. */
export const nameKey = (n: { raw_name?: unknown; identifier?: unknown; country?: unknown }): string =>
  JSON.stringify([n.raw_name, n.identifier ?? null, n.country ?? null]);

/** Every name row of this case by nameKey, with its entity (one read: a lookup per name would scan the table). */
export function localNameKeys(db: ReadDb): Map<string, { id: number; entity: number }> {
  const out = new Map<string, { id: number; entity: number }>();
  const rows = db
    .prepare('SELECT id, raw_name, identifier, country, entity_id FROM mention_names')
    .raw(true)
    .iterate() as IterableIterator<[number, string, string | null, string | null, number]>;
  for (const [id, raw_name, identifier, country, entity] of rows)
    out.set(nameKey({ raw_name, identifier, country }), { id, entity });
  return out;
}

/** The entity a record's mention in a role is in here, if it has one. */
export function entityAtMention(db: ReadDb, recordId: number, role: string): number | undefined {
  return (
    (db
      .prepare(
        'SELECT nm.entity_id FROM mentions m JOIN mention_names nm ON nm.id = m.name_id WHERE m.record_id = ? AND m.role = ?',
      )
      .pluck()
      .get(recordId, role) as number | null | undefined) ?? undefined
  );
}

export function mentionInserter(db: WriteDb): (recordId: number, role: string, nameId: number) => void {
  const stmt = db.prepare('INSERT INTO mentions (record_id, role, name_id) VALUES (?, ?, ?)');
  return (recordId, role, nameId) => void stmt.run(recordId, role, nameId);
}

/** Adds mentions to a name row's count; answers the entity it is in. */
export function addNameMentions(db: WriteDb, nameId: number, n: number): number {
  return db
    .prepare('UPDATE mention_names SET mentions = mentions + ? WHERE id = ? RETURNING entity_id')
    .pluck()
    .get(n, nameId) as number;
}

/** The entity an entity was merged into (null: it is in use; undefined: no such entity). */
export const mergedIntoOf = (db: ReadDb, id: number): number | null | undefined =>
  db.prepare('SELECT merged_into FROM entities WHERE id = ?').pluck().get(id) as number | null | undefined;

/** An entity's anchor mention (db/entity-anchors.ts), if it has one. */
export function anchorOf(db: ReadDb, entityId: number): { record_id: number; role: string } | undefined {
  if (!hasTable(db, 'entity_anchors')) return undefined; // a case from before diagrams
  return db.prepare('SELECT record_id, role FROM entity_anchors WHERE entity_id = ?').get(entityId) as
    { record_id: number; role: string } | undefined;
}

/** Takes one of the entity names out of the names index (the row itself is deleted by its caller). */
export function unindexEntityName(db: WriteDb, rowid: number): void {
  db.prepare('DELETE FROM entity_names_fts WHERE rowid = ?').run(rowid);
}
