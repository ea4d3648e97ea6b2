/**
 * One party name → what the scorer compares: comparison tokens (scripts
 * met, legal forms set aside), the legal forms found, a trailing branch or
 * city note, acronyms, and a key equal for names that cannot be told apart.
 */
import { simplifyChinese, segmentChinese } from './chinese';
import { toNameTokens, type NameToken } from './concepts';
import { findLegalForms, legalFamily, stripHanLegal, type LegalForm } from './legal-forms';
import { HAN, normalizeText, scriptsOf } from './normalize';
import { foldWord, splitWords } from './tokens';
import { CITY_FOLDED, splitLocation } from './locations';

export { splitLocation };

export interface AnalyzedName {
  raw: string;
  /** Normalized text without the trailing branch/city note. */
  text: string;
  tokens: NameToken[];
  legal: LegalForm[];
  /** JSC / LLC or ''. */
  family: string;
  /**
   * A legal form only one jurisdiction uses (Pvt. Ltd. in India, FZE in the
   * Emirates, GmbH, Ltd. Şti.…), or ''. Two different ones mean two companies.
   */
  jurisdiction: string;
  /**
   * How a Chinese-style limited company writes its form: 'co' (Co., Ltd.), 'plain' (Limited, Ltd. alone) or ''.
   * Mainland companies write the first, Hong Kong ones the second, and a mainland company and its Hong
   * Kong namesake are two companies (Galaxy Technology Co., Ltd. / Galaxy Technology Limited).
   */
  legalStyle: string;
  /** "Beijing Branch", "г. Москва": removed from the end, kept for display. */
  location: string;
  /** Initials of the core words, e.g. uuaz for Ulan-Udenskiy aviatsionnyy zavod. */
  acronyms: string[];
  /** The name looks cut by a customs system (35–40 characters, no closing). */
  maybeTruncated: boolean;
  scripts: string[];
  /**
   * The core words run together, with 0..all trailing legal words: catches a
   * moved space (UNITED ENGIN ECORPORATION = United Engine Corporation).
   */
  compacts: string[];
  /** Equal for names the scorer cannot tell apart (same tokens in any order, same legal family). */
  key: string;
}

/** Legal forms particular to one jurisdiction, on folded words. */
const JURISDICTION_FORMS: [RegExp, string][] = [
  [/\b(?:pvt|private limited|p ltd)\b/, 'IN'],
  [/\b(?:fze|fzco|fz lc)\b/, 'AE'],
  [/\bpte\b/, 'SG'],
  [/\b(?:gmbh|gesellschaft)\b/, 'DE'],
  [/\b(?:srl|s r l)\b/, 'IT'],
  [/\b(?:sti|sirketi|a s)\b/, 'TR'],
  [/\b(?:o|ooo|oao|pao|zao)\b/, 'RU'],
  [/\b(?:to|tovarishestvo)\b/, 'KZ'], // ТОО folds to "to"
  [/\biouxian\b/, 'CN'],
];
function jurisdictionOf(legalWords: string): string {
  for (const [re, j] of JURISDICTION_FORMS) if (re.test(legalWords)) return j;
  return '';
}

function legalStyleOf(legalWords: string): string {
  if (/\bco\b/.test(legalWords) && /\bltd\b/.test(legalWords)) return 'co';
  if (
    /\b(?:limited|ltd)\b/.test(legalWords) &&
    !/\b(?:co|compani|company|pvt|private|pte|sti|sirketi|p)\b/.test(legalWords)
  )
    return 'plain';
  return '';
}

function acronymsOf(words: string[]): string[] {
  const letters = words.filter((w) => /^\p{L}/u.test(w));
  if (letters.length < 2) return [];
  const initials = letters.map((w) => w[0]).join('');
  // Short words kept whole: ODK-Permskie motory → odkpm.
  const mixed = letters.map((w) => (w.length <= 3 ? w : w[0])).join('');
  return [...new Set([initials, mixed])].filter((a) => a.length >= 3);
}

