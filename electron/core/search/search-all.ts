import type { RecordFilterInput } from '../../../shared/api/records';
import type { SearchHit } from '../../../shared/domain/records';
import type { ReadDb } from '../db/types';
import { filterSql } from '../db/records';
import { ftsQuery } from '../db/records-fts';
import { mergeHits, searchDocuments } from './search-documents';

/** Above this many matches, ranking them all costs more than it tells; newest first instead. */
const RANK_AT_MOST = 500;

type Filters = Omit<RecordFilterInput, 'query'>;

/** Search across the case: records (with filters) and document pages, merged. */
export function searchAll(db: ReadDb, query: string, limit: number, filters: Filters = {}): SearchHit[] {
  const records = searchRecords(db, query, limit, filters);
  const hasRecordFilter = Object.values(filters).some((v) => v !== undefined);
  // Record filters (dates, HS, countries, values) say nothing about documents; with any, records only.
  return hasRecordFilter ? records : mergeHits(records, searchDocuments(db, query, limit), limit);
}

interface HitRow {
  id: number;
  import_id: number;
  row: number;
  date: string | null;
  shipper: string | null;
  consignee: string | null;
  hs_code: string | null;
  description: string | null;
}

/** Full-text search over records' parties and descriptions, with the records filters. */
export function searchRecords(db: ReadDb, query: string, limit: number, filters: Filters = {}): SearchHit[] {
  // Whole words first: FTS5 walks their doclists lazily, so a word in half a million rows still
  // answers at once; prefix terms (подшипник → ПОДШИПНИКИ) make it merge every expansion's doclist
  // up front, so they only top up a short list.
  const exact = ftsQuery(query, undefined, false);
  if (!exact) return [];
  const rows = matchRecords(db, exact, limit, filters);
  if (rows.length < limit) {
    const seen = new Set(rows.map((r) => r.id));
    for (const r of matchRecords(db, ftsQuery(query)!, limit, filters)) {
      if (rows.length >= limit) break;
      if (!seen.has(r.id)) rows.push(r);
    }
  }
  return rows.map((r) => ({
    kind: 'record' as const,
    id: r.id,
    importId: r.import_id,
    row: r.row,
    title: `Import ${r.import_id}, row ${r.row}`,
    snippet: [[r.shipper ?? '—', r.consignee ?? '—'].join(' → '), [r.date, r.hs_code].filter(Boolean).join(', '), r.description]
      .filter(Boolean)
      .join(' · '),
  }));
}

/**
 * Few matches are ordered by relevance (bm25); a word matching a large
 * share of a million rows is returned newest first, which FTS5 does
 * without scoring every match.
 */
function matchRecords(db: ReadDb, match: string, limit: number, filters: Filters): HitRow[] {
  const w = filterSql(filters);
  const extra = w.sql.length ? `AND ${w.sql.join(' AND ')}` : '';
  const many =
    (db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM records_fts WHERE records_fts MATCH ? LIMIT ?)').get(match, RANK_AT_MOST + 1) as {
      n: number;
    }).n > RANK_AT_MOST;
  const cols = 'r.id, r.import_id, r.row, r.date, r.shipper, r.consignee, r.hs_code, r.description';
  if (!many && !extra) {
    // Rank inside FTS5 first, then join only the winners (ranking across the join costs several times more).
    return db
      .prepare(
        `SELECT ${cols} FROM (SELECT rowid, rank FROM records_fts WHERE records_fts MATCH ? ORDER BY rank LIMIT ?) f
         JOIN records r ON r.id = f.rowid ORDER BY f.rank`,
      )
      .all(match, limit) as HitRow[];
  }
  return db
    .prepare(
      `SELECT ${cols} FROM records_fts f JOIN records r ON r.id = f.rowid
       WHERE records_fts MATCH ? ${extra}
       ORDER BY ${many ? 'f.rowid DESC' : 'f.rank'} LIMIT ?`,
    )
    .all(match, ...w.params, limit) as HitRow[];
}
