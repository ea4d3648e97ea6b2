/**
 * The SQL of the risk summary (core/risk/risk-summary.ts). Each query reads
 * the records exactly as a records filter does (record-filter.ts): an
 * entity's records through its names' mentions, CHPL goods by the HS 6
 * their code starts with, dates compared as the filter's `dateFrom` and
 * `dateTo` compare them. So every figure here equals
 * `records.count` with the filter the summary attaches to it.
 */
import type { ChplTier } from '../../../shared/goods/hs-codes';
import { chplTierSql } from './record-filter';
import type { ReadDb } from './types';

/** A hit of the latest screening with the facts of its entry, for the statuses asked. */
export interface SanctionedHitRow {
  entityId: number;
  status: 'confirmed' | 'open';
  entryId: number;
  entryName: string;
  listName: string;
  programs: string[];
  listedOn: string | null;
}

export function latestScreening(db: ReadDb): { runId: number; at: string } | null {
  return (
    (db.prepare('SELECT id AS runId, at FROM screening_runs ORDER BY id DESC LIMIT 1').get() as
      { runId: number; at: string } | undefined) ?? null
  );
}

/** The hits of a run whose review status is one of `statuses` (a hit never reviewed is open). */
export function sanctionedHits(db: ReadDb, runId: number, statuses: readonly string[]): SanctionedHitRow[] {
  const rows = db
    .prepare(
      `SELECT h.entity_id AS entityId, coalesce(rv.status, 'open') AS status, e.id AS entryId, e.name AS entryName,
         l.name AS listName,
         (SELECT json_group_array(value) FROM sanction_entry_values x
           WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'program') AS programs,
         (SELECT min(value) FROM sanction_entry_values x
           WHERE x.version_id = e.version_id AND x.external_id = e.external_id AND x.field = 'listed_on') AS listedOn
       FROM screening_hits h JOIN sanction_entries e ON e.id = h.entry_id
       JOIN sanction_list_versions v ON v.id = e.version_id JOIN sanction_lists l ON l.id = v.list_id
       LEFT JOIN screening_reviews rv ON rv.entity_id = h.entity_id AND rv.list_id = v.list_id AND rv.external_id = e.external_id
       WHERE h.run_id = ? AND coalesce(rv.status, 'open') IN (SELECT value FROM json_each(?))
       ORDER BY h.entity_id, h.score DESC, e.id`,
    )
    .all(runId, JSON.stringify(statuses)) as (Omit<SanctionedHitRow, 'programs'> & { programs: string })[];
  return rows.map((r) => ({ ...r, programs: JSON.parse(r.programs) as string[] }));
}

/** An entity and where its records split at its listing date: `beforeTo` (last day before), `afterFrom` (the date). */
export interface EntitySplit {
  entityId: number;
  beforeTo: string | null;
  afterFrom: string | null;
}

export interface EntityTradeRow {
  entityId: number;
  records: number;
  valueUsd: number;
  firstDate: string | null;
  lastDate: string | null;
  beforeRecords: number;
  beforeValue: number;
  afterRecords: number;
  afterValue: number;
}

/** Per entity, its records in any role (each once): count, USD value, date range, and the split at its date. */
export function entityTrade(db: ReadDb, entities: readonly EntitySplit[]): EntityTradeRow[] {
  if (entities.length === 0) return [];
  return db
    .prepare(
      `WITH s AS (SELECT json_extract(j.value, '$[0]') AS entity_id, json_extract(j.value, '$[1]') AS before_to,
                    json_extract(j.value, '$[2]') AS after_from FROM json_each(?) j),
       em AS (SELECT DISTINCT n.entity_id, m.record_id FROM mention_names n JOIN mentions m ON m.name_id = n.id
              WHERE n.entity_id IN (SELECT entity_id FROM s))
       SELECT s.entity_id AS entityId, count(*) AS records, total(r.value_usd) AS valueUsd,
         min(r.date) AS firstDate, max(r.date) AS lastDate,
         total(r.date <= s.before_to) AS beforeRecords, total(iif(r.date <= s.before_to, r.value_usd, NULL)) AS beforeValue,
         total(r.date >= s.after_from) AS afterRecords, total(iif(r.date >= s.after_from, r.value_usd, NULL)) AS afterValue
       FROM s JOIN em ON em.entity_id = s.entity_id JOIN records r ON r.id = em.record_id
       GROUP BY s.entity_id`,
    )
    .all(JSON.stringify(entities.map((e) => [e.entityId, e.beforeTo, e.afterFrom]))) as EntityTradeRow[];
}

export interface FigureRow {
  records: number;
  valueUsd: number;
}

export interface ChplGroupRow extends FigureRow {
  tier: ChplTier;
  origin: string | null;
  destination: string | null;
}

/**
 * Records on the CHPL by tier, origin and destination country, in one pass
 * over the records: on a case where most records are listed goods, reading
 * the table in order costs a third of looking each listed record up from
 * the hs_code index. The tier is chplTierSql's, the same test (the record's
 * code starts with a listed HS 6) as the chplTier filter's.
 */
export function chplGroups(db: ReadDb): ChplGroupRow[] {
  const tier = chplTierSql('hs_code');
  return db
    .prepare(
      `SELECT tier, origin, destination, count(*) AS records, total(value_usd) AS valueUsd
       FROM (SELECT ${tier.sql} AS tier, origin_country AS origin, destination_country AS destination, value_usd FROM records)
       WHERE tier IS NOT NULL GROUP BY 1, 2, 3`,
    )
    .all(...tier.params) as ChplGroupRow[];
}

export interface FlowRow extends FigureRow {
  fromId: number;
  toId: number;
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * Shipper → consignee pairs whose consignee is one of `entityIds`, the
 * largest by value first: read from the consignees' names to their
 * consignee mentions, then the record's shipper mention by its key.
 */
export function flowsInto(db: ReadDb, entityIds: readonly number[], limit: number): FlowRow[] {
  if (entityIds.length === 0) return [];
  return db
    .prepare(
      `SELECT sn.entity_id AS fromId, cn.entity_id AS toId, count(*) AS records, total(r.value_usd) AS valueUsd,
         min(r.date) AS firstDate, max(r.date) AS lastDate
       FROM json_each(?) s JOIN mention_names cn ON cn.entity_id = s.value
       JOIN mentions cm ON cm.name_id = cn.id AND cm.role = 'consignee'
       JOIN mentions sm ON sm.record_id = cm.record_id AND sm.role = 'shipper'
       JOIN mention_names sn ON sn.id = sm.name_id
       JOIN records r ON r.id = cm.record_id
       WHERE sn.entity_id IS NOT NULL
       GROUP BY sn.entity_id, cn.entity_id
       ORDER BY valueUsd DESC, records DESC, fromId, toId LIMIT ?`,
    )
    .all(JSON.stringify(entityIds), limit) as FlowRow[];
}

/** Name and country of the given entities. */
export function entityLabels(
  db: ReadDb,
  ids: readonly number[],
): Map<number, { name: string; country: string | null }> {
  const rows = db
    .prepare('SELECT id, name, country FROM entities WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; name: string; country: string | null }[];
  return new Map(rows.map((r) => [r.id, { name: r.name, country: r.country }]));
}
