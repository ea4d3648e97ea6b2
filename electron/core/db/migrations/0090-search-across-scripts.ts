import type { Migration } from './types';

/**
 * What search across scripts and entities reads:
 * - search_words, the records index's words outside ASCII by Latin
 *   skeleton (db/search-words.ts). Derived: it is built by live code when
 *   its version stamp is missing, so it starts empty here;
 * - entity_names_fts, a full-text index of every name an entity is written
 *   under (rowid = entity_names' rowid), CJK runs as bigrams like the
 *   records index; filled here from the names a resolve already wrote;
 * - an index on records' HS codes, so that a code or a prefix (8807,
 *   880730) is a range of the index rather than a read of every record.
 *
 * A migration is history: the bigrams it writes are computed by a copy of
 * the code as it stood at version 90 (db/records-fts.ts cjkBigrams).
 */
export const m0090: Migration = {
  version: 90,
  name: 'search-across-scripts',
  sql: `
CREATE TABLE search_words (
  skeleton TEXT NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (skeleton, word)
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE entity_names_fts USING fts5(
  name, cjk,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);

CREATE INDEX records_hs_code ON records(hs_code);
`,
  run(db) {
    const insert = db.prepare('INSERT INTO entity_names_fts (rowid, name, cjk) VALUES (?, ?, ?)');
    for (const [rowid, name] of db.prepare('SELECT rowid, name FROM entity_names').raw().all() as [number, string][]) {
      insert.run(rowid, name.replace(/ё/g, 'е').replace(/Ё/g, 'Е'), cjkBigrams(name) || null);
    }
  },
};

const CJK_CHAR = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_RUN = new RegExp(`[${CJK_CHAR}]+`, 'gu');

/** Each CJK run of the text as overlapping bigrams (保利科技 → 保利 利科 科技); '' without CJK. */
function cjkBigrams(text: string): string {
  const out: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = Array.from(run);
    out.push(...(chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c)));
  }
  return out.join(' ');
}
