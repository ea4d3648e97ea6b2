import * as anyAsciiModule from 'any-ascii';
import { CYRILLIC, HAN, stripDiacritics } from './normalize';
import { cyrillicToLatin, foldLatin } from './transliterate';

/**
 * Splits normalized text into words: letters and digits, with hyphens, dots,
 * commas and the like as separators (ODK-Saturn → odk, saturn; Co.,Ltd. →
 * co, ltd). A run of Han characters stays one word; chinese.ts segments it.
 */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!part) continue;
    // Han next to Latin/digits without a space (8AT保利) is split at the script change.
    if (HAN.test(part) && /[^\p{Script=Han}]/u.test(part)) {
      for (const m of part.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) out.push(m[0]);
    } else out.push(part);
  }
  return out;
}

const ASCII_WORD = /^[a-z0-9]*$/;

// any-ascii ships CommonJS with an __esModule default; bundlers and Node's ESM loader unwrap it differently.
type AnyAscii = (s: string) => string;
const anyAsciiNs = anyAsciiModule as unknown as { default?: AnyAscii | { default?: AnyAscii } };
const anyAscii: AnyAscii =
  typeof anyAsciiNs.default === 'function' ? anyAsciiNs.default : (anyAsciiNs.default?.default ?? ((s: string) => s));

// Company names repeat their words: a case of 400k names has some 50k distinct words.
const folded = new Map<string, string>();

/** Any non-Han word → its folded Latin skeleton (Cyrillic transliterated, accents dropped, other scripts via any-ascii). */
export function foldWord(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    if (folded.size >= 200_000) folded.clear();
    folded.set(word, (f = foldWordUncached(word)));
  }
  return f;
}

function foldWordUncached(word: string): string {
  const s = asciiLetters(word);
  return /^[0-9]+$/.test(s) ? s : foldLatin(s);
}

/** A lower-case non-Han word in plain Latin letters and digits: Cyrillic transliterated, accents dropped, other scripts via any-ascii. */
export function asciiLetters(word: string): string {
  let s = word;
  if (ASCII_WORD.test(s)) return s;
  if (CYRILLIC.test(s)) s = cyrillicToLatin(s);
  s = stripDiacritics(s);
  if (/[^a-z0-9]/.test(s))
    s = anyAscii(s)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return s;
}
