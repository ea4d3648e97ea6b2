/**
 * search_words: the records index's words outside plain ASCII (Cyrillic,
 * Han runs, mixed like 171е), each under the Latin skeletons it is found
 * by (shared/names/search-forms.ts). It is derived from the index and
 * stamped with the version of the keys it was built with; ASCII words need
 * no entry, a query holds their spelling itself.
 */
import { getMeta, setMeta } from './case-meta';
import type { ReadDb, WriteDb } from './types';

const VERSION_KEY = 'search_words_version';

/** Skeletons are [a-z0-9]: every key starting with a prefix sorts below prefix + '~'. */
const AFTER_KEYS = '~';

/**
 * The indexed words listed under `skeleton` (or, with `prefix`, under any
 * skeleton starting with it), at most `limit`, shortest skeletons first.
 */
export function wordsBySkeleton(db: ReadDb, skeleton: string, prefix: boolean, limit: number): string[] {
  if (!skeleton) return [];
  if (!prefix)
    return db
      .prepare('SELECT word FROM search_words WHERE skeleton = ? LIMIT ?')
      .pluck()
      .all(skeleton, limit) as string[];
  return db
    .prepare(
      'SELECT DISTINCT word FROM search_words WHERE skeleton >= ? AND skeleton < ? ORDER BY length(skeleton), skeleton LIMIT ?',
    )
    .pluck()
    .all(skeleton, skeleton + AFTER_KEYS, limit) as string[];
}

/** Whether the words were listed with keys of this version (a case from before, or older keys, has none). */
export function searchWordsCurrent(db: ReadDb, version: string): boolean {
  return getMeta(db, VERSION_KEY) === version;
}

/**
 * Lists the index's words that are not listed yet (all of them when the
 * list is of another version), each under `keysOf(word)`. FTS5 tells its
 * words only through fts5vocab, which reads each word's postings: the scan
 * is limited to the ranges where words outside ASCII sort (from U+0080 on,
 * and words starting with a digit, like 171е), about half a second at a
 * million records, spent at the end of each import.
 */
export function refreshSearchWords(db: WriteDb, keysOf: (word: string) => string[], version: string): number {
  const current = searchWordsCurrent(db, version);
  if (!current) db.prepare('DELETE FROM search_words').run();
  const known = new Set(
    current ? (db.prepare('SELECT DISTINCT word FROM search_words').pluck().all() as string[]) : [],
  );
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_vocab USING fts5vocab(main, 'records_fts', 'row')");
  // Two ranges, two statements: fts5vocab narrows a scan by a range on its term, not by an OR of ranges.
  const range = db.prepare('SELECT term FROM temp.records_vocab WHERE term >= ? AND term < ?').pluck();
  const terms = [...(range.all('0', ':') as string[]), ...(range.all('\u0080', '\u{10ffff}') as string[])];
  const insert = db.prepare('INSERT OR IGNORE INTO search_words (skeleton, word) VALUES (?, ?)');
  let added = 0;
  for (const term of terms) {
    if (known.has(term) || !/[^\x00-\x7f]/.test(term)) continue;
    for (const key of keysOf(term)) insert.run(key, term);
    added++;
  }
  setMeta(db, VERSION_KEY, version);
  return added;
}
