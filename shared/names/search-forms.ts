/**
 * The spellings a search word has in the other scripts of trade data. The
 * full-text indexes hold words as they were written (Улан, Ulan, 保利科技…);
 * a query is run in every spelling of each of its words instead:
 *
 * - every indexed word outside plain ASCII is listed under its Latin
 *   skeleton (searchKeys), so a Latin or Cyrillic query word finds the
 *   Cyrillic and Han words with the same skeleton (Ulan → Улан,
 *   Mi-171E → МИ-171Е, Baoli → 保利科技);
 * - a Cyrillic word is also spelled in the Latin schemes customs clerks use
 *   (Удэнский → Udenskiy, Udenskij, Udenskii, Udensky);
 * - a Han word is also spelled in pinyin, part by part (保利科技 → Baoli Keji);
 * - for names, a word that is ordinary company vocabulary also stands for
 *   its translations (Текнолоджиз, 科技 → Technologies), from the gloss.
 */
import type { AnalyzedName } from './analyze';
import { chineseParts, simplifyChinese } from './chinese';
import { toNameTokens } from './concepts';
import { GLOSS } from './gloss';
import { findLegalForms, stripHanLegal } from './legal-forms';
import { HAN } from './normalize';
import { asciiLetters, foldWord } from './tokens';
import { cyrillicToLatin, foldLatin } from './transliterate';

/** Bumped whenever searchKeys changes: a case's list of words by skeleton is then built again. */
export const SEARCH_KEYS_VERSION = '1';

/**
 * The Latin skeleton of a lower-case non-Han word (the phonetic fold names
 * are compared with, digits kept as written): Улан, Ulan → ulan;
 * Удэнский, Udensky, Udenskij → udenski; 171Е → 171e.
 */
export function searchSkeleton(word: string): string {
  return asciiLetters(word.toLowerCase()).replace(/[a-z]+/g, (letters) => foldLatin(letters));
}

/** How many of a Han word's parts start a key: 保利科技有限公司 is found by baoli…, keji…, youxian…. */
const HAN_KEYS = 4;

/**
 * The skeletons an indexed word is listed under: one for an alphabetic word;
 * for a Han run, the pinyin of its parts joined from each of the first
 * parts on (the index holds a whole run as one word, but a pinyin name
 * writes its parts apart).
 */
export function searchKeys(term: string): string[] {
  if (!HAN.test(term)) {
    const key = searchSkeleton(term);
    return key ? [key] : [];
  }
  const parts: string[] = [];
  for (const run of term.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
    if (HAN.test(run)) for (const p of chineseParts(simplifyChinese(run))) parts.push(searchSkeleton(p.pinyin));
    else parts.push(searchSkeleton(run));
  }
  const keys = new Set<string>();
  for (let i = 0; i < parts.length && i < HAN_KEYS; i++) keys.add(parts.slice(i).join(''));
  keys.delete('');
  return [...keys];
}

/** One word of a query and its spellings. */
export interface QueryWord {
  /** As the index holds it: lower case, ё as е. */
  text: string;
  /** Chinese, Japanese or Korean: the index holds these as bigrams too (records-fts.ts). */
  cjk: boolean;
  /** Han: the word's parts with their pinyin, a legal form (有限公司) set aside; otherwise empty. */
  hanParts: { han: string; pinyin: string }[];
  /** searchSkeleton of an alphabetic word ('' for CJK). */
  skeleton: string;
  /** A Cyrillic word's Latin spellings, whole (Udenskiy, Udenskij, Udenskii, Udensky). */
  latin: string[];
  /** The same cut before a Russian ending, to be matched as prefixes (udensk…, any ending). */
  latinStems: string[];
}

