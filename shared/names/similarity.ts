/**
 * Edit distance with adjacent transpositions counted as one edit (optimal
 * string alignment): the typos of customs data are substitutions,
 * deletions, doublings and swapped neighbours. Stops early past `max`.
 */
// Three rows reused across calls: names are short, and this runs millions of times.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function osaDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

// The same word pairs come up again and again when a whole case is compared.
// Kept small: at 1M records a 500k-pair memo held ~40 MB of the memory budget for little speed.
const MEMO_LIMIT = 100_000;
const memo = new Map<string, Map<string, number>>();
let memoSize = 0;

/** How alike two folded words are, 0..1; 0 when they should not be taken for one another. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // What computeWordSimilarity decides without an edit distance, decided before the memo lookup.
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length >= 3 && long.startsWith(short)) return short.length >= 5 ? 0.9 : 0.8;
  if (short.length < 3 || long.length < 4 || long.length - short.length > 2) return 0;
  const [x, y] = a < b ? [a, b] : [b, a];
  let inner = memo.get(x);
  if (!inner) {
    if (memoSize > MEMO_LIMIT) {
      memo.clear();
      memoSize = 0;
    }
    memo.set(x, (inner = new Map()));
  }
  let v = inner.get(y);
  if (v === undefined) {
    inner.set(y, (v = computeWordSimilarity(x, y)));
    memoSize++;
  }
  return v;
}

function computeWordSimilarity(a: string, b: string): number {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  // Truncated or abbreviated word: dev ~ development, gongs ~ gongsi.
  if (short.length >= 3 && long.startsWith(short)) return short.length >= 5 ? 0.9 : 0.8;
  if (short.length < 3 || long.length < 4) return 0;
  const d = osaDistance(a, b, 2);
  if (d === 1) return long.length >= 6 ? 0.9 : 0.8;
  if (d === 2 && short.length >= 7) return 0.75;
  return 0;
}
