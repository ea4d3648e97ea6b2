/**
 * What the records say about one entity, through its names' mentions: the
 * roles it appears in, its countries, its trade by counterparty and HS
 * chapter, its timeline, counterparties and example records (the entity
 * page and the review queue's evidence).
 */
import type { TradeLine } from '../../../shared/domain/entities';
import type { ReadDb } from './types';

export function entityRoles(db: ReadDb, id: number): Record<string, number> {
  const rows = db
    .prepare(
      'SELECT m.role AS role, count(*) AS n FROM mention_names nm JOIN mentions m ON m.name_id = nm.id WHERE nm.entity_id = ? GROUP BY m.role',
    )
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
    .all(id, limit) as {
    direction: 'in' | 'out';
    cp_id: number | null;
    cp_name: string;
    chapter: string | null;
    n: number;
    value: number;
    first: string | null;
    last: string | null;
  }[];
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
    .all(id, limit) as {
    recordId: number;
    importId: number;
    row: number;
    date: string | null;
    role: string;
    rawName: string;
    description: string | null;
  }[];
}
