/**
 * Text for the SVG export: escaping (every label is data from customs files
 * and documents, so it is always written as text, never as markup), a rough
 * width measure that knows Chinese characters are about twice as wide as
 * Latin ones, wrapping into a box, and the compact numbers edge labels use.
 */

/** Characters XML 1.0 forbids (a strict parser refuses the whole file over one), and lone surrogates. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Approximate width in ems (no fonts are measured: this runs anywhere). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 1 : ch === ' ' ? 0.28 : /[A-ZА-ЯЁ0-9]/.test(ch) ? 0.64 : 0.52;
  return w;
}

/** Splits text into at most `maxLines` lines of at most `maxEm` ems, breaking at spaces (anywhere in Chinese); cut text ends with "…". */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line);
    line = '';
  };
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate) <= maxEm) {
      line = candidate;
      continue;
    }
    if (line) push();
    // A word wider than a line (or a run of Chinese) is cut by character.
    let rest = word;
    while (textWidth(rest) > maxEm) {
      let cut = '';
      for (const ch of rest) {
        if (textWidth(cut + ch) > maxEm) break;
        cut += ch;
      }
      lines.push(cut);
      rest = rest.slice(cut.length);
    }
    line = rest;
  }
  if (line) push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidth(`${last}…`) > maxEm) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** `$950`, `$12.4k`, `$3.1M`, `$1.2B`. */
export function formatUsd(v: number): string {
  const a = Math.abs(v);
  if (a < 1e3) return `$${Math.round(v)}`;
  if (a < 1e6) return `$${(v / 1e3).toFixed(1)}k`;
  if (a < 1e9) return `$${(v / 1e6).toFixed(1)}M`;
  return `$${(v / 1e9).toFixed(1)}B`;
}

/** `12 · $3.1M`: what a shipment edge is labelled with. */
export const shipmentLabel = (count: number, valueUsd: number) => `${count} · ${formatUsd(valueUsd)}`;

/** A number as SVG writes it: rounded to a tenth, no exponent. */
export const num = (n: number) => String(Math.round(n * 10) / 10);

/** Marks a note written on a node or edge. (Not ✎: the fonts briefs embed have no such glyph; a PDF drew nothing.) */
export const ANNOTATION_MARK = '»';
