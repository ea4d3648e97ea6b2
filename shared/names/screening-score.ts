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
 * stays below review.
 */
import { analyzeName, type AnalyzedName } from './analyze';
import type { NameToken } from './concepts';
import { scorePair } from './score';
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

/**
 * Words that say where a company is or what kind it is, not which one: a
 * region, a country, ordinary business words the gloss does not hold.
 */
const PLACE_AND_KIND = new Set(
  [
    'europe',
    'european',
    'eu',
    'asia',
    'asian',
    'pacific',
    'america',
    'americas',
    'american',
    'africa',
    'african',
    'middle',
    'east',
    'west',
    'north',
    'south',
    'eurasia',
    'global',
    'worldwide',
    'world',
    'overseas',
    'branch',
    'office',
    'representative',
    'subsidiary',
    'company',
    'corporation',
    'enterprises',
    'enterprise',
    'solutions',
    'lab',
    'labs',
    'laboratory',
    'laboratories',
    'partners',
    'united',
    'states',
    'kingdom',
    'germany',
    'deutschland',
    'france',
    'italy',
    'italia',
    'spain',
    'espana',
    'poland',
    'polska',
    'netherlands',
    'nederland',
    'switzerland',
    'schweiz',
    'austria',
    'belgium',
    'sweden',
    'norway',
    'finland',
    'denmark',
    'turkey',
    'turkiye',
    'india',
    'japan',
    'korea',
    'singapore',
    'malaysia',
    'thailand',
    'vietnam',
    'indonesia',
    'uae',
    'emirates',
    'arab',
    'iran',
    'israel',
    'kazakhstan',
    'uzbekistan',
    'kyrgyzstan',
    'armenia',
    'georgia',
    'belarus',
    'ukraine',
    'canada',
    'mexico',
    'brazil',
    'argentina',
    'australia',
    'rus',
    'russland',
  ].map(foldWord),
);

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

/** Two prepared names scored for screening (module comment). */
export function screeningScorePrepared(a: ScreeningName, b: ScreeningName): ScreeningScore {
  const pair = scorePair(a.name, b.name);
  let score = pair.score;
  const reasons = [...pair.reasons];
  const rewrites = [...a.rewrites, ...b.rewrites];
  if (rewrites.length) reasons.unshift(`Read as ${rewrites.join('; ')}.`);

  if (a.name.family && b.name.family && a.name.family !== b.name.family) {
    score = (score / RESOLVER_FAMILY_FACTOR) * SCREENING_FAMILY_FACTOR;
    reasons.push('For screening, a different legal form counts less: a list may name the parent.');
  }

  const containment = contained(a, b, pair.matched, pair.onlyA, pair.onlyB);
  const rest = [...pair.onlyA, ...pair.onlyB].join(', ');
  if (containment === 'generic' && score < CONTAINED_SCORE) {
    score = CONTAINED_SCORE;
    reasons.push(`The names share their distinctive words; the rest (${rest}) says where or what kind.`);
  } else if (containment === 'words' && score < PART_OF_SCORE) {
    score = PART_OF_SCORE;
    reasons.push(`One name is all in the other, which adds ${rest}: a parent, a division or a fuller name.`);
  }

  const acronym = acronymOf(a, b) ?? acronymOf(b, a);
  if (acronym && score < ACRONYM_SCORE) {
    score = ACRONYM_SCORE;
    if (!pair.reasons.some((r) => r.includes('initials')))
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
