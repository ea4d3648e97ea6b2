import type { RecordFilterInput } from '../../shared/api/records';
import type { SearchHit } from '../../shared/domain/records';
import type { ReadDb } from './db/types';
import { filterSql } from './db/records';
import { ftsQuery } from './db/records-fts';
import { mergeHits, searchDocuments } from './documents/search-documents';

/** Above this many matches, ranking them all costs more than it tells; newest first instead. */
const RANK_AT_MOST = 2000;

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

/**
 * Full-text search over records' parties and descriptions. Few matches are
 * ordered by relevance (bm25); a common word matching a large share of a
 * million rows is returned newest first, which FTS5 does without scoring
 * every match, so search stays fast on big cases.
 */
export function searchRecords(db: ReadDb, query: string, limit: number, filters: Filters = {}): SearchHit[] {
  const match = ftsQuery(query);
  if (!match) return [];
  const w = filterSql(filters);
  const extra = w.sql.length ? `AND ${w.sql.join(' AND ')}` : '';
  const many =
    (db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM records_fts WHERE records_fts MATCH ? LIMIT ?)').get(match, RANK_AT_MOST + 1) as {
      n: number;
    }).n > RANK_AT_MOST;
  const rows = db
    .prepare(
      `SELECT r.id, r.import_id, r.row, r.date, r.shipper, r.consignee, r.hs_code, r.description
       FROM records_fts f JOIN records r ON r.id = f.rowid
       WHERE records_fts MATCH ? ${extra}
       ORDER BY ${many ? 'f.rowid DESC' : 'f.rank'} LIMIT ?`,
    )
    .all(match, ...w.params, limit) as HitRow[];
  return rows.map((r) => ({
    kind: 'record' as const,
    id: r.id,
    importId: r.import_id,
    row: r.row,
    title: `Import ${r.import_id}, row ${r.row}`,
    snippet: [
      [r.shipper ?? '—', r.consignee ?? '—'].join(' → '),
      [r.date, r.hs_code].filter(Boolean).join(', '),
      r.description,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}
