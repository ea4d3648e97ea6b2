/**
 * What a person types → an FTS5 query (never a syntax error) that runs each
 * word in all its spellings (shared/names/search-forms.ts): every word must
 * match, in any one of them. Used for the records index and for the index
 * of entity names, which share a layout (words as written, CJK bigrams in
 * a `cjk` column).
 */
import { conceptSpellings, queryWords, type QueryWord } from '../../../shared/names/search-forms';
import { cjkPhrase, ftsQuote } from '../db/records-fts';
import { wordsBySkeleton } from '../db/search-words';
import type { ReadDb } from '../db/types';

/**
 * How far a word reaches: `exact`, whole words (Улан finds улан, ulan);
 * `prefix`, words starting with it (also уланский, ulanov), what a list and
 * its count use.
 */
export type Reach = 'exact' | 'prefix';

export interface MatchOptions {
  reach: Reach;
  /** Only these index columns (the records' parties); every column by default. */
  columns?: readonly string[];
  /** For names: a word of ordinary company vocabulary also matches its translations (Technologies ↔ Технологии ↔ 科技). */
  concepts?: boolean;
  /** Each word only as written, in no other spelling (what a search lists first). */
  asWritten?: boolean;
}

/**
 * Words of other scripts one query word may stand for, at most. A word of
 * three letters or more finds those whose skeleton starts with its own; a
 * shorter one only those with the same skeleton (mi → ми, not микросхемы).
 */
const MAX_SPELLINGS = 100;
const MIN_PREFIX_SKELETON = 3;

/** The FTS5 query for `text` or for its words already split (`words`), or null when there is no word to look for. */
export function ftsMatch(db: ReadDb, text: string | QueryWord[], options: MatchOptions): string | null {
  const words = typeof text === 'string' ? queryWords(text) : text;
  if (words.length === 0) return null;
  const all = words.map((w) => anyOf(wordAlternatives(db, w, options))).join(' AND ');
  // The cjk column holds the bigrams of every column: a scope keeps it, or CJK words would match nothing.
  return options.columns ? `{${[...options.columns, 'cjk'].join(' ')}} : (${all})` : all;
}

const anyOf = (alternatives: Iterable<string>): string => `(${[...alternatives].join(' OR ')})`;

function wordAlternatives(db: ReadDb, w: QueryWord, options: MatchOptions): Set<string> {
  const prefix = options.reach === 'prefix';
  if (options.asWritten) return new Set([w.cjk ? cjkPhrase(w.text) : term(w.text, prefix)]);
  if (w.cjk) {
    const out = new Set([cjkPhrase(w.text)]);
    // Han also in pinyin, part by part (保利科技 → baoli AND keji), each part also in translation for names.
    if (w.hanParts.length) {
      const parts = w.hanParts.map((p) => {
        const alternatives = new Set([term(p.pinyin, prefix)]);
        if (options.concepts) for (const c of conceptAlternatives(db, p.pinyin)) alternatives.add(c);
        return anyOf(alternatives);
      });
      out.add(`(${parts.join(' AND ')})`);
    }
    return out;
  }
  const out = spellings(db, w, prefix);
  if (options.concepts) for (const c of conceptAlternatives(db, w.text)) out.add(c);
  return out;
}

/** An alphabetic word as written, the indexed words of other scripts with its skeleton, and its Latin spellings. */
function spellings(db: ReadDb, w: QueryWord, prefix: boolean): Set<string> {
  const out = new Set([term(w.text, prefix)]);
  for (const word of wordsBySkeleton(
    db,
    w.skeleton,
    prefix && w.skeleton.length >= MIN_PREFIX_SKELETON,
    MAX_SPELLINGS,
  )) {
    // Words the query's own prefix term finds already would only make FTS5 read their postings twice.
    if (!(prefix && word.startsWith(w.text))) out.add(ftsQuote(word));
  }
  for (const latin of prefix ? w.latinStems : w.latin) out.add(term(latin, prefix));
  return out;
}

/** The spellings of the concept a word is, each in its own spellings (technologi… also as tekhnologi…). */
function conceptAlternatives(db: ReadDb, word: string): string[] {
  const concept = conceptSpellings(word);
  if (!concept) return [];
  const out: string[] = [];
  for (const [list, prefix] of [
    [concept.whole, false],
    [concept.prefixes, true],
  ] as const) {
    for (const spelling of list) {
      const words = queryWords(spelling);
      if (words.length === 1 && !words[0]!.cjk) out.push(...spellings(db, words[0]!, prefix));
      else if (words.length === 1) out.push(cjkPhrase(words[0]!.text));
      else if (words.length > 1) out.push(ftsQuote(words.map((x) => x.text).join(' '))); // a phrase: "import export"
    }
  }
  return out;
}

const term = (text: string, prefix: boolean): string => `${ftsQuote(text)}${prefix ? '*' : ''}`;
