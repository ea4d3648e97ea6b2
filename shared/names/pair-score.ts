/** What the pair scorer (score.ts) answers, and the one result object it reuses when nobody reads the reasons. */

export interface PairContext {
  identifiersA?: readonly string[];
  identifiersB?: readonly string[];
  countriesA?: readonly string[];
  countriesB?: readonly string[];
  /**
   * The legal family (JSC, LLC) of the company each name stands for, known from its other names: used for a name
   * that writes no legal form itself (the review queue scores a pair of entities, not of bare names).
   */
  familyA?: string;
  familyB?: string;
}

export interface PairScore {
  score: number;
  /** Token pairs that agreed, as written (folded). */
  matched: string[];
  /** Tokens only one side has (explained pairs only). */
  onlyA: string[];
  onlyB: string[];
  /** How many tokens only one side has. */
  unmatchedA: number;
  unmatchedB: number;
  /** The same, not counting the name's last written word (where a cut-short name was cut). */
  unmatchedHeadA: number;
  unmatchedHeadB: number;
  /** A word matched only as a typo or abbreviation of the other's (not a cut name's tail), or the words were spaced differently. */
  fuzzy: boolean;
  /** A word of ordinary vocabulary (International, Group) only one name has. */
  extraVocabulary: boolean;
  /** One name is the other plus a proper-name word or number of its own (Телекомимпорт / Телекомимпорт-М). */
  subset: boolean;
  /** One sentence per piece of evidence, for the person reviewing. */
  reasons: string[];
}

const newResult = (): PairScore => ({
  score: 0,
  matched: [],
  onlyA: [],
  onlyB: [],
  unmatchedA: 0,
  unmatchedB: 0,
  unmatchedHeadA: 0,
  unmatchedHeadB: 0,
  fuzzy: false,
  extraVocabulary: false,
  subset: false,
  reasons: [],
});
/** The one result of unexplained scoring (millions of pairs: an object and four arrays each were most of a resolve's garbage). */
const scratch = newResult();
// Frozen: a push into it (a bug) throws instead of leaking words into every later result.
const NO_WORDS = Object.freeze([]) as unknown as string[];
function reset(r: PairScore): PairScore {
  r.score = r.unmatchedA = r.unmatchedB = r.unmatchedHeadA = r.unmatchedHeadB = 0;
  r.fuzzy = r.extraVocabulary = r.subset = false;
  r.matched = r.onlyA = r.onlyB = r.reasons = NO_WORDS;
  return r;
}

/** A result to fill: a new one when it is explained (a person will read it), else the one reused object. */
export function pairResult(explain: boolean): PairScore {
  return explain ? newResult() : reset(scratch);
}
