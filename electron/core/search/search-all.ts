import type { RecordFilterInput } from '../../../shared/api/records';
import type { SearchHit } from '../../../shared/domain/records';
import type { ReadDb } from '../db/types';
import { searchDocuments } from './search-documents';
import { searchRecords } from './search-records';

type Filters = Omit<RecordFilterInput, 'query'>;

/** Search across the case: records (with filters) and document pages, merged. */
export function searchAll(db: ReadDb, query: string, limit: number, filters: Filters = {}): SearchHit[] {
  const records = searchRecords(db, query, limit, filters);
  const hasRecordFilter = Object.values(filters).some((v) => v !== undefined);
  // Record filters (dates, HS, countries, values) say nothing about documents; with any, records only.
  return hasRecordFilter ? records : mergeHits(records, searchDocuments(db, query, limit), limit);
}

/**
 * Record and document hits in one list: taken in turn from each (each
 * already best first), so that thousands of record hits never crowd out
 * the few documents, and the other way round.
 */
export function mergeHits(records: SearchHit[], documents: SearchHit[], limit: number): SearchHit[] {
  const out: SearchHit[] = [];
  for (let i = 0; out.length < limit && (i < records.length || i < documents.length); i++) {
    if (i < documents.length) out.push(documents[i]!);
    if (i < records.length && out.length < limit) out.push(records[i]!);
  }
  return out;
}
