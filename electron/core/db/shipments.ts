import type { DiagramFilters } from '../../../shared/domain/diagrams';
import type { ReadDb } from './types';

/**
 * The records read as shipments between entities: a record's shipper
 * mention and its consignee mention, each through its name to the entity
 * the name is in (mention_names.entity_id, which merges and splits keep
 * current). Read from the entities' names (mention_names(entity_id)) to
 * their mentions (mentions(name_id), an index that carries record and role),
 * so the work grows with the mentions of the entities asked about, not with
 * the case.
 */

function filterSql(f: DiagramFilters | undefined, params: unknown[]): string {
  let sql = '';
  if (f?.dateFrom) {
    sql += ' AND r.date >= ?';
    params.push(f.dateFrom);
  }
  if (f?.dateTo) {
    sql += ' AND r.date <= ?';
    params.push(f.dateTo);
  }
  if (f?.hsChapters.length) {
    sql += ' AND substr(r.hs_code, 1, 2) IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(f.hsChapters));
  }
  return sql;
}

/**
 * Every shipper or consignee mention of the given entities, each as one number:
 * (record id × `scale` + the entity's index in `entityIds`) × 2 + 1 for a consignee (0 for a shipper),
 * `scale` > the number of entities. One number per row keeps a hundred thousand mentions cheap to hand
 * over; the index-only reads (no row of mentions, names or records is visited) keep them cheap to find,
 * and both roles come from one pass over each name's mentions (a pass per role read them twice). The
 * caller joins shipper and consignee sides on the record id: a lookup of each record's other party
 * would cost a B-tree descent per mention.
 */
export function packedParties(db: ReadDb, entityIds: readonly number[], scale: number): number[] {
  if (entityIds.length === 0) return [];
  return db
    .prepare(
      `SELECT (m.record_id * ? + j.key) * 2 + (m.role = 'consignee') FROM json_each(?) j
       CROSS JOIN mention_names n ON n.entity_id = j.value
       CROSS JOIN mentions m ON m.name_id = n.id
       WHERE m.role IN ('shipper', 'consignee')`,
    )
    .pluck()
    .all(scale, JSON.stringify(entityIds)) as number[];
}

/**
 * Id, date, USD value and HS code of the given records that pass the filters, in id order. Read from
 * the index that holds just these (migration 0240), never the records' wide rows: a diagram's sums read
 * them for every record behind its edges. (The planner would take the primary key for `id IN`.)
 */
export function shipmentFacts(
  db: ReadDb,
  recordIds: readonly number[],
  filters?: DiagramFilters,
): [number, string | null, number | null, string | null][] {
  if (recordIds.length === 0) return [];
  const params: unknown[] = [JSON.stringify(recordIds)];
  const where = filterSql(filters, params);
  return db
    .prepare(
      `SELECT r.id, r.date, r.value_usd, r.hs_code FROM records r INDEXED BY records_shipment_facts WHERE r.id IN (SELECT value FROM json_each(?))${where} ORDER BY r.id`,
    )
    .raw(true)
    .all(...params) as [number, string | null, number | null, string | null][];
}

/**
 * Changes whenever what shipments are made of may have changed: another connection committed (an
 * import or resolve job, another process), or an audited change other than a diagram's own edits
 * (every change of records, mentions and entities is audited). Sums computed under one version can
 * be shown again while it holds.
 */
export function shipmentDataVersion(db: ReadDb): string {
  const seq = db
    .prepare(
      `SELECT seq FROM audit_log WHERE action NOT LIKE 'diagrams.%' AND action NOT LIKE 'annotations.%' ORDER BY seq DESC LIMIT 1`,
    )
    .pluck()
    .get() as number | undefined;
  return `${db.pragma('data_version', { simple: true }) as number}:${seq ?? 0}`;
}

export interface CounterpartyRow {
  direction: 'in' | 'out';
  entity_id: number;
  name: string;
  country: string | null;
  n: number;
  value: number;
  first: string | null;
  last: string | null;
}

/** Every entity an entity ships to (out) or receives from (in), with the sums. */
export function counterpartyRows(db: ReadDb, entityId: number, filters?: DiagramFilters): CounterpartyRow[] {
  const params: unknown[] = [entityId];
  const where = filterSql(filters, params);
  return db
    .prepare(
      `SELECT c.direction, c.entity_id, e.name, e.country, c.n, c.value, c.first, c.last FROM (
         SELECT CASE WHEN em.role = 'shipper' THEN 'out' ELSE 'in' END AS direction, cn.entity_id AS entity_id,
                count(*) AS n, total(r.value_usd) AS value, min(r.date) AS first, max(r.date) AS last
         FROM mention_names en
         JOIN mentions em ON em.name_id = en.id AND (em.role = 'shipper' OR em.role = 'consignee')
         JOIN mentions cm ON cm.record_id = em.record_id AND cm.role = CASE WHEN em.role = 'shipper' THEN 'consignee' ELSE 'shipper' END
         JOIN mention_names cn ON cn.id = cm.name_id
         JOIN records r ON r.id = em.record_id
         WHERE en.entity_id = ? AND cn.entity_id IS NOT NULL AND cn.entity_id <> en.entity_id${where}
         GROUP BY direction, cn.entity_id
       ) c JOIN entities e ON e.id = c.entity_id`,
    )
    .all(...params) as CounterpartyRow[];
}

/** Which of the given records are still in the case. */
export function existingRecordIds(db: ReadDb, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const found = db
    .prepare('SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(ids)) as number[];
  return new Set(found);
}

/** The shipper and consignee entities of the given records (records whose parties are not resolved give null). */
export function recordParties(
  db: ReadDb,
  recordIds: readonly number[],
): { recordId: number; shipper: number | null; consignee: number | null }[] {
  if (recordIds.length === 0) return [];
  return db
    .prepare(
      `SELECT r.id AS recordId,
              (SELECT n.entity_id FROM mentions m JOIN mention_names n ON n.id = m.name_id
               WHERE m.record_id = r.id AND m.role = 'shipper') AS shipper,
              (SELECT n.entity_id FROM mentions m JOIN mention_names n ON n.id = m.name_id
               WHERE m.record_id = r.id AND m.role = 'consignee') AS consignee
       FROM records r WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id`,
    )
    .all(JSON.stringify(recordIds)) as { recordId: number; shipper: number | null; consignee: number | null }[];
}
