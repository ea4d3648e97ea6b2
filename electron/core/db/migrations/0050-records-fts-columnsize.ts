import { RECORD_FIELDS } from '../../../../shared/domain/records';
import { recordIndexer } from '../records';
import { cjkBigrams, INDEXED_FIELDS, INDEXED_SLOTS } from '../records-fts';
import type { Migration } from './types';

/**
 * The records' full-text index without per-row column sizes
 * (`columnsize=0`): writing a size row for each of a million records cost
 * ~15% of the index's time in an import. Ranking (bm25) then does without
 * text lengths, which says little for one-line customs records anyway.
 * (contentless_delete cannot go with it; records are never deleted one by
 * one, and FTS5's 'delete' command with the stored values still can.)
 * Existing records are indexed again, CJK bigrams included.
 */
export const m0050: Migration = {
  version: 50,
  name: 'records-fts-columnsize',
  sql: `
DROP TABLE records_fts;
CREATE VIRTUAL TABLE records_fts USING fts5(
  shipper, consignee, notify, producer, description, cjk,
  content='', columnsize=0,
  tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO records_fts(records_fts, rank) VALUES('hashsize', 8388608);
`,
  run(db) {
    const index = recordIndexer(db, true);
    const select = db.prepare(`SELECT id, ${INDEXED_FIELDS.join(', ')} FROM records WHERE id BETWEEN ? AND ?`).raw();
    const max = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM records').get() as { n: number }).n;
    const values = new Array<unknown>(RECORD_FIELDS.length).fill(null);
    for (let first = 1; first <= max; first += 10_000) {
      const last = first + 9_999;
      const cjk: (number | string)[] = [];
      for (const row of select.all(first, last) as unknown[][]) {
        INDEXED_SLOTS.forEach((slot, i) => (values[slot] = row[i + 1]));
        const bigrams = cjkBigrams(values, INDEXED_SLOTS);
        if (bigrams) cjk.push(row[0] as number, bigrams);
      }
      index.add(first, last, cjk);
    }
    index.done();
  },
};
