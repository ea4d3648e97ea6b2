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
const insertSql = (rows: number) => `INSERT INTO mention_names (id, raw_name, identifier, country) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}`;

/**
 * Inserts names under ids the caller chose (1, 2, … in the order added), so that the mentions
 * written next can point at them without reading ids back. Call flush() at the end.
 */
export function mentionNameInserter(db: WriteDb): { add(id: number, n: MentionName): void; flush(): void } {
  const many = db.prepare(insertSql(BATCH));
  const values: unknown[] = [];
  return {
    add(id, n) {
      values.push(id, n.rawName, n.identifier, n.country);
      if (values.length === BATCH * 4) {
        many.run(values);
        values.length = 0;
      }
    },
    flush() {
      if (values.length) db.prepare(insertSql(values.length / 4)).run(values);
      values.length = 0;
    },
  };
}
