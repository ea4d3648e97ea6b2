/**
 * Text helpers for the records' full-text index. unicode61 splits on
 * spaces and punctuation and folds case and diacritics, which suits Latin
 * and Cyrillic; Chinese, Japanese and Korean have no spaces, so their runs
 * are also indexed as overlapping bigrams (保利科技 → 保利 利科 科技) in the
 * `cjk` column, and a query's CJK run becomes a phrase of its bigrams.
 */
import { RECORD_FIELDS, type RecordField } from '../../../shared/domain/records';

/** The record fields the full-text index holds, each in the column of the same name. */
export const INDEXED_FIELDS = ['shipper', 'consignee', 'notify', 'producer', 'description'] as const satisfies readonly RecordField[];
/** Their indexes in RECORD_FIELDS (a record's values). */
export const INDEXED_SLOTS: readonly number[] = INDEXED_FIELDS.map((f) => RECORD_FIELDS.indexOf(f));

const CJK_CHAR = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const HAS_CJK = new RegExp(`[${CJK_CHAR}]`, 'u');
/** A cheap superset test (CJK blocks by range) before the exact, slower script regexes. */
const MAYBE_CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\ud840-\ud87f]/;
const CJK_RUN = new RegExp(`[${CJK_CHAR}]+`, 'gu');
const QUERY_TERM = new RegExp(`[${CJK_CHAR}]+|(?:(?![${CJK_CHAR}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The `cjk` column's text for a record's indexed values (values[slot] for each slot; '' when they hold no CJK). */
export function cjkBigrams(values: readonly unknown[], slots: readonly number[]): string {
  let out = '';
  for (const slot of slots) {
    const t = values[slot];
    if (typeof t !== 'string' || !MAYBE_CJK.test(t) || !HAS_CJK.test(t)) continue;
    for (const run of t.match(CJK_RUN) ?? []) out += (out ? ' ' : '') + bigrams(run).join(' ');
  }
  return out;
}

/**
 * unicode61's diacritic folding covers Latin only; Russian writes ё as е
 * half the time, so both sides of the index see е.
 */
export const foldForIndex = (text: string): string => (text.includes('ё') || text.includes('Ё') ? text.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : text);

/** foldForIndex in SQL, for text the index takes straight from a column. */
export const foldForIndexSql = (column: string): string => `replace(replace(${column}, 'ё', 'е'), 'Ё', 'Е')`;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Turns what a person types into an FTS5 query (never a syntax error): every
 * word must match, as a prefix (or, with `prefix` false, as a whole word), in
 * any indexed column (or only in `columns`);
 * CJK runs match as bigram phrases in the cjk column.
 */
export function ftsQuery(text: string, columns?: string[], prefix = true): string | null {
  const terms = foldForIndex(text).match(QUERY_TERM) ?? [];
  if (terms.length === 0) return null;
  const scope = columns ? `{${columns.join(' ')}} : ` : '';
  return terms
    .map((t) => {
      if (HAS_CJK.test(t)) {
        const grams = bigrams(t);
        return grams.length === 1 && Array.from(t).length === 1 ? `cjk : ${quote(t)}*` : `cjk : ${quote(grams.join(' '))}`;
      }
      return `${scope}${quote(t)}${prefix ? '*' : ''}`;
    })
    .join(' AND ');
}
