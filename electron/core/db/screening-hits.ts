/** screening_runs, screening_hits and screening_reviews: what a screening found and what the investigator decided. */
import type { EntityHitSummary, ReviewStatus, ScreeningHit } from '../../../shared/domain/screening';
import type { ReadDb, WriteDb } from './types';

export interface HitWrite {
  entityId: number;
  entryId: number;
  score: number;
  entityName: string;
  entryName: string;
  reasons: string[];
}

export function insertRun(
  db: WriteDb,
  r: { actor: string; versionIds: number[]; entities: number; entries: number; hits: number },
): number {
  return Number(
    db
      .prepare('INSERT INTO screening_runs (at, actor, versions, entities, entries, hits) VALUES (?, ?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), r.actor, JSON.stringify(r.versionIds), r.entities, r.entries, r.hits)
      .lastInsertRowid,
  );
}

export function setRunHits(db: WriteDb, runId: number, hits: number): void {
  db.prepare('UPDATE screening_runs SET hits = ? WHERE id = ?').run(hits, runId);
}

export function hitWriter(db: WriteDb, runId: number): (h: HitWrite) => void {
  const stmt = db.prepare(
    'INSERT INTO screening_hits (run_id, entity_id, entry_id, score, entity_name, entry_name, reasons) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (h) =>
    void stmt.run(runId, h.entityId, h.entryId, h.score, h.entityName, h.entryName, JSON.stringify(h.reasons));
}

export function latestRunId(db: ReadDb): number | null {
  return (db.prepare('SELECT max(id) FROM screening_runs').pluck().get() as number | null) ?? null;
}

export function countReviewedHits(db: ReadDb, runId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM screening_hits h JOIN sanction_entries e ON e.id = h.entry_id
       JOIN sanction_list_versions v ON v.id = e.version_id
       JOIN screening_reviews r ON r.entity_id = h.entity_id AND r.list_id = v.list_id AND r.external_id = e.external_id
       WHERE h.run_id = ? AND r.status <> 'open'`,
    )
    .pluck()
    .get(runId) as number;
}

const HIT_SELECT = `SELECT h.id, h.run_id AS runId, h.entity_id AS entityId, coalesce(ent.name, h.entity_name) AS entityName,
  v.list_id AS listId, l.name AS listName, v.id AS versionId, v.as_of AS asOf, e.id AS entryId, e.external_id AS externalId,
  e.name AS entryName, h.score, h.entity_name AS matchedEntityName, h.entry_name AS matchedEntryName, h.reasons,
  coalesce(r.status, 'open') AS status, coalesce(r.note, '') AS note,
  (SELECT json_group_array(value) FROM sanction_entry_values x WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'program') AS programs,
  (SELECT min(value) FROM sanction_entry_values x WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'listed_on') AS listedOn,
  (SELECT group_concat(value, ' ') FROM sanction_entry_values x WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'remarks') AS remarks
  FROM screening_hits h JOIN sanction_entries e ON e.id = h.entry_id
  JOIN sanction_list_versions v ON v.id = e.version_id JOIN sanction_lists l ON l.id = v.list_id
  LEFT JOIN entities ent ON ent.id = h.entity_id
  LEFT JOIN screening_reviews r ON r.entity_id = h.entity_id AND r.list_id = v.list_id AND r.external_id = e.external_id`;

type HitRow = Omit<ScreeningHit, 'reasons' | 'programs' | 'remarks'> & {
  reasons: string;
  programs: string;
  remarks: string | null;
};
const toHit = (r: HitRow): ScreeningHit => ({
  ...r,
  reasons: JSON.parse(r.reasons) as string[],
  programs: JSON.parse(r.programs) as string[],
  remarks: r.remarks ?? '',
});

export interface HitFilter {
  runId: number;
  entityId?: number | undefined;
  status?: ReviewStatus | undefined;
  listId?: number | undefined;
}

export function listHits(db: ReadDb, f: HitFilter, limit: number, offset: number): ScreeningHit[] {
  const where = ['h.run_id = ?'];
  const params: unknown[] = [f.runId];
  const add = (sql: string, v: unknown) => {
    where.push(sql);
    params.push(v);
  };
  if (f.entityId !== undefined) add('h.entity_id = ?', f.entityId);
  if (f.listId !== undefined) add('v.list_id = ?', f.listId);
  if (f.status !== undefined) add("coalesce(r.status, 'open') = ?", f.status);
  const rows = db
    .prepare(`${HIT_SELECT} WHERE ${where.join(' AND ')} ORDER BY h.score DESC, h.id LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as HitRow[];
  return rows.map(toHit);
}

export function getHit(db: ReadDb, id: number): ScreeningHit | null {
  const r = db.prepare(`${HIT_SELECT} WHERE h.id = ?`).get(id) as HitRow | undefined;
  return r ? toHit(r) : null;
}

export function setReview(
  db: WriteDb,
  key: { entityId: number; listId: number; externalId: string },
  status: ReviewStatus,
  note: string,
  actor: string,
): void {
  db.prepare(
    `INSERT INTO screening_reviews (entity_id, list_id, external_id, status, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET status = excluded.status, note = excluded.note, actor = excluded.actor, at = excluded.at`,
  ).run(key.entityId, key.listId, key.externalId, status, note, actor, new Date().toISOString());
}

/** Per entity, its hits in a run by review status (the entities given, or all with hits). */
export function entityHitSummaries(db: ReadDb, runId: number, entityIds?: readonly number[]): EntityHitSummary[] {
  const only = entityIds ? `AND h.entity_id IN (SELECT value FROM json_each(?))` : '';
  const rows = db
    .prepare(
      `SELECT h.entity_id AS entityId, count(*) AS hits, max(h.score) AS topScore,
         sum(coalesce(r.status, 'open') = 'open') AS open, sum(coalesce(r.status, 'open') = 'confirmed') AS confirmed,
         sum(coalesce(r.status, 'open') = 'false_positive') AS falsePositive,
         (SELECT json_group_array(DISTINCT x.value) FROM screening_hits h2 JOIN sanction_entries e2 ON e2.id = h2.entry_id
           JOIN sanction_entry_values x ON x.version_id = e2.version_id AND x.external_id = e2.external_id AND x.field = 'program'
           WHERE h2.run_id = h.run_id AND h2.entity_id = h.entity_id) AS programs
       FROM screening_hits h JOIN sanction_entries e ON e.id = h.entry_id JOIN sanction_list_versions v ON v.id = e.version_id
       LEFT JOIN screening_reviews r ON r.entity_id = h.entity_id AND r.list_id = v.list_id AND r.external_id = e.external_id
       WHERE h.run_id = ? ${only} GROUP BY h.entity_id ORDER BY h.entity_id`,
    )
    .all(...(entityIds ? [runId, JSON.stringify(entityIds)] : [runId])) as (Omit<EntityHitSummary, 'programs'> & {
    programs: string;
  })[];
  return rows.map((r) => ({ ...r, programs: JSON.parse(r.programs) as string[] }));
}

/** A hit as the FtM export writes it: one of the latest screening, confirmed or still open. */
export interface ExportHit {
  entityId: number;
  listId: number;
  listName: string;
  authority: string;
  asOf: string;
  externalId: string;
  entryName: string;
  status: 'open' | 'confirmed';
  score: number;
  programs: string[];
  listedOn: string | null;
  remarks: string;
  /** The sources (files) of the list version the entry was read from. */
  sourceIds: number[];
}

/** The latest screening's hits that stand (confirmed or open; false positives left out), in a stable order. */
export function standingHits(db: ReadDb): ExportHit[] {
  const run = latestRunId(db);
  if (run === null) return [];
  const rows = db
    .prepare(
      `SELECT h.entity_id AS entityId, l.id AS listId, l.name AS listName, l.authority, v.as_of AS asOf,
         e.external_id AS externalId, e.name AS entryName, coalesce(r.status, 'open') AS status, h.score,
         (SELECT json_group_array(value) FROM sanction_entry_values x WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'program') AS programs,
         (SELECT min(value) FROM sanction_entry_values x WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'listed_on') AS listedOn,
         (SELECT group_concat(value, ' ') FROM sanction_entry_values x WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'remarks') AS remarks,
         (SELECT json_group_array(source_id) FROM sanction_list_files f WHERE f.version_id = v.id) AS sourceIds
       FROM screening_hits h JOIN sanction_entries e ON e.id = h.entry_id
       JOIN sanction_list_versions v ON v.id = e.version_id JOIN sanction_lists l ON l.id = v.list_id
       LEFT JOIN screening_reviews r ON r.entity_id = h.entity_id AND r.list_id = v.list_id AND r.external_id = e.external_id
       WHERE h.run_id = ? AND coalesce(r.status, 'open') IN ('open', 'confirmed')
       ORDER BY h.entity_id, l.id, e.external_id`,
    )
    .all(run) as (Omit<ExportHit, 'programs' | 'sourceIds' | 'remarks'> & {
    programs: string;
    sourceIds: string;
    remarks: string | null;
  })[];
  return rows.map((r) => ({
    ...r,
    programs: JSON.parse(r.programs) as string[],
    sourceIds: JSON.parse(r.sourceIds) as number[],
    remarks: r.remarks ?? '',
  }));
}
