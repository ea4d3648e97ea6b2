/**
 * How screening rewrites a name before the scorer reads it, so that ways of
 * writing one name that customs data rarely shows but lists and registers
 * do meet: initials dotted or spaced (J.P. → JP), a leading article (The …),
 * numbers in words or as ordinals (Forty-Four, 1st → 44, 1), British
 * spellings (-isation, centre → -ization, center), a country's initials
 * (U.S. → United States). Both names of a pair go through the same rewrite,
 * so it only has to be consistent, not correct English. Resolution does not
 * use it: it joins companies on its own evidence and stays as strict.
 */
import { findLegalForms } from './legal-forms';
import { HAN } from './normalize';
import { foldWord } from './tokens';

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_ONES: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fifth: 5,
  eighth: 8,
  ninth: 9,
  twelfth: 12,
};

/** A number word's value ('forty' 40, 'fourth' 4, 'twentieth' 20), or undefined. */
function numberWord(w: string): number | undefined {
  if (w in ORDINAL_ONES) return ORDINAL_ONES[w];
  const base = w.endsWith('ieth') ? `${w.slice(0, -4)}y` : w.endsWith('th') ? w.slice(0, -2) : w;
  const one = ONES.indexOf(base);
  if (one >= 0) return one;
  const ten = TENS.indexOf(base);
  return ten >= 2 ? ten * 10 : undefined;
}

/** Text that may hold a number word (every one of them contains one of these): most names do not, and skip the work. */
const NUMBER_HINT =
  /zero|one|two|thre|four|five|six|seven|eight|nine|ten|eleven|twel|teen|twent|thirt|fort|fift|sixt|hundred|first|second|third|fifth|ninth|ieth/i;

/** Number words rewritten as digits: a run (Forty-Four, twenty first, one hundred and five) is one number. */
function numbersInWords(s: string, note: (from: string, to: string) => void): string {
  const parts = s.split(/([\s-]+)/); // words at even indexes, separators at odd ones
  const isNumber = (w: string | undefined) =>
    w !== undefined && (numberWord(w.toLowerCase()) !== undefined || /^hundred$/i.test(w));
  for (let i = 0; i < parts.length; i += 2) {
    if (!isNumber(parts[i])) continue;
    let j = i;
    while (isNumber(parts[j + 2]) || (/^and$/i.test(parts[j + 2] ?? '') && isNumber(parts[j + 4])))
      j += /^and$/i.test(parts[j + 2]!) ? 4 : 2;
    const run = parts.slice(i, j + 1).join('');
    const n = numberOfRun(run);
    if (n === null) {
      i = j; // the run stays as written, all of it
      continue;
    }
    note(run, String(n));
    parts.splice(i, j - i + 1, String(n));
  }
  return parts.join('');
}

/** The value of a run of number words, or null when it does not read as one number (one one). */
function numberOfRun(run: string): number | null {
  let n = 0;
  for (const w of run.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w === 'hundred') {
      n = (n || 1) * 100;
      continue;
    }
    const v = numberWord(w)!;
    // Tens then ones (forty four); anything else (four forty, one one) is not one number.
    const last = n % 100;
    if (last !== 0 && !(last >= 20 && last % 10 === 0 && v < 10)) return null;
    n += v;
  }
  return n;
}

/** British spellings → American, on lower-case Latin words; a canonical form, both sides alike. */
const SPELLINGS: [RegExp, string][] = [
  [/isation(s?)$/, 'ization$1'],
  [/([a-z]{3,})is(e|ed|es|er|ers|ing)$/, '$1iz$2'],
  [/([a-z]{2,})ys(e|ed|es|er|ers|ing)$/, '$1yz$2'],
  [/([a-z]{2,}[^aeiou])our(s?)$/, '$1or$2'],
  [/([a-z]{2,}[^aeiou])tre(s?)$/, '$1ter$2'],
  [/^(def|lic|off|pret)ence(s?)$/, '$1ense$2'],
  [/^programme(s?)$/, 'program$1'],
  [/^aluminium$/, 'aluminum'],
  [/^jewellery$/, 'jewelry'],
  [/^catalogue(s?)$/, 'catalog$1'],
  [/^tyre(s?)$/, 'tire$1'],
];

/** Countries written as their initials; U.S.A. and U.S. reach here as usa, us. */
const COUNTRY_INITIALS: Record<string, string> = {
  us: 'united states',
  usa: 'united states',
  uk: 'united kingdom',
  uae: 'united arab emirates',
};

/**
 * Particles and joining words, written or left out at will, as whole words (Al-, -ul-, of, &…), and
 * their Cyrillic spellings: a list's Banco Nacional de Cuba is a record's Банко Насьональ де Куба.
 */
