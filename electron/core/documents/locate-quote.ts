/** Characters a person may type differently from how the page prints them. */
const VARIANTS: [RegExp, string][] = [
  [/['‘’‛`]/u, "['‘’‛`]"],
  [/["“”„«»]/u, '["“”„«»]'],
  [/[-‐‑‒–—]/u, '[-‐‑‒–—]'],
];

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function charPattern(c: string): string {
  for (const [re, pattern] of VARIANTS) if (re.test(c)) return pattern;
  return escape(c);
}

/**
 * Where a quote is on a page: exactly if it is there, else allowing the
 * quote's spacing, line breaks, quote marks and dashes to differ from the
 * page's, then ignoring case. Among several places, the one nearest `near`
 * (the offset a selection came from) wins, else the first. The page's own
 * text between the offsets becomes the excerpt's quote, so the stored quote
 * is always exactly what the page says.
 */
export function locateQuote(text: string, quote: string, near?: number): { start: number; end: number } | null {
  const wanted = quote.normalize('NFC').trim();
  if (!wanted) return null;
  const exact = allMatches(text, new RegExp(escape(wanted), 'gu'));
  if (exact.length) return pick(exact, near);
  const tokens = wanted.split(/\s+/u).map((t) => [...t].map(charPattern).join(''));
  const pattern = tokens.join('\\s+');
  for (const flags of ['gu', 'giu']) {
    const found = allMatches(text, new RegExp(pattern, flags));
    if (found.length) return pick(found, near);
  }
  return null;
}

function allMatches(text: string, re: RegExp): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function pick(found: { start: number; end: number }[], near?: number): { start: number; end: number } {
  if (near === undefined) return found[0]!;
  return found.reduce((best, m) => (Math.abs(m.start - near) < Math.abs(best.start - near) ? m : best));
}
