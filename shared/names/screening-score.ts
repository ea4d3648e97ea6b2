/**
 * Screening's scorer: whether a name in the case may be a listed one, 0..1,
 * with the reasons. A missed listed company is the costly error here, so it
 * reads names more loosely than resolution does, on top of the resolver's
 * own pair score (score.ts, unchanged and as strict for merging):
 * - both names rewritten first (screening-text.ts: initials, articles,
 *   numbers, British spellings, a country's initials);
 * - a brand alone against the brand with a region, an industry word or a
 *   legal form (Acme / ACME EUROPE Sp. z o.o.), and a parent against its
 *   branch, scored as worth a look: what only one name has says where or
 *   what kind, not who;
 * - an acronym against its expansion, ignoring small words (IBM /
 *   International Business Machines Corporation);
 * - different legal forms count against a pair less: a list names the
 *   parent, the records its subsidiary.
 * A pair sharing only ordinary words (Global Trading / Global Logistics)
 * stays below review, and so does a pair of Chinese names one character
 * apart (华宝利 / 华宝义 Keji): their pinyin words differ by a letter or two,
 * which the resolver reads as a typo, but another character is another
 * company (pinyin-words.ts).
 */
import { analyzeName, type AnalyzedName } from './analyze';
import type { NameToken } from './concepts';
import { PLACE_AND_KIND } from './place-and-kind';
import type { TokenStats } from './prepared-name';
import { scorePair } from './score';
import { chineseDisagreements, readChinese, type ChineseReading } from './screening-chinese';
import { screeningText } from './screening-text';
import { foldWord, splitWords } from './tokens';

/** At or above this, a hit is shown for review. */
export const SCREENING_REVIEW_THRESHOLD = 0.7;

/** Where a brand-plus-region or parent-and-branch pair lands: reviewed, never certain. */
const CONTAINED_SCORE = 0.85;
const ACRONYM_SCORE = 0.85;
/** One name whole inside the other, which adds words of its own (Strategic Rocket Force / … of the Korean People's Army). */
const PART_OF_SCORE = 0.75;
/** The resolver's factor for different legal families (score.ts), and screening's. */
const RESOLVER_FAMILY_FACTOR = 0.6;
const SCREENING_FAMILY_FACTOR = 0.85;
/** The resolver's factor for a word on each side the other lacks (score.ts): two Chinese words that differ are that. */
const DIFFERENT_WORDS_FACTOR = 0.45;

/** Small words an acronym skips: International Bank of Reconstruction and Development → IBRD. */
const ACRONYM_SKIPS = new Set(['of', 'and', 'the', 'for', 'de', 'du', 'des', 'la', 'le', 'y', 'et', 'und']);

/** A name made ready for screening once: its rewritten form analyzed, and what the screening rules read. */
export interface ScreeningName {
  raw: string;
  name: AnalyzedName;
  rewrites: string[];
  /** The name read as an acronym (one word of 2–8 letters), or null. */
  acronym: string | null;
  /** Initials of the name's words, with and without its legal form and small words. */
  initials: string[];
  /** The name's words without its legal form, folded (the surfaces of its tokens, numbers aside). */
  words: string[];
  /** Folded surfaces of its tokens that say where or what kind, not who. */
  generic: Set<string>;
  /** Its Chinese words and characters (screening-chinese.ts). */
  chinese: ChineseReading;
}

export function prepareScreeningName(raw: string): ScreeningName {
  const { text, rewrites } = screeningText(raw);
  const name = analyzeName(text);
  const words = splitWords(name.text.toLowerCase()).map(foldWord).filter(Boolean);
  const single = name.tokens.length === 1 ? name.tokens[0]!.surface : null;
  return {
    raw,
    name,
    rewrites,
    acronym: single && /^[a-z]{2,8}$/.test(single) ? single : null,
    initials: initialsOf(words, name),
    words: name.tokens.filter((t) => !t.numeric).map((t) => t.surface),
    generic: new Set(name.tokens.filter(isGeneric).map((t) => t.surface)),
    chinese: readChinese(name),
  };
}

function isGeneric(t: NameToken): boolean {
  return t.concept || !!t.weak || PLACE_AND_KIND.has(t.surface);
}

function initialsOf(words: string[], name: AnalyzedName): string[] {
  const out = new Set<string>();
  const core = name.tokens.filter((t) => !t.numeric).map((t) => t.surface);
  for (const list of [words, words.filter((w) => !ACRONYM_SKIPS.has(w)), core]) {
    if (list.length < 2) continue;
    out.add(list.map((w) => w[0]).join(''));
  }
  return [...out].filter((a) => a.length >= 3);
}

export interface ScreeningScore {
  score: number;
  reasons: string[];
}

/**
 * Two prepared names scored for screening (module comment). `stats` is the
 * token rarity of the names screened against (a word half the list has
 * counts little). explain = false may leave `reasons` empty, for the many
 * candidate pairs nobody reads; the score is the same, or (below the review
 * threshold, where it decides nothing) an upper bound of it.
 */
