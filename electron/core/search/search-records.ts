import type { RecordFilterInput } from '../../../shared/api/records';
import type { SearchHit } from '../../../shared/domain/records';
import { matchRecords } from '../db/records';
import { ftsQuery } from '../db/records-fts';
import type { ReadDb } from '../db/types';

type Filters = Omit<RecordFilterInput, 'query'>;

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
