import type { EntitySummary } from '../../../shared/domain/entities';
import type { ReadDb, WriteDb } from './types';

interface EntityRow {
  id: number;
  name: string;
  name_edited: number;
  country: string | null;
  identifiers: string;
  mention_count: number;
  merged_into: number | null;
}

export interface EntityRecord {
  id: number;
  name: string;
  nameEdited: boolean;
  country: string | null;
  identifiers: string[];
  mentionCount: number;
  mergedInto: number | null;
}

const toEntity = (r: EntityRow): EntityRecord => ({
  id: r.id,
  name: r.name,
  nameEdited: r.name_edited === 1,
  country: r.country,
  identifiers: JSON.parse(r.identifiers) as string[],
  mentionCount: r.mention_count,
  mergedInto: r.merged_into,
});

/** Kept per connection: a diagram's view looks up each of its entities, and preparing costs more than the lookup. */
const entityById = new WeakMap<ReadDb, ReturnType<ReadDb['prepare']>>();

export function getEntity(db: ReadDb, id: number): EntityRecord | null {
  let stmt = entityById.get(db);
  if (!stmt) entityById.set(db, (stmt = db.prepare('SELECT * FROM entities WHERE id = ?')));
  const r = stmt.get(id) as EntityRow | undefined;
  return r ? toEntity(r) : null;
}

export function allEntities(db: ReadDb): EntityRecord[] {
  return (db.prepare('SELECT * FROM entities').all() as EntityRow[]).map(toEntity);
}

export interface EntityWrite {
  name: string;
  country: string | null;
  identifiers: string[];
  mentionCount: number;
}

/** Writes what a resolve found about an entity; a name a person set is kept. */
export function entityWriter(db: WriteDb): {
  insert(e: EntityWrite): number;
  update(id: number, e: EntityWrite): void;
} {
  const now = new Date().toISOString();
  const ins = db.prepare(
    'INSERT INTO entities (name, country, identifiers, mention_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upd = db.prepare(
    `UPDATE entities SET name = CASE WHEN name_edited = 1 THEN name ELSE ? END, country = ?, identifiers = ?,
       mention_count = ?, merged_into = NULL, updated_at = ? WHERE id = ?`,
  );
  return {
    insert: (e) =>
      Number(ins.run(e.name, e.country, JSON.stringify(e.identifiers), e.mentionCount, now, now).lastInsertRowid),
    update: (id, e) => void upd.run(e.name, e.country, JSON.stringify(e.identifiers), e.mentionCount, now, id),
  };
}

/** An entity left without mentions keeps its row (other tables may point at it), marked as folded into another. */
export function retireEntity(db: WriteDb, id: number, mergedInto: number | null): void {
  db.prepare('UPDATE entities SET mention_count = 0, merged_into = ?, updated_at = ? WHERE id = ?').run(
    mergedInto,
    new Date().toISOString(),
    id,
  );
}

/**
 * An entity's mention count, country (the one most of its mentions carry) and identifiers, worked out again
 * from its names: after a merge or split the names moved, and what they carry moves with them.
 */
export function refreshEntityFacts(db: WriteDb, id: number): void {
  const country = db
    .prepare(
      'SELECT country FROM mention_names WHERE entity_id = ? AND country IS NOT NULL GROUP BY country ORDER BY total(mentions) DESC, country LIMIT 1',
    )
    .pluck()
    .get(id) as string | undefined;
  const identifiers = db
    .prepare(
      'SELECT DISTINCT identifier FROM mention_names WHERE entity_id = ? AND identifier IS NOT NULL ORDER BY identifier',
    )
    .pluck()
    .all(id) as string[];
  db.prepare(
    'UPDATE entities SET mention_count = (SELECT total(mentions) FROM mention_names WHERE entity_id = ?), country = ?, identifiers = ?, updated_at = ? WHERE id = ?',
  ).run(id, country ?? null, JSON.stringify(identifiers), new Date().toISOString(), id);
}

/** Writes back an entity's facts as they were (an undone merge or split); its name stays as it is now. */
export function restoreEntityFacts(
  db: WriteDb,
  e: { id: number; country: string | null; identifiers: string[]; mentionCount: number; mergedInto: number | null },
): void {
  db.prepare(
    'UPDATE entities SET country = ?, identifiers = ?, mention_count = ?, merged_into = ?, updated_at = ? WHERE id = ?',
  ).run(e.country, JSON.stringify(e.identifiers), e.mentionCount, e.mergedInto, new Date().toISOString(), e.id);
}

