/**
 * The one seam between screening and the name matcher: how a name is
 * prepared, how two are scored, from what score a pair is a hit, and the
 * keys that block candidates. Screening wants recall (a missed listed
 * company is the costly error) where resolution wants precision, so it
 * scores with the recall scorer (shared/names/screening-score.ts: initials,
 * numbers, spellings, a brand against brand-and-region, an acronym against
 * its expansion), while resolution keeps the strict one.
 */
import type { TokenStats } from '../../../shared/names';
import {
  prepareScreeningName as prepareName,
  SCREENING_REVIEW_THRESHOLD,
  screeningScorePrepared,
  type ScreeningName,
  type ScreeningScore,
} from '../../../shared/names/screening-score';

export type { ScreeningName };

/** A pair at or above this is a hit to review; "merely shares words" scores well below it. */
export const SCREENING_THRESHOLD = SCREENING_REVIEW_THRESHOLD;

export const prepareScreeningName = (raw: string): ScreeningName => prepareName(raw);

/** Whether a prepared name has anything left to compare once its legal form is set aside. */
export const hasWords = (name: ScreeningName): boolean => name.name.tokens.length > 0;

/**
 * Names only: identifiers and countries are left out of the scorer, which
 * reads different ones as evidence against, and a list's identifiers (call
 * signs, passport numbers) and country names rarely share a form with a
 * customs record's INN and country code; screening uses an equal
 * identifier as evidence for, on its own (screen.ts). `stats` is the token
 * rarity over the list's names.
 */
export const scoreScreeningPair = (
  entity: ScreeningName,
  entry: ScreeningName,
  stats: TokenStats,
  explain: boolean,
): ScreeningScore => screeningScorePrepared(entity, entry, stats, explain);

/**
 * A coarse sound skeleton of a word for blocking: Latin letters spelled the
 * ways transliterations differ are folded (c/k/q, ph/f, w/v, y/i, doubled
 * letters) and vowels after the first letter dropped, so that banco and
 * банко (banko), Aerocaribbean and Аэрокарибиан meet.
 */
export function soundSkeleton(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/ph/g, 'f')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck|c|q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/y|j/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return w.length ? w[0] + w.slice(1).replace(/[aeiouh]/g, '') : '';
}

/**
 * The keys a name is blocked under: its tokens, their sound skeletons, and
 * its acronyms: the initials of a name of several words, or a one-word name
 * read as letters, so that IBM meets International Business Machines.
 */
export function nameKeys(name: ScreeningName): string[] {
  const keys = new Set<string>();
  for (const t of name.name.tokens) {
    keys.add(`t:${t.key}`);
    if (!t.concept && !t.numeric) {
      const s = soundSkeleton(t.key);
      if (s.length >= 3) keys.add(`s:${s}`);
    }
  }
  for (const a of name.name.acronyms) keys.add(`a:${a}`);
  for (const a of name.initials) keys.add(`a:${a}`);
  if (name.acronym) keys.add(`a:${name.acronym}`);
  return [...keys];
}

/**
 * The keys an identifier is compared by: letters and digits only, upper
 * case, whole and word by word, so that "Tax ID No. 7718852163" and a
 * record's "7718852163" meet; keys too short or without a digit tell
 * nothing apart and are left out.
 */
export function identifierKeys(id: string): string[] {
  const compact = (s: string) => s.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  const keys = new Set([compact(id), ...id.split(/\s+/).map(compact)]);
  return [...keys].filter((k) => k.length >= 6 && /\d/.test(k));
}
