import { batchInserter, valuesSql } from './batch-insert';
import type { WriteDb } from './types';

/** A distinct name as the records write it, with the identifier and country it travels with. */
export interface MentionName {
  rawName: string;
  identifier: string | null;
  country: string | null;
}

export function clearMentionNames(db: WriteDb): void {
  db.prepare('DELETE FROM mention_names').run();
}

const BATCH = 200;
const insertSql = (rows: number) => `INSERT INTO mention_names (id, raw_name, identifier, country) VALUES ${valuesSql(rows, 4)}`;

/**
 * Inserts names under ids the caller chose (1, 2, … in the order added), so that the mentions
 * written next can point at them without reading ids back. Call flush() at the end.
 */
export function mentionNameInserter(db: WriteDb): { add(id: number, n: MentionName): void; flush(): void } {
  const rows = batchInserter(db, insertSql, 4, BATCH);
  return {
    add(id, n) {
      rows.values.push(id, n.rawName, n.identifier, n.country);
      rows.added();
    },
    flush: rows.flush,
  };
}
