import type { RecordFilterInput } from '../../../shared/api/records';
import type { SearchHit } from '../../../shared/domain/records';
import type { RecordFilter } from '../db/record-filter';
import { matchRecords, recordHits, type RecordHitRow } from '../db/records';
import type { ReadDb } from '../db/types';
import { namedEntities } from './entity-match';
import { ftsMatch } from './fts-match';
import { hsCodeOf, recordFilter } from './record-match';

type Filters = Omit<RecordFilterInput, 'query'>;

/**
 * Records a query finds (among those records.list finds with it,
 * record-match.ts), best first, up to `limit`: an HS code's records when
 * the query is one; then whole-word matches as typed, then in any script,
 * ranked; then the records of the companies the query names, under
 * whatever names they write; then words the query's words begin.
 */
export function searchRecords(db: ReadDb, query: string, limit: number, filters: Filters = {}): SearchHit[] {
  const base = recordFilter(db, filters);
  const hsPrefix = hsCodeOf(query);
  const exact = ftsMatch(db, query, { reach: 'exact' });
  if (!exact && !hsPrefix) return [];
  const rows: RecordHitRow[] = [];
  const seen = new Set<number>();
  const add = (found: () => RecordHitRow[]) => {
    if (rows.length >= limit) return;
    for (const r of found()) {
      if (rows.length >= limit) break;
      if (!seen.has(r.id) && seen.add(r.id)) rows.push(r);
    }
  };
  const only = (match: Partial<NonNullable<RecordFilter['match']>>): RecordFilter => ({
    ...base,
    match: { fts: null, entityIds: [], hsPrefix: null, ...match },
  });
  if (hsPrefix) add(() => recordHits(db, only({ hsPrefix }), limit));
  // Whole words first: FTS5 walks their doclists lazily, so a word in half a million rows still answers at
  // once; prefix terms (подшипник → ПОДШИПНИКИ) make it merge every expansion's doclist up front, so they
  // only top up a short list. The words as typed come before their other spellings (a query in Latin lists
  // the records written in Latin first; then Cyrillic, and typos like УЛЛАН, which bm25 would rank first).
  const written = ftsMatch(db, query, { reach: 'exact', asWritten: true });
  if (written && written !== exact) add(() => matchRecords(db, written, limit, base));
  if (exact) add(() => matchRecords(db, exact, limit, base));
  add(() => {
    const entityIds = namedEntities(db, query);
    return entityIds.length ? recordHits(db, only({ entityIds }), limit) : [];
  });
  // A number that may be an HS code matches whole words only (record-match.ts).
  const prefix = hsPrefix ? null : ftsMatch(db, query, { reach: 'prefix' });
  if (prefix) add(() => matchRecords(db, prefix, limit, base));
  return rows.map((r) => ({
    kind: 'record' as const,
    id: r.id,
    importId: r.import_id,
    row: r.row,
    title: `Import ${r.import_id}, row ${r.row}`,
    hsCode: r.hs_code,
    snippet: [
      [r.shipper ?? '—', r.consignee ?? '—'].join(' → '),
      [r.date, r.hs_code].filter(Boolean).join(', '),
      r.description,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}