const CJK_CHAR = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK = new RegExp(`[${CJK_CHAR}]`, 'u');
/** CJK runs, and runs of letters and digits in other scripts (what unicode61 keeps together). */
const QUERY_WORD = new RegExp(`[${CJK_CHAR}]+|(?:(?![${CJK_CHAR}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

/** The words of a query with their spellings. */
export function queryWords(text: string): QueryWord[] {
  return (text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').match(QUERY_WORD) ?? []).map(queryWord);
}

/**
 * The words of a query that can name a company: its legal forms (ООО, JSC,
 * Co., Ltd.; 有限公司 inside a Han word) set aside, unless nothing else is left.
 */
export function nameWords(text: string): QueryWord[] {
  const words = queryWords(text);
  const { start, end } = findLegalForms(
    words.map((w) => (w.cjk ? '\u0000' : foldWord(w.text))),
    false,
  );
  return start < end ? words.slice(start, end) : words;
}

function queryWord(text: string): QueryWord {
  if (CJK.test(text)) {
    const han = HAN.test(text) ? stripHanLegal(simplifyChinese(text)).rest : '';
    return { text, cjk: true, hanParts: han ? chineseParts(han) : [], skeleton: '', latin: [], latinStems: [] };
  }
  const cyrillic = /\p{Script=Cyrillic}/u.test(text);
  return {
    text,
    cjk: false,
    hanParts: [],
    skeleton: searchSkeleton(text),
    latin: cyrillic ? latinSpellings(text) : [],
    latinStems: cyrillic ? latinSpellings(text.replace(RUSSIAN_ENDING, '')) : [],
  };
}

/**
 * Letters the schemes write differently from the transliteration names are
 * compared with (transliterate.ts, close to BGN/PCGN: й y, х kh, ц ts, ю yu):
 * GOST-style as clerks type it (Udenskij, aviacionnyj), and passports (ICAO: Udenskii).
 */
const SCHEMES: Record<string, string>[] = [
  {},
  { й: 'j', х: 'h', ц: 'c', щ: 'sch', ю: 'ju', я: 'ja' },
  { й: 'i', ю: 'iu', я: 'ia' },
];

/** Adjective endings, which the Latin spellings render in more ways than the stem (-ий: -iy, -ij, -ii, -y). */
const RUSSIAN_ENDING =
  /(?<=[\p{Script=Cyrillic}]{4})(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ых|их|ым|им|ую|юю)$/u;

/** A lower-case Cyrillic word in each Latin scheme; also with -ий/-ый as -y, as English text writes it (Udensky). */
function latinSpellings(word: string): string[] {
  const out = new Set<string>();
  for (const scheme of SCHEMES) {
    let s = '';
    for (const ch of word) s += scheme[ch] ?? cyrillicToLatin(ch);
    out.add(s);
  }
  for (const s of [...out]) if (/(?:iy|yy|ij|yj|ii|yi)$/.test(s)) out.add(s.slice(0, -2) + 'y');
  out.delete('');
  return [...out];
}

/** What a concept of the gloss is written as: whole words (or phrases), and word starts. */
export interface ConceptSpellings {
  whole: string[];
  prefixes: string[];
}

const SPELLINGS = new Map<string, ConceptSpellings>();
for (const [concept, ...spellings] of GLOSS) {
  const s: ConceptSpellings = { whole: [], prefixes: [] };
  for (const w of spellings) (w.endsWith('*') ? s.prefixes : s.whole).push(w.replace(/\*$/, '').toLowerCase());
  SPELLINGS.set(`#${concept}`, s);
}

/**
 * The spellings of the gloss concept a query word is, in every language
 * (Текнолоджиз → Technologies, Keji, 科技, технологи…), or null when the word
 * is not ordinary company vocabulary (a proper name is only transliterated).
 */
export function conceptSpellings(word: string): ConceptSpellings | null {
  const tokens = toNameTokens([foldWord(word)]);
  if (tokens.length !== 1 || !tokens[0]!.concept) return null;
  return SPELLINGS.get(tokens[0]!.key) ?? null;
}

/**
 * Whether a query names the company a name is of, rather than sharing a
 * word with it: it has at least half of the name's distinctive words
 * (legal forms, a trailing place and weak words like Plant aside), in any
 * script or translation. "Ulan Ude Aviation Plant", "Poly", "保利" name
 * Poly Technologies and the Ulan-Ude aviation plant; "Ulan" names neither,
 * nor a company written "…, Ulan-Ude".
 */
export function namesCompany(query: AnalyzedName, name: AnalyzedName): boolean {
  const asked = new Set(query.tokens.map((t) => t.key));
  const distinctive = new Set(name.tokens.filter((t) => !t.weak).map((t) => t.key));
  let covered = 0;
  for (const key of distinctive) if (asked.has(key)) covered++;
  return covered > 0 && covered * 2 >= distinctive.size;
}
