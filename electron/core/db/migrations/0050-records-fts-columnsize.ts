import type { WriteDb } from '../types';
import type { Migration } from './types';

/**
 * The records' full-text index without per-row column sizes
 * (`columnsize=0`): writing a size row for each of a million records cost
 * ~15% of the index's time in an import. Ranking (bm25) then does without
 * text lengths, which says little for one-line customs records anyway.
 * (contentless_delete cannot go with it; records are never deleted one by
 * one, and FTS5's 'delete' command with the stored values still can.)
 * Existing records are indexed again, CJK bigrams included.
 *
 * A migration is history: what it writes must not change when the live
 * indexing code does, so the indexing it needs is copied here as it stood
 * at version 50 (db/records.ts recordIndexer, db/records-fts.ts).
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
    // No merging while loading; FTS5's defaults again at the end.
    configure(db, { automerge: 0, crisismerge: 1000 });
    const all = db.prepare(ftsFromRecords('records r', 'r.id BETWEEN ? AND ?', 'NULL'));
    const allBut = db.prepare(
      ftsFromRecords(
        'records r',
        'r.id BETWEEN ? AND ? AND r.id NOT IN (SELECT value ->> 0 FROM json_each(?))',
        'NULL',
      ),
    );
    const withCjk = db.prepare(
      ftsFromRecords('json_each(?) j JOIN records r ON r.id = j.value ->> 0', '1', 'j.value ->> 1'),
    );
    const select = db.prepare(`SELECT id, ${INDEXED.join(', ')} FROM records WHERE id BETWEEN ? AND ?`).raw();
    const max = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM records').get() as { n: number }).n;
    // 20,000 records per statement: FTS5 writes a segment at the end of each.
    for (let first = 1; first <= max; first += 20_000) {
      const last = first + 19_999;
      const cjk: [number, string][] = [];
      for (const row of select.all(first, last) as unknown[][]) {
        const bigrams = cjkBigrams(row.slice(1));
        if (bigrams) cjk.push([row[0] as number, bigrams]);
      }
      if (cjk.length === 0) all.run(first, last);
      else {
        const json = JSON.stringify(cjk);
        allBut.run(first, last, json);
        withCjk.run(json);
      }
    }
    configure(db, { automerge: 4, crisismerge: 16 });
  },
};

/** The record columns the index held at version 50, each in the index column of the same name. */
const INDEXED = ['shipper', 'consignee', 'notify', 'producer', 'description'];

/** ё folded to е on both sides of the index (unicode61 folds Latin diacritics only). */
const fold = (column: string): string => `replace(replace(${column}, 'ё', 'е'), 'Ё', 'Е')`;

const ftsFromRecords = (from: string, where: string, cjk: string) =>
  `INSERT INTO records_fts (rowid, ${INDEXED.join(', ')}, cjk)
   SELECT r.id, ${INDEXED.map((c) => fold(`r.${c}`)).join(', ')}, ${cjk} FROM ${from} WHERE ${where}`;

/** FTS5 reads a setting's value from the statement's text: it cannot be a bound parameter. */
function configure(db: WriteDb, settings: Record<string, number>): void {
  for (const [name, value] of Object.entries(settings))
    db.exec(`INSERT INTO records_fts (records_fts, rank) VALUES ('${name}', ${Math.trunc(value)})`);
}

const CJK_CHAR = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const HAS_CJK = new RegExp(`[${CJK_CHAR}]`, 'u');
const CJK_RUN = new RegExp(`[${CJK_CHAR}]+`, 'gu');

/** The `cjk` column's text: each CJK run of the texts as overlapping bigrams (保利科技 → 保利 利科 科技); '' without CJK. */
function cjkBigrams(texts: readonly unknown[]): string {
  let out = '';
  for (const t of texts) {
    if (typeof t !== 'string' || !HAS_CJK.test(t)) continue;
    for (const run of t.match(CJK_RUN) ?? []) {
      const chars = Array.from(run);
      const grams = chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
      out += (out ? ' ' : '') + grams.join(' ');
    }
  }
  return out;
}
