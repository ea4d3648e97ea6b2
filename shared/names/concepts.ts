/**
 * Folded words → comparison keys: a gloss concept (#tech, #avia…) when the
 * word is ordinary vocabulary in any language, else the word's skeleton
 * with Russian adjective endings cut (udenskiy → ude). Russian compounds
 * are split on the way (lokomotivoremontnyy → #locomotive #repair), as are
 * run-together English ones (POLYTECH → #poly #tech).
 */
import { GLOSS, WEAK_CONCEPTS } from './gloss';
import { normalizeText } from './normalize';
import { foldWord, splitWords } from './tokens';
import { russianStem } from './transliterate';

export interface NameToken {
  /** Folded skeleton of the word as written (for fuzzy comparison). */
  surface: string;
  /** What is compared: a concept (#tech) or the stemmed skeleton. */
  key: string;
  /** Ordinary vocabulary (concept) rather than a proper name. */
  concept: boolean;
  numeric: boolean;
  /** Says little on its own (a trailing city, an ordinary word like Group). */
  weak?: boolean;
}

const exact = new Map<string, string>();
const phrases: { words: string[]; concept: string }[] = [];
const prefixes: { stem: string; concept: string }[] = [];

for (const [concept, ...spellings] of GLOSS) {
  const key = `#${concept}`;
  for (const spelling of spellings) {
    if (/\p{Script=Han}/u.test(spelling!)) continue; // Han words reach us as pinyin
    const isPrefix = spelling!.endsWith('*');
    const words = splitWords(normalizeText(spelling!.replace(/\*$/, ''))).map(foldWord);
    if (words.length === 0) continue;
    if (isPrefix) prefixes.push({ stem: words[0]!, concept: key });
    else if (words.length > 1) phrases.push({ words, concept: key });
    else exact.set(words[0]!, key);
  }
}
phrases.sort((a, b) => b.words.length - a.words.length);
prefixes.sort((a, b) => b.stem.length - a.stem.length);

function prefixConcept(word: string): { concept: string; rest: string } | null {
  for (const p of prefixes) {
    if (word.startsWith(p.stem)) return { concept: p.concept, rest: word.slice(p.stem.length) };
  }
  return null;
}

/** Concepts of one word, or null when it is not ordinary vocabulary. */
function wordConcepts(word: string, depth = 0): string[] | null {
  const e = exact.get(word);
  if (e) return [e];
  const p = prefixConcept(word);
  if (p) {
    // Russian compounds join with a linking vowel: lokomotiv-o-remontnyy.
    const rest = p.rest.replace(/^[oe]/, '');
    if (rest.length >= 5 && depth < 2) {
      const more = wordConcepts(rest, depth + 1);
      if (more) return [p.concept, ...more];
    }
    return [p.concept];
  }
  if (word.length >= 6 && depth < 1) {
    // Run-together words (polytech, aeroengine): both halves must be vocabulary.
    for (let i = 3; i <= word.length - 3; i++) {
      const left = exact.get(word.slice(0, i));
      const right = left && wordConcepts(word.slice(i), depth + 1);
      if (left && right) return [left, ...right];
    }
  }
  return null;
}

export function toNameTokens(words: string[]): NameToken[] {
  const out: NameToken[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = phrases.find((p) => p.words.every((w, j) => words[i + j] === w));
    if (phrase) {
      out.push({ surface: phrase.words.join(''), key: phrase.concept, concept: true, numeric: false });
      i += phrase.words.length;
      continue;
    }
    const word = words[i++]!;
    if (/^[0-9]+$/.test(word)) {
      out.push({ surface: word, key: word, concept: false, numeric: true });
      continue;
    }
    const concepts = wordConcepts(word);
    if (concepts)
      for (const c of concepts)
        out.push({ surface: word, key: c, concept: true, numeric: false, weak: WEAK_CONCEPTS.has(c) });
    else out.push({ surface: word, key: russianStem(word), concept: false, numeric: false });
  }
  return out;
}
