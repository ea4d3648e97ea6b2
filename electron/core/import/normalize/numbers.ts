import { isCanonicalNumber } from './raw-row';
export interface NumberResult {
  value: number | null;
  flag: 'bad_number' | 'negative_number' | null;
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;
const EMPTY: NumberResult = { value: null, flag: null };
const BAD: NumberResult = { value: null, flag: 'bad_number' };

/**
 * Reads an amount written the many ways customs data writes them:
 * `1234.5`, `1 234,5`, `1,234.50`, `1.234,50`, `(12)` or `−12` for negatives.
 * With `auto`, when both marks appear the last one is the decimal point;
 * a single mark alone is a decimal point; a repeated one groups thousands
 * (groups of three). Anything else (`N/A`, `1O5.2`,
 * `12,345.67.8`) is not a number: flagged, value null, raw kept.
 */
export function parseNumber(text: string, decimal: 'auto' | '.' | ','): NumberResult {
  if (isCanonicalNumber(text) || PLAIN.test(text)) return sign(Number(text));
  let s = text.trim();
  if (s === '') return EMPTY;
  if (PLAIN.test(s)) return sign(Number(s));
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(/[\s\u00a0\u202f\u2009']/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return BAD;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let dec: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) dec = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const count = s.split(mark).length - 1;
    // One mark alone is a decimal point (`12,5`, `1.234` read as 1.234); repeated, it groups thousands.
    if (decimal !== 'auto') dec = decimal === mark ? mark : null;
    else dec = count === 1 ? mark : null;
  }
  let intPart = s;
  let frac = '';
  if (dec) {
    const at = s.lastIndexOf(dec);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (!/^\d*$/.test(frac)) return BAD;
  }
  const thousands = dec === '.' ? ',' : dec === ',' ? '.' : intPart.includes(',') ? ',' : '.';
  if (intPart.includes(dec ?? '\0')) return BAD;
  if (intPart.includes(thousands)) {
    if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(intPart)) return BAD;
    intPart = intPart.split(thousands).join('');
  }
  if (!/^\d*$/.test(intPart) || (intPart === '' && frac === '')) return BAD;
  const n = Number(`${intPart || '0'}.${frac || '0'}`);
  return sign(negative ? -n : n);
}

function sign(n: number): NumberResult {
  if (!Number.isFinite(n)) return BAD;
  return { value: n, flag: n < 0 ? 'negative_number' : null };
}
