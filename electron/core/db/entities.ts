import type { EntityName, EntitySummary, TradeLine } from '../../../shared/domain/entities';
import { batchInserter, valuesSql } from './batch-insert';
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

export function getEntity(db: ReadDb, id: number): EntityRecord | null {
  const r = db.prepare('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
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
export function entityWriter(db: WriteDb): { insert(e: EntityWrite): number; update(id: number, e: EntityWrite): void } {
  const now = new Date().toISOString();
  const ins = db.prepare(
    'INSERT INTO entities (name, country, identifiers, mention_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upd = db.prepare(
    `UPDATE entities SET name = CASE WHEN name_edited = 1 THEN name ELSE ? END, country = ?, identifiers = ?,
       mention_count = ?, merged_into = NULL, updated_at = ? WHERE id = ?`,
  );
  return {
    insert: (e) => Number(ins.run(e.name, e.country, JSON.stringify(e.identifiers), e.mentionCount, now, now).lastInsertRowid),
    update: (id, e) => void upd.run(e.name, e.country, JSON.stringify(e.identifiers), e.mentionCount, now, id),
  };
}

/** An entity left without mentions keeps its row (other tables may point at it), marked as folded into another. */
export function retireEntity(db: WriteDb, id: number, mergedInto: number | null): void {
  db.prepare('UPDATE entities SET mention_count = 0, merged_into = ?, updated_at = ? WHERE id = ?').run(mergedInto, new Date().toISOString(), id);
}

/**
 * An entity's mention count, country (the one most of its mentions carry) and identifiers, worked out again
 * from its names: after a merge or split the names moved, and what they carry moves with them.
 */
export function refreshEntityFacts(db: WriteDb, id: number): void {
  const country = db
    .prepare('SELECT country FROM mention_names WHERE entity_id = ? AND country IS NOT NULL GROUP BY country ORDER BY total(mentions) DESC, country LIMIT 1')
    .pluck()
    .get(id) as string | undefined;
  const identifiers = db.prepare('SELECT DISTINCT identifier FROM mention_names WHERE entity_id = ? AND identifier IS NOT NULL ORDER BY identifier').pluck().all(id) as string[];
  db.prepare(
    'UPDATE entities SET mention_count = (SELECT total(mentions) FROM mention_names WHERE entity_id = ?), country = ?, identifiers = ?, updated_at = ? WHERE id = ?',
  ).run(id, country ?? null, JSON.stringify(identifiers), new Date().toISOString(), id);
}

export function renameEntity(db: WriteDb, id: number, name: string): void {
  db.prepare('UPDATE entities SET name = ?, name_edited = 1, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
}

export function clearEntityNames(db: WriteDb): void {
  db.prepare('DELETE FROM entity_names').run();
}

export function entityNameInserter(db: WriteDb): (entityId: number, n: EntityName) => void {
  const stmt = db.prepare(
    'INSERT INTO entity_names (entity_id, name, scripts, legal_form, mentions) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions',
  );
  return (entityId, n) => void stmt.run(entityId, n.name, JSON.stringify(n.scripts), n.legalForm, n.mentions);
}

const NAME_BATCH = 200;
const namesSql = (rows: number) =>
  `INSERT INTO entity_names (entity_id, name, scripts, legal_form, mentions) VALUES ${valuesSql(rows, 5)}
   ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions`;

/** entityNameInserter for a whole resolve (400k names at 1M records): a few hundred rows per statement. Call flush() at the end. */
export function entityNameBatchInserter(db: WriteDb): { add(entityId: number, n: EntityName): void; flush(): void } {
  const rows = batchInserter(db, namesSql, 5, NAME_BATCH);
  return {
    add(entityId, n) {
      rows.values.push(entityId, n.name, JSON.stringify(n.scripts), n.legalForm, n.mentions);
      rows.added();
    },
    flush: rows.flush,
  };
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

export function deleteEntityNames(db: WriteDb, entityId: number): void {
  db.prepare('DELETE FROM entity_names WHERE entity_id = ?').run(entityId);
}

export function getEntityNames(db: ReadDb, entityId: number): EntityName[] {
  const rows = db
    .prepare('SELECT name, scripts, legal_form, mentions FROM entity_names WHERE entity_id = ? ORDER BY mentions DESC, name')
    .all(entityId) as { name: string; scripts: string; legal_form: string | null; mentions: number }[];
  return rows.map((r) => ({ name: r.name, scripts: JSON.parse(r.scripts) as string[], legalForm: r.legal_form, mentions: r.mentions }));
}

/** Entities in use: not folded into another, and named somewhere. */
export const ACTIVE = 'merged_into IS NULL AND mention_count > 0';

export function listEntities(db: ReadDb, query: string | undefined, limit: number, offset: number): EntitySummary[] {
  const q = query?.trim();
  const rows = (
    q
      ? db
          .prepare(
            `SELECT * FROM entities WHERE ${ACTIVE} AND id IN (SELECT entity_id FROM entity_names WHERE name LIKE ? ESCAPE '\\')
             ORDER BY mention_count DESC, id LIMIT ? OFFSET ?`,
          )
          .all(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit, offset)
      : db.prepare(`SELECT * FROM entities WHERE ${ACTIVE} ORDER BY mention_count DESC, id LIMIT ? OFFSET ?`).all(limit, offset)
  ) as EntityRow[];
  const names = db.prepare('SELECT name FROM entity_names WHERE entity_id = ? ORDER BY mentions DESC, name LIMIT 50');
  return rows.map((r) => {
    const e = toEntity(r);
    const aliases = (names.all(e.id) as { name: string }[]).map((n) => n.name).filter((n) => n !== e.name);
    return { id: e.id, name: e.name, country: e.country, aliases, mentions: e.mentionCount, identifiers: e.identifiers };
  });
}

export function countEntities(db: ReadDb, query: string | undefined): number {
  const q = query?.trim();
  const row = q
    ? db
        .prepare(`SELECT count(*) AS n FROM entities WHERE ${ACTIVE} AND id IN (SELECT entity_id FROM entity_names WHERE name LIKE ? ESCAPE '\\')`)
        .get(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    : db.prepare(`SELECT count(*) AS n FROM entities WHERE ${ACTIVE}`).get();
  return (row as { n: number }).n;
}

export function entityRoles(db: ReadDb, id: number): Record<string, number> {
  const rows = db
    .prepare('SELECT m.role AS role, count(*) AS n FROM mention_names nm JOIN mentions m ON m.name_id = nm.id WHERE nm.entity_id = ? GROUP BY m.role')
    .all(id) as { role: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.role, r.n]));
}

export function entityCountries(db: ReadDb, id: number): string[] {
  return (
    db
      .prepare(
        `SELECT country, sum(mentions) AS n FROM mention_names
         WHERE entity_id = ? AND country IS NOT NULL GROUP BY country ORDER BY n DESC`,
      )
      .all(id) as {
      country: string;
    }[]
  ).map((r) => r.country);
}

/** Shipments in and out aggregated by counterparty and HS chapter. */
export function tradeLines(db: ReadDb, id: number, limit = 500): TradeLine[] {
  const rows = db
    .prepare(
      `SELECT CASE WHEN m.role = 'consignee' THEN 'in' ELSE 'out' END AS direction,
              cpn.entity_id AS cp_id, COALESCE(ce.name, cpn.raw_name, '(not named)') AS cp_name,
              substr(r.hs_code, 1, 2) AS chapter, count(*) AS n, total(r.value_usd) AS value,
              min(r.date) AS first, max(r.date) AS last
       FROM mention_names nm JOIN mentions m ON m.name_id = nm.id JOIN records r ON r.id = m.record_id
       LEFT JOIN mentions cp ON cp.record_id = m.record_id AND cp.role = CASE WHEN m.role = 'consignee' THEN 'shipper' ELSE 'consignee' END
       LEFT JOIN mention_names cpn ON cpn.id = cp.name_id
       LEFT JOIN entities ce ON ce.id = cpn.entity_id
       WHERE nm.entity_id = ? AND m.role IN ('shipper', 'consignee')
       GROUP BY direction, COALESCE(cpn.entity_id, cpn.raw_name), chapter
       ORDER BY value DESC LIMIT ?`,
    )
    .all(id, limit) as { direction: 'in' | 'out'; cp_id: number | null; cp_name: string; chapter: string | null; n: number; value: number; first: string | null; last: string | null }[];
  return rows.map((r) => ({
    direction: r.direction,
    counterpartyId: r.cp_id,
    counterparty: r.cp_name,
    hsChapter: r.chapter,
    count: r.n,
    valueUsd: Math.round(r.value * 100) / 100,
    firstDate: r.first,
    lastDate: r.last,
  }));
}

export function timeline(db: ReadDb, id: number): { month: string; count: number; valueUsd: number }[] {
  const rows = db
    .prepare(
      `SELECT substr(r.date, 1, 7) AS month, count(DISTINCT r.id) AS n, total(r.value_usd) AS value
       FROM mention_names nm JOIN mentions m ON m.name_id = nm.id JOIN records r ON r.id = m.record_id
       WHERE nm.entity_id = ? AND r.date IS NOT NULL GROUP BY month ORDER BY month`,
    )
    .all(id) as { month: string; n: number; value: number }[];
  return rows.map((r) => ({ month: r.month, count: r.n, valueUsd: Math.round(r.value * 100) / 100 }));
}

/** Counterparty names of an entity (for review evidence). */
export function counterpartyIds(db: ReadDb, id: number, limit = 200): { id: number; name: string }[] {
  return db
    .prepare(
      `SELECT cpn.entity_id AS id, e.name AS name, count(*) AS shared
       FROM mention_names nm JOIN mentions m ON m.name_id = nm.id
       JOIN mentions cp ON cp.record_id = m.record_id AND cp.role <> m.role
       JOIN mention_names cpn ON cpn.id = cp.name_id AND cpn.entity_id IS NOT NULL AND cpn.entity_id <> nm.entity_id
       JOIN entities e ON e.id = cpn.entity_id
       WHERE nm.entity_id = ? GROUP BY cpn.entity_id ORDER BY shared DESC LIMIT ?`,
    )
    .all(id, limit) as { id: number; name: string }[];
}

export function exampleRecords(db: ReadDb, id: number, limit = 3) {
  return db
    .prepare(
      `SELECT r.id AS recordId, r.import_id AS importId, r.row AS row, r.date AS date, m.role AS role, nm.raw_name AS rawName, r.description AS description
       FROM mention_names nm JOIN mentions m ON m.name_id = nm.id JOIN records r ON r.id = m.record_id WHERE nm.entity_id = ? ORDER BY r.date DESC, r.id LIMIT ?`,
    )
    .all(id, limit) as { recordId: number; importId: number; row: number; date: string | null; role: string; rawName: string; description: string | null }[];
}

// Review queue ---------------------------------------------------------------

export function clearReviewQueue(db: WriteDb): void {
  db.prepare('DELETE FROM review_queue').run();
}

export function reviewInserter(db: WriteDb): (a: number, b: number, score: number, reasons: string[], unsure: boolean) => void {
  const stmt = db.prepare(
    'INSERT INTO review_queue (entity_a, entity_b, score, reasons, unsure) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return (a, b, score, reasons, unsure) => void stmt.run(Math.min(a, b), Math.max(a, b), score, JSON.stringify(reasons), unsure ? 1 : 0);
}

export interface QueueRow {
  id: number;
  entityA: number;
  entityB: number;
  score: number;
  reasons: string[];
  unsure: boolean;
}

/** Certain-looking pairs first; pairs marked unsure go to the back. */
export function listReviewQueue(db: ReadDb, limit: number, offset: number): QueueRow[] {
  const rows = db
    .prepare('SELECT * FROM review_queue ORDER BY unsure, score DESC, id LIMIT ? OFFSET ?')
    .all(limit, offset) as { id: number; entity_a: number; entity_b: number; score: number; reasons: string; unsure: number }[];
  return rows.map((r) => ({ id: r.id, entityA: r.entity_a, entityB: r.entity_b, score: r.score, reasons: JSON.parse(r.reasons) as string[], unsure: r.unsure === 1 }));
}

export function countReviewQueue(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM review_queue').get() as { n: number }).n;
}

export function removeReviewPair(db: WriteDb, a: number, b: number): void {
  db.prepare('DELETE FROM review_queue WHERE entity_a = ? AND entity_b = ?').run(Math.min(a, b), Math.max(a, b));
}

export function markReviewUnsure(db: WriteDb, a: number, b: number): void {
  db.prepare('UPDATE review_queue SET unsure = 1 WHERE entity_a = ? AND entity_b = ?').run(Math.min(a, b), Math.max(a, b));
}

/** Drops queued pairs that involve an entity (it was merged away). */
export function removeReviewFor(db: WriteDb, entityId: number): void {
  db.prepare('DELETE FROM review_queue WHERE entity_a = ? OR entity_b = ?').run(entityId, entityId);
}