const PARTICLES =
  /(?<![\p{L}\p{N}])(?:&|and|und|et|of|the|for|de|del|della|di|da|du|des|al|el|ul|wa|va|fi|in|y|e|i|и|де|дель|делла|ди|да|ду|дю|дес|аль|ал|эль|эл|уль|ва|фи)(?![\p{L}\p{N}])/giu;

export interface ScreeningText {
  text: string;
  /** What was rewritten, for the reasons a reviewer reads ("J.P. → JP"). */
  rewrites: string[];
}

/** Words as splitWords (tokens.ts) reads them: letters and digits, a Han run apart. */
const WORD = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/**
 * A name rewritten for screening (see the module comment); `rewrites` says
 * what changed. Its legal forms, at either end, are kept as written: S.A. de
 * C.V. or A.Ş. are forms only with their dots and particles.
 */
export function screeningText(raw: string): ScreeningText {
  let text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  // Initials opening a name are joined first: J.P. Morgan would read as the legal form ЈП (a Serbian public
  // enterprise) and keep its dots.
  const lead: string[] = [];
  text = text.replace(/^(?:\p{L}\.\s?){2,}(?=\S)/u, (m) => {
    const joined = `${m.replace(/[.\s]/g, '')} `;
    lead.push(`${m.trim()} → ${joined.trim()}`);
    return joined;
  });
  const words = [...text.matchAll(WORD)];
  const core = findLegalForms(
    words.map((w) => (HAN.test(w[0]) ? '\u0000' : foldWord(w[0].toLowerCase()))),
    false,
  );
  if (core.start >= core.end) return { text, rewrites: lead };
  const from = words[core.start]!.index;
  const last = words[core.end - 1]!;
  const to = last.index + last[0].length;
  const rewritten = rewriteCore(text.slice(from, to));
  return {
    text: `${text.slice(0, from)}${rewritten.text}${text.slice(to)}`,
    rewrites: [...lead, ...rewritten.rewrites],
  };
}

function rewriteCore(core: string): ScreeningText {
  const rewrites: string[] = [];
  const note = (from: string, to: string) => {
    if (from.trim() !== to.trim()) rewrites.push(`${from.trim()} → ${to.trim() || '(nothing)'}`);
  };
  let s = core;
  // Dotted initials: J.P., A. B. C., U.S.A. (two or more one-letter parts).
  s = s.replace(/(?<![\p{L}\p{N}])(?:\p{L}\.\s?){2,}/gu, (m) => {
    const joined = m.replace(/[.\s]/g, '') + (m.endsWith(' ') ? ' ' : '');
    note(m, joined);
    return joined;
  });
  // Spaced single letters: A B C Trading.
  s = s.replace(/(?<![\p{L}\p{N}.])\p{L}(?: \p{L}){1,}(?![\p{L}\p{N}.])/gu, (m) => {
    const joined = m.replace(/ /g, '');
    note(m, joined);
    return joined;
  });
  // A leading article (The Boeing Company), or one moved to the end (Boeing Company, The).
  const article = /^(?:the|la|le|les|el|los|las|die|der|das|il)\s+(?=\S)/i.exec(s) ?? /,\s*the$/i.exec(s);
  if (article) {
    note(article[0], '');
    s = (s.slice(0, article.index) + s.slice(article.index + article[0].length)).trim();
  }
  s = s.replace(/\bunited states of america\b/giu, (m) => (note(m, 'United States'), 'United States'));
  // Joining words and particles (Morgan Chase & Co. / and Co; Al-Salah Society / Salah Society; Bank of
  // Omaha): one name writes them where another leaves them out. Set aside without a note.
  const kept = s.replace(PARTICLES, ' ').replace(/\s+/g, ' ').trim();
  if (/[\p{L}\p{N}]/u.test(kept)) s = kept;
  // Ordinals in digits (1st, 22nd) and numbers in words (First, Forty-Four).
  s = s.replace(/\b(\d+)(?:st|nd|rd|th)\b/gi, (m, n: string) => (note(m, n), n));
  if (NUMBER_HINT.test(s)) s = numbersInWords(s, note);
  s = s.replace(/[\p{L}]+/gu, (word) => {
    const lower = word.toLowerCase();
    // Own keys only: a word like CONSTRUCTOR must not find Object's.
    const country = Object.hasOwn(COUNTRY_INITIALS, lower) ? COUNTRY_INITIALS[lower] : undefined;
    // Only written in capitals: "us" in running text is a pronoun.
    if (country && word === word.toUpperCase()) return (note(word, country), country);
    if (!/^[a-z]+$/.test(lower) || lower.length < 5) return word;
    let out = lower;
    for (const [re, to] of SPELLINGS) out = out.replace(re, to);
    if (out === lower) return word;
    note(word, out);
    return out;
  });
  return { text: s, rewrites };
}
