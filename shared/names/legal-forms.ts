/**
 * Legal forms (ООО = LLC, 有限公司 = Co., Ltd., Aktsionernoe obshchestvo =
 * JSC…) recognized at the start or end of a name: kept as a feature, removed
 * for comparison. The bulk comes from rigour's org_types.yml (MIT, see
 * LICENSE.rigour-MIT.txt next to this file), compacted into
 * legal-forms.data.json by scripts/build-legal-forms.mjs; SUPPLEMENT adds the
 * spellings of customs data that table lacks (JSC, OJSC, Corp., Youxian
 * Gongsi…) and fixes the generic family where comparison needs it.
 */
import table from './legal-forms.data.json';
import { normalizeText } from './normalize';
import { osaDistance } from './similarity';
import { foldWord, splitWords } from './tokens';
import { SUPPLEMENT } from './legal-forms-supplement';

export interface LegalForm {
  generic: string;
  display: string;
}

interface Alias {
  tokens: string[];
  form: LegalForm;
}

const byFirst = new Map<string, Alias[]>();
const byLast = new Map<string, Alias[]>();
/** Single-token spellings, for a truncated last word (Corporat, Gongs). */
const singleWords: { word: string; form: LegalForm }[] = [];

function add(entry: readonly string[], fromTable: boolean): void {
  const [generic, display, ...spellings] = entry as [string, string, ...string[]];
  const form: LegalForm = { generic, display };
  for (const spelling of spellings) {
    const words = splitWords(normalizeText(spelling));
    if (words.length === 0 || words.some((w) => /\p{Script=Han}/u.test(w))) continue;
    const tokens = words.map(foldWord).filter(Boolean);
    if (tokens.length === 0) continue;
    // One-letter spellings ("a", "s") only as part of a longer form (ООО folds to "o" but is three letters).
    if (tokens.length === 1 && words[0]!.length < 2) continue;
    // Two-letter forms of the big table (e.V., SE, UG) are too often a name's own short word (POLYTECH EV): only ours.
    if (fromTable && tokens.length === 1 && tokens[0]!.length <= 2) continue;
    const alias = { tokens, form };
    push(byFirst, tokens[0]!, alias);
    push(byLast, tokens[tokens.length - 1]!, alias);
    if (tokens.length === 1 && tokens[0]!.length >= 5) singleWords.push({ word: tokens[0]!, form });
  }
}
function push(map: Map<string, Alias[]>, key: string, alias: Alias): void {
  const list = map.get(key);
  if (!list) map.set(key, [alias]);
  // The supplement is added first, so its family wins for the same spelling.
  else if (!list.some((a) => a.tokens.join(' ') === alias.tokens.join(' '))) list.push(alias);
}
for (const e of SUPPLEMENT) add(e, false);
for (const e of table as string[][]) add(e, true);

/** One-word spellings of customs data's own forms (INC, LTD, CORP, GMBH…), for a slip in one of them. */
const customsWords: { word: string; form: LegalForm }[] = SUPPLEMENT.flatMap(([generic, display, ...spellings]) =>
  spellings
    .map((sp) => foldWord(sp))
    .filter((w) => /^[a-z]{3,8}$/.test(w))
    .map((word) => ({ word, form: { generic: generic!, display: display! } })),
);

/**
 * A customs form with a slip (ICN., GMHB, LIMTED, CORPP): one edit from a spelling of four letters or more,
 * or two letters swapped in one of three (INC/ICN, not INN). Never a word of the name's own that happens to
 * be near a form: only at the name's edges, and only where a whole form was not found.
 */
function slippedForm(word: string): Alias | undefined {
  if (word.length < 3 || word.length > 9) return undefined;
  for (const f of customsWords) {
    if (Math.abs(f.word.length - word.length) > 1 || word === f.word) continue;
    const d = osaDistance(f.word, word, 1);
    if (d !== 1) continue;
    if (f.word.length === 3 && (word.length !== 3 || [...word].sort().join('') !== [...f.word].sort().join('')))
      continue;
    return { tokens: [word], form: f.form };
  }
  return undefined;
}
for (const list of [...byFirst.values(), ...byLast.values()]) list.sort((a, b) => b.tokens.length - a.tokens.length);

/** Han legal suffixes, also typo'd ones (有限司, 有限公公司): a tail made only of these characters. */
const HAN_LEGAL_CHARS = /(?:股份)?[有限责任公司]{2,}$/u;
export function stripHanLegal(han: string): { rest: string; form: LegalForm | null } {
  const m = HAN_LEGAL_CHARS.exec(han);
  if (!m || m[0].length === han.length) return { rest: han, form: null };
  return { rest: han.slice(0, m.index), form: { generic: 'LLC', display: '有限公司' } };
}

const matchesAt = (tokens: string[], at: number, alias: Alias): boolean =>
  at >= 0 && at + alias.tokens.length <= tokens.length && alias.tokens.every((t, i) => tokens[at + i] === t);

