/**
 * What the records say about one entity, through its names' mentions: the
 * roles it appears in, its countries, its counterparties, its timeline, counterparties and example records (the entity
 * page and the review queue's evidence).
 */
import type { Counterparty, ReviewSide } from '../../../shared/domain/entities';
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

interface CounterpartyPart {
  cp: number;
  name: string;
  country: string | null;
  role: 'shipper' | 'consignee';
  chapter: string | null;
  n: number;
  value: number;
  first: string | null;
  last: string | null;
}

/**
 * Everyone the entity ships to or receives from, one row per counterparty
 * entity with both directions: the records where one of the two is the
 * shipper and the other the consignee (record-filter.ts `counterpartyId`
 * selects the same records). Summed here from parts by direction and HS
 * chapter, which SQLite groups in one pass.
 */
export function counterparties(db: ReadDb, id: number): Counterparty[] {
  const parts = db
    .prepare(
      `SELECT cn.entity_id AS cp, e.name AS name, e.country AS country, em.role AS role,
              substr(r.hs_code, 1, 2) AS chapter, count(*) AS n, total(r.value_usd) AS value,
              min(r.date) AS first, max(r.date) AS last
       FROM mention_names en
       JOIN mentions em ON em.name_id = en.id AND em.role IN ('shipper', 'consignee')
       JOIN mentions cm ON cm.record_id = em.record_id
         AND cm.role = CASE em.role WHEN 'shipper' THEN 'consignee' ELSE 'shipper' END
       JOIN mention_names cn ON cn.id = cm.name_id
       JOIN entities e ON e.id = cn.entity_id
       JOIN records r ON r.id = em.record_id
       WHERE en.entity_id = ? AND cn.entity_id <> en.entity_id
       GROUP BY cn.entity_id, em.role, chapter`,
    )
    .all(id) as CounterpartyPart[];
  const rows = new Map<number, Counterparty & { chapters: Map<string, number> }>();
  for (const p of parts) {
    let row = rows.get(p.cp);
    if (!row) {
      const empty = { sent: 0, received: 0, count: 0, valueUsd: 0, firstDate: null, lastDate: null, hsChapters: [] };
      row = { entityId: p.cp, name: p.name, country: p.country, ...empty, chapters: new Map<string, number>() };
      rows.set(p.cp, row);
    }
    const r = row;
    if (p.role === 'shipper') r.sent += p.n;
    else r.received += p.n;
    r.count += p.n;
    r.valueUsd += p.value;
    if (p.first !== null && (r.firstDate === null || p.first < r.firstDate)) r.firstDate = p.first;
    if (p.last !== null && (r.lastDate === null || p.last > r.lastDate)) r.lastDate = p.last;
    if (p.chapter) r.chapters.set(p.chapter, (r.chapters.get(p.chapter) ?? 0) + p.n);
  }
  return [...rows.values()]
    .map(({ chapters, ...row }) => ({
      ...row,
      valueUsd: Math.round(row.valueUsd * 100) / 100,
      hsChapters: [...chapters].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ch]) => ch),
    }))
    .sort((a, b) => b.count - a.count || b.valueUsd - a.valueUsd || a.entityId - b.entityId);
}

/** The month after a yyyy-mm month. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Records naming the entity (any role) per month, every month from the first to the last (empty ones with 0). */
export function timeline(db: ReadDb, id: number): { month: string; count: number; valueUsd: number }[] {
  const rows = db
    .prepare(
      `SELECT substr(r.date, 1, 7) AS month, count(DISTINCT r.id) AS n, total(r.value_usd) AS value
       FROM mention_names nm JOIN mentions m ON m.name_id = nm.id JOIN records r ON r.id = m.record_id
       WHERE nm.entity_id = ? AND r.date IS NOT NULL GROUP BY month ORDER BY month`,
    )
    .all(id) as { month: string; n: number; value: number }[];
  const filled: { month: string; count: number; valueUsd: number }[] = [];
  for (const r of rows) {
    if (!/^\d{4}-\d{2}$/.test(r.month)) continue;
    // Months without records between two with records are shown: a pause in trade is part of the story.
    while (filled.length && nextMonth(filled[filled.length - 1]!.month) < r.month)
      filled.push({ month: nextMonth(filled[filled.length - 1]!.month), count: 0, valueUsd: 0 });
    filled.push({ month: r.month, count: r.n, valueUsd: Math.round(r.value * 100) / 100 });
  }
  return filled;
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

/** A few records naming the entity, newest first: the review's examples. */
export function exampleRecords(db: ReadDb, id: number, limit = 3): ReviewSide['examples'] {
  return db
    .prepare(
      `SELECT r.id AS recordId, r.import_id AS importId, r.row AS row, r.date AS date, m.role AS role, nm.raw_name AS rawName, r.description AS description
       FROM mention_names nm JOIN mentions m ON m.name_id = nm.id JOIN records r ON r.id = m.record_id WHERE nm.entity_id = ? ORDER BY r.date DESC, r.id LIMIT ?`,
    )
    .all(id, limit) as ReviewSide['examples'];
}