/**
 * What of a raw name the analysis depends on: its normalized text and whether
 * its length and ending look like a customs cut. Raw names with one analysis
 * key (case, quotes and spacing aside) analyze the same, so a caller that sees
 * many spellings analyzes each key once (analyzeKeyed).
 */
export function analysisKey(raw: string): string {
  return (looksCut(raw) ? '1' : '0') + normalizeText(raw);
}

/** Whether a raw name's length and ending look like a customs system's cut (35–36 characters, no closing). */
export function looksCut(raw: string): boolean {
  const trimmed = raw.trim();
  return trimmed.length >= 30 && trimmed.length <= 36 && !/[)»"”）]$/.test(trimmed);
}

/**
 * analyzeName(raw).maybeTruncated without reading the name through (no Chinese segmentation or tokens):
 * cut-looking, with no branch note, and not ending in a whole legal form. For a reader that must decide this
 * for every cut-looking name of a million records before the names are analyzed.
 */
export function isCutShort(raw: string): boolean {
  if (!looksCut(raw)) return false;
  const { text, location } = splitLocation(normalizeText(raw));
  if (location) return false;
  // A Han word is never a Latin legal form: a placeholder holds its place.
  const words = splitWords(text).map((w) => (HAN.test(w) ? '\u0000' : foldWord(w)));
  return findLegalForms(words, false).end >= words.length;
}

export function analyzeName(raw: string): AnalyzedName {
  return analyzeKeyed(raw, analysisKey(raw));
}

/** The analysis of a raw name from its analysisKey (raw is kept for display only). */
export function analyzeKeyed(raw: string, analysisKey: string): AnalyzedName {
  const normalized = simplifyChinese(analysisKey.slice(1));
  const { text, location } = splitLocation(normalized);
  // Customs systems cut names at 35–36 characters; a name that kept its branch note or closing quote was not cut.
  let maybeTruncated = analysisKey[0] === '1' && !location;
  const words: string[] = [];
  const legal: LegalForm[] = [];
  for (const w of splitWords(text)) {
    if (!HAN.test(w)) {
      words.push(foldWord(w));
      continue;
    }
    const { rest, form } = stripHanLegal(w);
    if (form) legal.push(form);
    words.push(...segmentChinese(rest));
  }
  // A name that ends in a whole legal form was not cut; only then is a partial last word read as a cut form.
  let core = findLegalForms(words, false);
  const endsInForm = core.end < words.length;
  if (endsInForm) maybeTruncated = false;
  else if (maybeTruncated) core = findLegalForms(words, true);
  legal.push(...core.forms);
  const coreWords = words.slice(core.start, core.end).filter(Boolean);
  // Acronyms read the name with its trailing form (United Engine Corporation → UEC).
  const acronyms = acronymsOf(words.slice(core.start));
  const tokens = toNameTokens(coreWords);
  // A city closing the name (Poly Technologies Beijing) qualifies it; one opening it (Shenzhen Huaqiang…) is part of it.
  const last = tokens[tokens.length - 1];
  if (last && tokens.length > 1 && CITY_FOLDED.has(last.surface)) last.weak = true;
  const family = legalFamily(legal);
  const legalWords = [...words.slice(0, core.start), '|', ...words.slice(core.end)].join(' ');
  const jurisdiction = jurisdictionOf(legalWords);
  const legalStyle = legalStyleOf(legalWords);
  // Names that analyze to one key are one unit: the key carries what tells companies apart besides the words.
  const key = `${[...new Set(tokens.map((t) => t.key))].sort().join(' ')}|${family}|${jurisdiction}${legalStyle ? `|${legalStyle}` : ''}`;
  const compacts: string[] = [];
  for (let end = core.end; end <= words.length; end++)
    compacts.push(
      words
        .slice(core.start, end)
        .join('')
        .replace(/(.)\1+/g, '$1'),
    );
  return {
    raw,
    text,
    tokens,
    legal,
    family,
    jurisdiction,
    legalStyle,
    location,
    acronyms,
    maybeTruncated,
    scripts: scriptsOf(raw),
    key,
    compacts,
  };
}
