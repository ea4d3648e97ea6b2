/**
 * Chinese names → pinyin words, so that 保利科技 meets "Baoli Keji" (and,
 * through the gloss, "Poly Technologies"). Traditional characters are first
 * made simplified (中國 → 中国). Words known to the gloss or the city list
 * are cut out by longest match; the characters between them become one
 * pinyin word (华强 → huaqiang), which is how pinyin names are written.
 */
import { CHINESE_CITIES, GLOSS } from './gloss';
import { foldWord } from './tokens';

/** What Chinese names take from two libraries (pinyin-pro, opencc-js). */
export interface ChineseLibraries {
  /** Pinyin of Han text as one word, tones dropped (ü as v): 科技 → keji. */
  pinyin(han: string): string;
  /** Traditional characters made simplified: 中國 → 中国. */
  toSimplified(text: string): string;
}
let loadLibraries: (() => ChineseLibraries) | undefined;
let libraries: ChineseLibraries | undefined;

/**
 * Sets how the libraries are loaded, at each thread's start (the Node side:
 * electron/core/chinese-libraries.ts). They are loaded at the first Han
 * character, not with this module, because pinyin-pro's dictionary costs
 * about 25 MB in every thread that loads it: an import of Latin and
 * Cyrillic rows, or the CLI's main thread, never pays for it.
 */
export function provideChineseLibraries(load: () => ChineseLibraries): void {
  loadLibraries = load;
  libraries = undefined;
}

function chinese(): ChineseLibraries {
  if (libraries) return libraries;
  if (!loadLibraries) throw new Error('Chinese names need provideChineseLibraries() at the thread’s start.');
  return (libraries = loadLibraries());
}

export function simplifyChinese(text: string): string {
  return /\p{Script=Han}/u.test(text) ? chinese().toSimplified(text) : text;
}

const KNOWN = new Set<string>([...CHINESE_CITIES, ...GLOSS.flat().filter((w) => /^\p{Script=Han}+$/u.test(w))]);
const MAX_WORD = Math.max(...[...KNOWN].map((w) => w.length));

const pinyinOf = (han: string): string => chinese().pinyin(han);

/** One Han word (no legal form) → pinyin words. */
export function segmentChinese(han: string): string[] {
  return chineseParts(han).map((p) => foldWord(p.pinyin));
}

/**
 * One Han word (no legal form) cut into the words a pinyin name writes
 * apart, each with its pinyin: 保利科技 → 保利 baoli, 科技 keji.
 */
export function chineseParts(han: string): { han: string; pinyin: string }[] {
  const out: { han: string; pinyin: string }[] = [];
  let pending = '';
  const flush = () => {
    if (pending) out.push({ han: pending, pinyin: pinyinOf(pending) });
    pending = '';
  };
  for (let i = 0; i < han.length;) {
    let len = Math.min(MAX_WORD, han.length - i);
    while (len > 1 && !KNOWN.has(han.slice(i, i + len))) len--;
    const word = han.slice(i, i + len);
    if (len > 1 || KNOWN.has(word)) {
      flush();
      // 市 (city) after a city name says nothing: 深圳市 → shenzhen.
      out.push({ han: word, pinyin: pinyinOf(word.replace(/市$/, '')) });
    } else pending += word;
    i += len;
  }
  flush();
  return out;
}