/**
 * Where an entity id leads: itself while it is in use, else the entity it was merged into, followed on (a merge
 * may have been merged again). Null for an id no entity has.
 */
export function survivorOf(db: ReadDb, id: number): number | null {
  const next = db.prepare('SELECT merged_into FROM entities WHERE id = ?').pluck();
  const seen = new Set([id]);
  let at = id;
  let before: number | null = null;
  for (;;) {
    const into = next.get(at) as number | null | undefined;
    if (into === undefined) return before; // no such entity (or, in a damaged case, a dangling pointer)
    // A chain never loops (a merge points at an entity in use), but a damaged case must not hang the app.
    if (into === null || seen.has(into)) return at;
    seen.add(into);
    before = at;
    at = into;
  }
}

export function renameEntity(db: WriteDb, id: number, name: string): void {
  db.prepare('UPDATE entities SET name = ?, name_edited = 1, updated_at = ? WHERE id = ?').run(
    name,
    new Date().toISOString(),
    id,
  );
}

/** Entities in use: not folded into another, and named somewhere. */
export const ACTIVE = 'merged_into IS NULL AND mention_count > 0';

/**
 * Active entities, most mentioned first: all of them, or those a search found (search/entity-match.ts),
 * its `first` ones first, passed as JSON arrays.
 */
export function listEntities(
  db: ReadDb,
  found: { ids: readonly number[]; first: readonly number[] } | null,
  limit: number,
  offset: number,
): EntitySummary[] {
  const rows = (
    found
      ? db
          .prepare(
            `SELECT * FROM entities WHERE ${ACTIVE} AND id IN (SELECT value FROM json_each(?))
             ORDER BY id IN (SELECT value FROM json_each(?)) DESC, mention_count DESC, id LIMIT ? OFFSET ?`,
          )
          .all(JSON.stringify(found.ids), JSON.stringify(found.first), limit, offset)
      : db
          .prepare(`SELECT * FROM entities WHERE ${ACTIVE} ORDER BY mention_count DESC, id LIMIT ? OFFSET ?`)
          .all(limit, offset)
  ) as EntityRow[];
  const names = db.prepare('SELECT name FROM entity_names WHERE entity_id = ? ORDER BY mentions DESC, name LIMIT 50');
  return rows.map((r) => {
    const e = toEntity(r);
    const aliases = (names.all(e.id) as { name: string }[]).map((n) => n.name).filter((n) => n !== e.name);
    return {
      id: e.id,
      name: e.name,
      country: e.country,
      aliases,
      mentions: e.mentionCount,
      identifiers: e.identifiers,
    };
  });
}

export function countEntities(db: ReadDb, ids?: readonly number[] | null): number {
  const row = ids
    ? db
        .prepare(`SELECT count(*) AS n FROM entities WHERE ${ACTIVE} AND id IN (SELECT value FROM json_each(?))`)
        .get(JSON.stringify(ids))
    : db.prepare(`SELECT count(*) AS n FROM entities WHERE ${ACTIVE}`).get();
  return (row as { n: number }).n;
}

/** Which of `ids` are active entities (the others were merged away or lost their mentions). */
export function activeEntitiesAmong(db: ReadDb, ids: readonly number[]): number[] {
  if (ids.length === 0) return [];
  return db
    .prepare(`SELECT id FROM entities WHERE ${ACTIVE} AND id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

/** Active entities known by an identifier (INN, USCC…): exactly it, or, with `prefix`, one starting with it. */
export function entitiesWithIdentifier(db: ReadDb, identifier: string, prefix: boolean): number[] {
  // identifiers is a JSON array of strings: a quote before (and after) the value finds one whole element.
  const needle = `"${identifier.toUpperCase()}${prefix ? '' : '"'}`;
  return db
    .prepare(`SELECT id FROM entities WHERE ${ACTIVE} AND instr(upper(identifiers), ?) > 0`)
    .pluck()
    .all(needle) as number[];
}

/** Active entities whose name a person set contains `text` (such a name is not among the names the records write). */
export function entitiesRenamedLike(db: ReadDb, text: string): number[] {
  return db
    .prepare(`SELECT id FROM entities WHERE ${ACTIVE} AND name_edited = 1 AND name LIKE ? ESCAPE '\\'`)
    .pluck()
    .all(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as number[];
}
