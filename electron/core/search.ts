import type { SearchHit } from '../../shared/domain/records';
import type { ReadDb } from './db/types';
import { ftsQuery } from './db/records';

/** Search across the case: record hits now; document pages join when documents exist. */
export function searchAll(db: ReadDb, query: string, limit: number): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.import_id, r.row, r.shipper, r.consignee, r.description
       FROM records_fts f JOIN records r ON r.id = f.rowid
       WHERE records_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(ftsQuery(query), limit) as { id: number; import_id: number; row: number; shipper: string | null; consignee: string | null; description: string | null }[];
  return rows.map((r) => ({
    kind: 'record' as const,
    id: r.id,
    importId: r.import_id,
    row: r.row,
    snippet: [r.shipper, r.consignee, r.description].filter(Boolean).join(' · '),
  }));
}