export function screeningScorePrepared(
  a: ScreeningName,
  b: ScreeningName,
  stats?: TokenStats,
  explain = true,
): ScreeningScore {
  // The unexplained score first (no allocation); the aligned words are read only when a rule below needs
  // them: a fuzzy match (Chinese words) or one name's words all matched (containment).
  const quick = scorePair(a.name, b.name, stats, {}, false);
  if (!explain && !quick.fuzzy && quick.unmatchedA > 0 && quick.unmatchedB > 0) {
    const loose = looseScore(a, b, quick.score, [], null).score;
    // The Chinese rules only lower a score: below review, this one is as good as exact for a screener.
    const chinese = a.chinese.words.size > 0 && b.chinese.words.size > 0;
    if (!chinese || loose < SCREENING_REVIEW_THRESHOLD) return { score: loose, reasons: [] };
  }
  const pair = scorePair(a.name, b.name, stats);
  const reasons = [...pair.reasons];
  const rewrites = [...a.rewrites, ...b.rewrites];
  if (rewrites.length) reasons.unshift(`Read as ${rewrites.join('; ')}.`);
  let score = pair.score;
  const chinese = chineseDisagreements(a, b, pair);
  const matched = pair.matched.filter((m) => !chinese.includes(m));
  if (chinese.length) {
    score *= DIFFERENT_WORDS_FACTOR;
    reasons.push(
      `Chinese names a character apart are two companies: ${chinese.map((m) => m.replace('~', ' / ')).join(', ')}.`,
    );
  }
  // Each side keeps its half of a Chinese mismatch: neither name is then all in the other.
  const onlyA = [...new Set([...pair.onlyA, ...chinese.map((m) => m.split('~')[0]!)])];
  const onlyB = [...new Set([...pair.onlyB, ...chinese.map((m) => m.split('~')[1]!)])];
  return looseScore(a, b, score, reasons, { matched, onlyA, onlyB, initials: pair.reasons });
}

/** The resolver's score read loosely (module comment); `words` null when no rule that reads them can apply. */
function looseScore(
  a: ScreeningName,
  b: ScreeningName,
  resolverScore: number,
  reasons: string[],
  words: { matched: string[]; onlyA: string[]; onlyB: string[]; initials: string[] } | null,
): ScreeningScore {
  let score = resolverScore;
  if (a.name.family && b.name.family && a.name.family !== b.name.family) {
    score = (score / RESOLVER_FAMILY_FACTOR) * SCREENING_FAMILY_FACTOR;
    reasons.push('For screening, a different legal form counts less: a list may name the parent.');
  }
  if (words) {
    const { matched, onlyA, onlyB } = words;
    const containment = contained(a, b, matched, onlyA, onlyB);
    const rest = [...onlyA, ...onlyB].join(', ');
    if (containment === 'generic' && score < CONTAINED_SCORE) {
      score = CONTAINED_SCORE;
      reasons.push(
        rest
          ? `The names share their distinctive words; the rest (${rest}) says where or what kind.`
          : 'The names agree word for word, as spellings of one another.',
      );
    } else if (containment === 'words' && score < PART_OF_SCORE) {
      score = PART_OF_SCORE;
      reasons.push(`One name is all in the other, which adds ${rest}: a parent, a division or a fuller name.`);
    }
  }
  const acronym = acronymOf(a, b) ?? acronymOf(b, a);
  if (acronym && score < ACRONYM_SCORE) {
    score = ACRONYM_SCORE;
    if (!words?.initials.some((r) => r.includes('initials')))
      reasons.push(`One name is the initials of the other (${acronym.toUpperCase()}).`);
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}

/** Screening score of two raw names (see screeningScorePrepared). */
export function screeningScore(a: string, b: string): ScreeningScore {
  return screeningScorePrepared(prepareScreeningName(a), prepareScreeningName(b));
}

/**
 * Whether one name is all in the other: they agree on at least one
 * distinctive word and only one of them has more. 'generic' when what it
 * has more is a place or a kind of business, 'words' when it is words of
 * its own, null otherwise (two different extra words are two companies).
 */
function contained(
  a: ScreeningName,
  b: ScreeningName,
  matched: string[],
  onlyA: string[],
  onlyB: string[],
): 'generic' | 'words' | null {
  if (onlyA.length && onlyB.length) return null;
  const distinctiveMatch = matched.some((m) => {
    const [sa, sb] = m.split('~');
    return !a.generic.has(sa!) && !b.generic.has(sb ?? sa!) && !/^[0-9]+$/.test(sa!);
  });
  if (!distinctiveMatch) return null;
  if (onlyA.every((w) => a.generic.has(w)) && onlyB.every((w) => b.generic.has(w))) return 'generic';
  // A number only one name has is another company (Kodo-Kai / Third Kodo-Kai), not a fuller name.
  return [...onlyA, ...onlyB].some((w) => /^[0-9]+$/.test(w)) ? null : 'words';
}

/**
 * The acronym `short` is, when it spells the initials of `long`, or (four
 * letters or more) the first letters of each of its words, Russian style
 * (KAMAZ: KAMskiy Avtomobilnyy Zavod).
 */
function acronymOf(short: ScreeningName, long: ScreeningName): string | null {
  const acr = short.acronym;
  if (!acr || acr.length < 3 || long.name.tokens.length < 2) return null;
  if (long.initials.includes(acr)) return acr;
  return acr.length >= 4 && spellsStarts(acr, long.words) ? acr : null;
}

/** Whether `acr` is, in order, a start of one to three letters of every word. */
function spellsStarts(acr: string, words: readonly string[], from = 0, word = 0): boolean {
  if (word === words.length) return from === acr.length;
  const w = words[word]!;
  for (let n = 1; n <= 3 && n <= w.length && from + n <= acr.length; n++)
    if (acr.startsWith(w.slice(0, n), from) && spellsStarts(acr, words, from + n, word + 1)) return true;
  return false;
}