/** Multi-word forms with a typo in a long word ("Jiont Stock Company", "Aktsimnernoe obshchestvo"). */
const multiWord: Alias[] = [];
for (const list of byFirst.values()) for (const a of list) if (a.tokens.length >= 2) multiWord.push(a);
/** Multi-word forms by each of their words: a typo leaves the other words exact, so candidates come from those. */
const multiWordByToken = new Map<string, Alias[]>();
for (const a of multiWord)
  for (const t of new Set(a.tokens)) multiWordByToken.set(t, [...(multiWordByToken.get(t) ?? []), a]);
function fuzzyAt(tokens: string[], at: number, maxLen: number): Alias | undefined {
  if (at < 0) return undefined;
  for (let i = at; i < Math.min(tokens.length, at + 4); i++) {
    for (const a of multiWordByToken.get(tokens[i]!) ?? []) {
      if (a.tokens.length >= maxLen || at + a.tokens.length <= i || at + a.tokens.length > tokens.length) continue;
      const ok = a.tokens.every((t, k) => {
        const w = tokens[at + k]!;
        return w === t || (t.length >= 5 && osaDistance(w, t, 1) <= 1);
      });
      if (ok) return a;
    }
  }
  return undefined;
}

/**
 * Finds legal forms at the start and the end of folded tokens. Returns the
 * [start, end) range of the name's core and the forms found. Never removes
 * every token: "JSC" alone stays a name.
 */
export function findLegalForms(
  tokens: string[],
  maybeTruncated: boolean,
): { start: number; end: number; forms: LegalForm[] } {
  let start = 0;
  let end = tokens.length;
  const forms: LegalForm[] = [];
  for (let guard = 0; guard < 4 && end - start > 1; guard++) {
    const alias =
      (byFirst.get(tokens[start]!) ?? []).find((a) => a.tokens.length < end - start && matchesAt(tokens, start, a)) ??
      fuzzyAt(tokens, start, end - start) ??
      slippedForm(tokens[start]!);
    if (!alias) break;
    forms.push(alias.form);
    start += alias.tokens.length;
  }
  for (let guard = 0; guard < 4 && end - start > 1; guard++) {
    const last = tokens[end - 1]!;
    let alias = (byLast.get(last) ?? []).find(
      (a) => a.tokens.length < end - start && matchesAt(tokens, end - a.tokens.length, a),
    );
    if (!alias) {
      for (let n = 2; n <= 4 && !alias; n++) {
        const a = fuzzyAt(tokens, end - n, end - start);
        if (a && a.tokens.length === n) alias = a;
      }
    }
    if (!alias && last.length >= 9) {
      // A long single-word form with a typo or two (KORPOZACHJA).
      const near = nearLongForm(last);
      if (near) alias = { tokens: [last], form: near.form };
    }
    if (!alias && maybeTruncated && guard === 0) alias = truncatedAt(tokens, end, end - start);
    alias ??= slippedForm(last);
    if (!alias) break;
    forms.push(alias.form);
    end -= alias.tokens.length;
  }
  return { start, end, forms };
}

// Scanning every long form for each name's last word is costly; a case repeats its last words.
const nearLong = new Map<string, { word: string; form: LegalForm } | null>();
function nearLongForm(last: string): { word: string; form: LegalForm } | undefined {
  let near = nearLong.get(last);
  if (near === undefined) {
    if (nearLong.size >= 100_000) nearLong.clear();
    nearLong.set(
      last,
      (near = singleWords.find((w) => w.word.length >= 9 && osaDistance(w.word, last, 2) <= 2) ?? null),
    );
  }
  return near ?? undefined;
}

const singleAliases: Alias[] = singleWords.map((w) => ({ tokens: [w.word], form: w.form }));

/**
 * A customs system cut the name inside its legal form: "… Youxian Gongs",
 * "… Corporat", "… Limited Liability Compa", "… Общество с ограничен".
 */
function truncatedAt(tokens: string[], end: number, maxLen: number): Alias | undefined {
  const last = tokens[end - 1]!;
  for (let n = Math.min(4, maxLen - 1); n >= 1; n--) {
    if (n === 1 && last.length < 2) continue;
    const head = tokens.slice(end - n, end - 1);
    const candidates = n === 1 ? singleAliases : (byFirst.get(head[0]!) ?? []);
    for (const a of candidates) {
      if (a.tokens.length < n || a.tokens[n - 1]!.length <= last.length) continue;
      // Two letters (OJ of OJSC) only for short forms.
      if (n === 1 && last.length === 2 && a.tokens[0]!.length > 5) continue;
      if (head.every((t, i) => a.tokens[i] === t) && a.tokens[n - 1]!.startsWith(last))
        return { tokens: tokens.slice(end - n, end), form: a.form };
    }
  }
  return undefined;
}

/** The family a set of forms points to (JSC, LLC, LLP), or '' when none or only neutral ones. */
export function legalFamily(forms: readonly LegalForm[]): string {
  // LLP (ТОО) is rendered "LLC" in English as often as not: one family for comparison.
  for (const f of forms)
    if (f.generic === 'JSC' || f.generic === 'LLC' || f.generic === 'LLP') return f.generic === 'JSC' ? 'JSC' : 'LLC';
  return '';
}
