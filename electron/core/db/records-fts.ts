/**
 * Text helpers for the records' full-text index. unicode61 splits on
 * spaces and punctuation and folds case and diacritics, which suits Latin
 * and Cyrillic; Chinese, Japanese and Korean have no spaces, so their runs
 * are also indexed as overlapping bigrams (保利科技 → 保利 利科 科技) in the
 * `cjk` column, and a query's CJK run becomes a phrase of its bigrams.
 */
import { RECORD_FIELDS, type RecordField } from '../../../shared/domain/records';

/** The record fields the full-text index holds, each in the column of the same name. */
export const INDEXED_FIELDS = [
  'shipper',
  'consignee',
  'notify',
  'producer',
  'description',
] as const satisfies readonly RecordField[];
/** The party columns among them (a records filter on parties searches these). */
export const PARTY_FIELDS = ['shipper', 'consignee', 'notify', 'producer'] as const satisfies readonly RecordField[];
/** Their indexes in RECORD_FIELDS (a record's values). */
export const INDEXED_SLOTS: readonly number[] = INDEXED_FIELDS.map((f) => RECORD_FIELDS.indexOf(f));

const CJK_CHAR = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const HAS_CJK = new RegExp(`[${CJK_CHAR}]`, 'u');
/** A cheap superset test (CJK blocks by range) before the exact, slower script regexes. */
const MAYBE_CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\ud840-\ud87f]/;
const CJK_RUN = new RegExp(`[${CJK_CHAR}]+`, 'gu');

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Whether a text has a CJK character (a cheap range test first). */
export const mayHaveCjk = (text: string): boolean => MAYBE_CJK.test(text) && HAS_CJK.test(text);

/** The `cjk` column's text for a record's indexed values (values[slot] for each slot; '' when they hold no CJK). */
export function cjkBigrams(values: readonly unknown[], slots: readonly number[]): string {
  let out = '';
  for (const slot of slots) {
    const t = values[slot];
    if (typeof t !== 'string' || !mayHaveCjk(t)) continue;
    for (const run of t.match(CJK_RUN) ?? []) out += (out ? ' ' : '') + bigrams(run).join(' ');
  }
  return out;
}

/**
 * unicode61's diacritic folding covers Latin only; Russian writes ё as е
 * half the time, so both sides of the index see е.
 */
export const foldForIndex = (text: string): string =>
  text.includes('ё') || text.includes('Ё') ? text.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : text;

/** foldForIndex in SQL, for text the index takes straight from a column. */
export const foldForIndexSql = (column: string): string => `replace(replace(${column}, 'ё', 'е'), 'Ё', 'Е')`;

/** A term or phrase quoted for an FTS5 query (never a syntax error, whatever the text). */
export const ftsQuote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The `cjk` column's match for one CJK run of a query: the phrase of its
 * bigrams (a substring match), or, for a single character, the bigrams it
 * starts.
 */
export function cjkPhrase(run: string): string {
  const grams = bigrams(run);
  return grams.length === 1 && Array.from(run).length === 1
    ? `cjk : ${ftsQuote(run)}*`
    : `cjk : ${ftsQuote(grams.join(' '))}`;
}
