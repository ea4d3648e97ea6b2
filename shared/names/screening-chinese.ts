/**
 * Screening's reading of Chinese names. In a short Chinese name another
 * character is another company (华宝利 / 华宝义 Keji), however close the
 * pinyin: the resolver reads huabaoli~huabaoyi as a typo, and 山泰信 /
 * 山泰鑫 (both shantaixin) as one name. Screening wants recall, but
 * thousands of such near-namesakes in review hide the hits that matter.
 */
import type { AnalyzedName } from './analyze';
import { stripHanLegal } from './legal-forms';
import { HAN } from './normalize';
import { pinyinSyllables } from './pinyin-words';
import { asciiLetters, foldWord, splitWords } from './tokens';

export interface ChineseReading {
  /**
   * Folded surfaces of the name's Chinese words: its tokens made of Han
   * characters, and, in a name written as Chinese companies write theirs
   * (Co., Ltd.), Latin words of three pinyin syllables or more (Huabaoli).
   * Latin words read as pinyin by chance (Kuba, Taliban, Dubai) elsewhere.
   */
  words: Set<string>;
  /** Its Han characters without legal forms ('' when it has none): 华宝利科技. */
  han: string;
}

/** The Chinese words and characters of an analyzed name (from its text: no pinyin is computed again). */
export function readChinese(name: AnalyzedName): ChineseReading {
  const words = new Set<string>();
  const latin = new Set<string>();
  let han = '';
  for (const w of splitWords(name.text)) {
    if (HAN.test(w)) {
      han += stripHanLegal(w).rest;
      continue;
    }
    latin.add(foldWord(w));
    if (name.legalStyle !== 'co') continue;
    const letters = asciiLetters(w.toLowerCase());
    if (pinyinSyllables(letters) >= 3) words.add(foldWord(letters));
  }
  // The tokens a Han word became (its pinyin) are those no Latin word of the name explains.
  if (han) for (const t of name.tokens) if (!t.numeric && !latin.has(t.surface)) words.add(t.surface);
  return { words, han };
}

/** What the pair scorer said of two names, as much as the Chinese rules read. */
export interface AlignedWords {
  matched: string[];
  onlyA: string[];
  onlyB: string[];
}

/**
 * The Chinese words two names disagree on, as "a~b": pinyin words matched
 * as a typo of one another (huabaoli~huabaoyi), a Chinese word left over on
 * each side (江 / 昌: jiang~chang), or Han names of one length one
 * character apart (山泰信 / 山泰鑫, which sound alike). Words of place or
 * kind (`generic`) are not names. None when the names are the same letters
 * cut into words otherwise (华宝利: hua baoli / Huabaoli).
 */
export function chineseDisagreements(
  a: { name: AnalyzedName; chinese: ChineseReading; generic: Set<string> },
  b: { name: AnalyzedName; chinese: ChineseReading; generic: Set<string> },
  pair: AlignedWords,
): string[] {
  const out = pair.matched.filter((m) => {
    const [sa, sb] = m.split('~');
    if (sb === undefined || a.generic.has(sa!) || b.generic.has(sb)) return false;
    return a.chinese.words.has(sa!) && b.chinese.words.has(sb);
  });
  const leftA = pair.onlyA.filter((w) => a.chinese.words.has(w));
  const leftB = pair.onlyB.filter((w) => b.chinese.words.has(w));
  if (leftA.length && leftB.length) out.push(`${leftA.join(' ')}~${leftB.join(' ')}`);
  if (out.length && a.name.compacts.some((c) => b.name.compacts.includes(c))) return [];
  if (!out.length && oneCharacterApart(a.chinese.han, b.chinese.han)) out.push(`${a.chinese.han}~${b.chinese.han}`);
  return out;
}

/** Two Han names of one length that differ in exactly one character. */
export function oneCharacterApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length < 2 || x.length !== y.length) return false;
  let differ = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && ++differ > 1) return false;
  return differ === 1;
}
