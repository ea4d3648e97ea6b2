/**
 * The records filters as SQL over `records r`: the columns' conditions,
 * and what a query matches (search/record-match.ts works that out) as one
 * condition on the record id.
 */
import { NO_COUNTRY, type RecordFilterInput } from '../../../shared/api/records';
import type { MentionRole } from '../../../shared/domain/entities';
import { CHPL_TIERS, chplPrefixes, type ChplTier } from '../../../shared/goods/hs-codes';

const COUNTRY_COLUMNS = [
  'shipper_country',
  'consignee_country',
  'origin_country',
  'destination_country',
  'trading_country',
];

/**
 * What a query matches (search/record-match.ts works it out): records the
 * FTS5 query `fts` finds, records that mention one of `entityIds` (in any
 * role), records whose HS code starts with `hsPrefix`: any of them. Nothing
 * to match matches no record.
 */
export interface RecordMatch {
  fts: string | null;
  entityIds: readonly number[];
  hsPrefix: string | null;
}

/** The records filters, with the query and party text already turned into what they match. */
export type RecordFilter = Omit<RecordFilterInput, 'query' | 'party'> & {
  match?: RecordMatch | undefined;
  /** An FTS5 query on the party columns. */
  partyMatch?: string | null | undefined;
};

/** HS codes are digits: every code starting with a prefix sorts below prefix + '~' (the index on hs_code reads that range). */
const hsRange = (prefix: string): [string, string] => [prefix, `${prefix}~`];

/** SQL conditions (over `records r`) for a filter; the FTS conditions use the index. */
export function filterSql(filter: RecordFilter): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (filter.importId !== undefined) {
    // An import's records are the id range record_base + 1 … record_base + rows_read: a rowid range, no index needed.
    sql.push(
      'r.id BETWEEN (SELECT record_base + 1 FROM imports WHERE id = ?) AND (SELECT record_base + rows_read FROM imports WHERE id = ?) AND r.import_id = ?',
    );
    params.push(filter.importId, filter.importId, filter.importId);
  }
  if (filter.flagged) sql.push("r.flags <> '[]'");
  if (filter.flag) {
    sql.push('instr(r.flags, ?) > 0');
    params.push(JSON.stringify(filter.flag));
  }
  if (filter.dateFrom) {
    sql.push('r.date >= ?');
    params.push(filter.dateFrom);
  }
  if (filter.dateTo) {
    sql.push('r.date <= ?');
    params.push(filter.dateTo);
  }
  const hs = filter.hsPrefix?.replace(/\D/g, '');
  if (hs) {
    sql.push('r.hs_code >= ? AND r.hs_code < ?');
    params.push(...hsRange(hs));
  }
  if (filter.chplTier) {
    // Each listed prefix reads its range of the hs_code index; a record is on one prefix at most.
    const tiers = filter.chplTier === 'any' ? [...CHPL_TIERS] : [filter.chplTier];
    sql.push(
      "r.id IN (SELECT x.id FROM json_each(?) p JOIN records x ON x.hs_code >= p.value AND x.hs_code < p.value || '~')",
    );
    params.push(JSON.stringify(chplPrefixes(tiers).map(([prefix]) => prefix)));
  }
  if (filter.country) {
    sql.push(`? IN (${COUNTRY_COLUMNS.map((c) => `r.${c}`).join(', ')})`);
    params.push(filter.country.trim().toUpperCase());
  }
  if (filter.valueMin !== undefined) {
    sql.push('r.value_usd >= ?');
    params.push(filter.valueMin);
  }
  if (filter.valueMax !== undefined) {
    sql.push('r.value_usd <= ?');
    params.push(filter.valueMax);
  }
  for (const [column, value] of [
    ['origin_country', filter.origin],
    ['destination_country', filter.destination],
  ] as const) {
    if (value === undefined) continue;
    if (value.toLowerCase() === NO_COUNTRY) sql.push(`r.${column} IS NULL`);
    else {
      sql.push(`r.${column} = ?`);
      params.push(value.toUpperCase());
    }
  }
  if (filter.entityId !== undefined) {
    const e = entitySql(filter.entityId, filter.counterpartyId, filter.entityRole);
    sql.push(e.sql);
    params.push(...e.params);
  }
  if (filter.match) {
    const m = matchSql(filter.match);
    sql.push(m.sql);
    params.push(...m.params);
  }
  if (filter.partyMatch) {
    sql.push('r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)');
    params.push(filter.partyMatch);
  }
  return { sql, params };
}

/**
 * The records of an entity, any role; with a counterparty, the records where
 * one ships to the other (shipper and consignee, either way). Read from the
 * entity's names to their mentions (indexes on mention_names.entity_id and
 * mentions.name_id), then the other side by the mentions' key (record, role).
 */
function entitySql(
  entityId: number,
  counterpartyId: number | undefined,
  role: MentionRole | undefined,
): { sql: string; params: unknown[] } {
  if (counterpartyId === undefined)
    return {
      sql: `r.id IN (SELECT m.record_id FROM mention_names n JOIN mentions m ON m.name_id = n.id WHERE n.entity_id = ?${role ? ' AND m.role = ?' : ''})`,
      params: role ? [entityId, role] : [entityId],
    };
  // A role other than shipper or consignee has no other side to trade with: it matches nothing.
  const roles = role ? [role] : ['shipper', 'consignee'];
  return {
    sql: `r.id IN (SELECT em.record_id FROM mention_names en
            JOIN mentions em ON em.name_id = en.id AND em.role IN (${roles.map(() => '?').join(', ')})
            JOIN mentions cm ON cm.record_id = em.record_id
              AND cm.role = CASE em.role WHEN 'shipper' THEN 'consignee' WHEN 'consignee' THEN 'shipper' END
            JOIN mention_names cn ON cn.id = cm.name_id
            WHERE en.entity_id = ? AND cn.entity_id = ?)`,
    params: [...roles, entityId, counterpartyId],
  };
}

/**
 * A RecordMatch as one condition: the ids each part finds, in one UNION
 * that SQLite reads once and then looks the records up by id (an OR of
 * conditions would test every record).
 */
function matchSql(m: RecordMatch): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (m.fts) {
    parts.push('SELECT rowid FROM records_fts WHERE records_fts MATCH ?');
    params.push(m.fts);
  }
  if (m.entityIds.length) {
    parts.push(
      'SELECT m.record_id FROM mention_names n JOIN mentions m ON m.name_id = n.id WHERE n.entity_id IN (SELECT value FROM json_each(?))',
    );
    params.push(JSON.stringify(m.entityIds));
  }
  if (m.hsPrefix) {
    parts.push('SELECT id FROM records WHERE hs_code >= ? AND hs_code < ?');
    params.push(...hsRange(m.hsPrefix));
  }
  return parts.length ? { sql: `r.id IN (${parts.join(' UNION ')})`, params } : { sql: '0', params };
}

/**
 * The CHPL tier of `hsColumn` as an SQL expression (NULL off the list), for
 * sorting: a CASE on its first six digits, the 2017 forms included, so the
 * tier follows the list the app carries, with nothing stored to go stale.
 */
export function chplTierSql(hsColumn: string): { sql: string; params: (string | ChplTier)[] } {
  const prefixes = chplPrefixes();
  return {
    sql: `CASE substr(${hsColumn}, 1, 6) ${prefixes.map(() => 'WHEN ? THEN ?').join(' ')} END`,
    params: prefixes.flat(),
  };
}

/** filterSql as a WHERE clause ('' for no condition). */
export const whereSql = (f: RecordFilter) => {
  const w = filterSql(f);
  return { sql: w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '', params: w.params };
};
