/**
 * First step of every name comparison: one canonical Unicode form, one case,
 * one kind of quote and space. Pure string work, no scripts converted yet.
 */

/** Quote marks of every style customs clerks type; all become a space. */
const QUOTES = /["'`´‘’‚‛“”„‟«»‹›〈〉《》「」『』〝〞＂＇]/gu;
/** Apostrophes inside a word (INT'L, Xi'an, Дальтрейд's soft sign in translit) are dropped, not split on. */
const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`´](?=\p{L})/gu;

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_QUOTE = /["'`]/;

/** NFKC, lower case, ё→е, quotes and dashes unified, whitespace collapsed. */
export function normalizeText(raw: string): string {
  // Most names are plain ASCII: one pass over the characters does what the replacements below do.
  if (!NON_ASCII.test(raw)) return ASCII_QUOTE.test(raw) ? normalizeUnicode(raw) : asciiSpaces(raw.toLowerCase());
  return normalizeUnicode(raw);
}

/** Lower-case ASCII text with whitespace runs collapsed and trimmed (\s on ASCII: tab, newline, vertical tab, form feed, return, space). */
function asciiSpaces(s: string): string {
  let out = '';
  let pending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      pending = true;
      continue;
    }
    if (pending && out.length) out += ' ';
    pending = false;
    out += s[i];
  }
  return out;
}

function normalizeUnicode(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(INNER_APOSTROPHE, '')
    .replace(QUOTES, ' ')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\s\u200b\u00a0]+/g, ' ')
    .trim();
}

/** Strips accents from Latin letters (Şti → Sti, Präzision → Prazision). */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

export const HAN = /\p{Script=Han}/u;
export const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The scripts a raw name is written in, for display ("Cyrillic", "Han", "Latin"). */
export function scriptsOf(raw: string): string[] {
  const out: string[] = [];
  if (/\p{Script=Latin}/u.test(raw)) out.push('Latin');
  if (CYRILLIC.test(raw)) out.push('Cyrillic');
  if (HAN.test(raw)) out.push('Han');
  return out;
}
