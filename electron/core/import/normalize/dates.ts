import type { DateOrder } from '../../../../shared/domain/records';

export interface DateResult {
  /** ISO yyyy-mm-dd, or null when the text is not a date that can be trusted. */
  value: string | null;
  flag: 'bad_date' | 'ambiguous_date' | null;
}

const EMPTY: DateResult = { value: null, flag: null };
const BAD: DateResult = { value: null, flag: 'bad_date' };
const AMBIGUOUS: DateResult = { value: null, flag: 'ambiguous_date' };
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/**
 * Reads a date per the file's order. `auto` (the default) trusts ISO,
 * yyyymmdd and day-first dotted dates (dd.mm.yyyy: nobody writes
 * mm.dd.yyyy); a slashed a/b/yyyy is settled only when one part is over 12,
 * else it is flagged ambiguous and kept raw. An explicit `dmy`/`mdy` is the
 * investigator's word for the whole file. Excel serials (days since
 * 1899-12-30, in the 1954–2119 range) are read too.
 */
export function parseDate(text: string, order: DateOrder): DateResult {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    // yyyy-mm-dd, as most files write it: checked without a regular expression, and kept as the same string.
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 7);
    const d = digits(text, 8, 10);
    if (y >= 0 && mo >= 0 && d >= 0) return inRange(y, mo, d) ? { value: text, flag: null } : BAD;
  }
  const s = text.trim();
  if (s === '') return EMPTY;
  let m = ISO.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = DAY_FIRST.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = +m[4]!;
    if (order === 'dmy') return valid(y, b, a);
    if (order === 'mdy') return valid(y, a, b);
    if (m[2] !== '/') return valid(y, b, a);
    if (a > 12 && b <= 12) return valid(y, b, a);
    if (b > 12 && a <= 12) return valid(y, a, b);
    if (a === b) return valid(y, a, b);
    if (a <= 12 && b <= 12) return AMBIGUOUS;
    return BAD;
  }
  m = COMPACT.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  if (SERIAL.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial >= 20000 && serial <= 80000) {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      return { value: d.toISOString().slice(0, 10), flag: null };
    }
  }
  return BAD;
}

function valid(y: number, mo: number, d: number): DateResult {
  if (!inRange(y, mo, d)) return BAD;
  return { value: `${y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`, flag: null };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function inRange(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

/** The number written by text[from, to) if it is all ASCII digits, else -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
