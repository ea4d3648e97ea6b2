export interface HsResult {
  /** Digits only, leading zeros kept; null when the text holds no usable code. */
  value: string | null;
  flag: 'hs_format' | null;
}

const CLEAN = /^\d{2,14}$/;

/**
 * HS / TN VED / China tariff codes as digit strings: `8807.30.00` →
 * `88073000`. Codes always have an even number of digits, so an odd count
 * means a spreadsheet ate the leading zero (`303890000` → `0303890000`).
 * Anything but plain digits is flagged so the investigator can check it.
 */
export function normalizeHs(text: string): HsResult {
  if (CLEAN.test(text) && (text.length & 1) === 0) return { value: text, flag: null };
  const s = text.trim();
  if (s === '') return { value: null, flag: null };
  const digits = s.replace(/[\s.\-_/]/g, '');
  if (!/^\d{1,14}$/.test(digits)) return { value: null, flag: 'hs_format' };
  const value = digits.length & 1 ? `0${digits}` : digits;
  return { value, flag: value === s ? null : 'hs_format' };
}

/** The international HS 6 prefix of a national code. */
export const hs6Of = (code: string | null): string | null => (code && code.length >= 6 ? code.slice(0, 6) : null);
