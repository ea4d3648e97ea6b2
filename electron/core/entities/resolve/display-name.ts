/**
 * The name an entity is shown by, chosen from the spellings its records
 * write: the most-used full name in the investigator's script. "Most used"
 * counts a spelling with those that differ from it only in case,
 * punctuation, word order or the wording of the legal form (INC. POLY
 * TECHNOLOGIES, Poly Technologies Inc. and Poly Technologies Corporation are
 * one name written three ways). A spelling is never shown for what a clerk
 * added or cut: a trailing city or branch note (`АО «ВЕРТОЛЁТЫ РОССИИ»,
 * ОМСКВА`) or a name cut at the customs system's field length.
 */
import { isCutShort, normalizeText, scriptsOf } from '../../../../shared/names';
import { splitLocation } from '../../../../shared/names/analyze';
import { findLegalForms, stripHanLegal } from '../../../../shared/names/legal-forms';
import { HAN } from '../../../../shared/names/normalize';
import { foldWord, splitWords } from '../../../../shared/names/tokens';

/** The script the investigator reads names in: the app speaks English, so a Latin spelling is shown where there is one. */
export const READING_SCRIPT = 'Latin';

/**
 * How many of an entity's spellings are looked at, the most written first: the name shown is never one of the
 * rarest, and reading a spelling costs (a resolve of a million records names many thousands of entities).
 */
const MAX_LOOKED_AT = 24;

/** An English legal form written first, where English puts it last ("Inc. Poly Technologies", "CO., LTD. POLY …"). */
const LEADING_ENGLISH_FORM =
  /^\s*(?:inc|corp|corporation|incorporated|co|company|ltd|limited|llc|plc|gmbh|pte|pvt|private)\b/i;

interface Spelling {
  raw: string;
  count: number;
  /** No city or branch note, not cut short: the name as the company writes it. */
  clean: boolean;
  /** Written in the reading script only. */
  inScript: boolean;
  /** Clean and with its legal form (LLC, JSC, Co., Ltd.…): a full name. */
  full: boolean;
  /** Equal for spellings that differ in case, punctuation, word order or legal-form wording only. */
  same: string;
}

/**
 * What the choice needs of a spelling, read without the scorer's full analysis (analyzeName segments Chinese and
 * builds comparison tokens, ten times the cost, and the resolve runs this on the main thread for every entity):
 * the trailing city or branch note, the cut, the legal forms at either end, and the script.
 */
function spelling(raw: string, count: number, script: string): Spelling {
  const { text, location } = splitLocation(normalizeText(raw));
  const clean = !location && !isCutShort(raw);
  const forms: string[] = [];
  const words = splitWords(text).map((w) => {
    if (!HAN.test(w)) return foldWord(w);
    const { rest, form } = stripHanLegal(w);
    if (form) forms.push(form.display);
    return rest;
  });
  const found = findLegalForms(words, false);
  forms.push(...found.forms.map((f) => f.display));
  const scripts = scriptsOf(raw);
  return {
    raw: raw.trim(),
    count,
    clean,
    inScript: scripts.length === 1 && scripts[0] === script,
    full: clean && forms.length > 0,
    same: `${words.slice(found.start, found.end).sort().join(' ')}|${[...new Set(forms)].sort().join(' ')}`,
  };
}

/** Keeps the spellings that pass a test, unless none does. */
const preferring = (all: Spelling[], test: (s: Spelling) => boolean) => {
  const kept = all.filter(test);
  return kept.length ? kept : all;
};

const mixedCase = (s: string) => s !== s.toUpperCase() && s !== s.toLowerCase();

/**
 * Of one name's spellings, the one to show: legal form where the language puts it, single-spaced, in mixed case
 * rather than capitals, the most written, then in fewer words (the legal form abbreviated: "Severpostavka LLC", not
 * "Obshchestvo s ogranichennoy otvetstvennostyu Severpostavka"), then the longer (it keeps its punctuation:
 * "Co., Ltd." over "Co Ltd"), then the first in code-point order, so that the same spellings always give the same name.
 */
function bestWritten(spellings: Spelling[]): string {
  const rank = (s: Spelling): number[] => [
    LEADING_ENGLISH_FORM.test(s.raw) ? 0 : 1,
    /\s\s/.test(s.raw) ? 0 : 1,
    mixedCase(s.raw) ? 1 : 0,
    s.count,
    -s.raw.split(/\s+/).length,
    s.raw.length,
  ];
  return spellings.sort((x, y) => {
    const a = rank(x);
    const b = rank(y);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return x.raw < y.raw ? -1 : x.raw > y.raw ? 1 : 0;
  })[0]!.raw;
}

/** The name an entity is shown by, from the spellings of its mentions and how often each is written. */
export function displayName(counts: ReadonlyMap<string, number>, script = READING_SCRIPT): string {
  if (counts.size === 1) return [...counts.keys()][0]!.trim();
  const looked = [...counts]
    .filter(([raw]) => raw.trim() !== '')
    // Ties in code-point order: which spellings are looked at never depends on the order they were read in.
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_LOOKED_AT)
    .map(([raw, n]) => spelling(raw, n, script));
  if (looked.length === 0) return [...counts.keys()][0]?.trim() ?? '';
  // Never a fragment first; then the reader's script; then a name with its legal form.
  let candidates = preferring(looked, (s) => s.clean);
  candidates = preferring(candidates, (s) => s.inScript);
  candidates = preferring(candidates, (s) => s.full);
  const names = new Map<string, Spelling[]>();
  for (const s of candidates) names.set(s.same, [...(names.get(s.same) ?? []), s]);
  const total = (ss: Spelling[]) => ss.reduce((sum, s) => sum + s.count, 0);
  const [mostUsed] = [...names.values()].sort(
    (a, b) => total(b) - total(a) || b.length - a.length || (a[0]!.same < b[0]!.same ? -1 : 1),
  );
  return bestWritten(mostUsed!);
}
