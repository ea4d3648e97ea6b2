/**
 * Marks every occurrence of the terms inside an element's text nodes with
 * <mark class="hit"> (case-insensitive; for a quote, its words may be split
 * across lines). Only text nodes are touched, so the text itself — and the
 * offsets of excerpts into it — stay exactly the same.
 */
export function highlightTerms(root: Element, terms: string[]): number {
  const words = terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (words.length === 0) return 0;
  const re = termPattern(words);
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    re.lastIndex = 0;
    if (!re.test(text)) continue;
    re.lastIndex = 0;
    const frag = doc.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(re)) {
      frag.append(text.slice(last, m.index));
      const mark = doc.createElement('mark');
      mark.className = 'hit';
      mark.textContent = m[0];
      frag.append(mark);
      last = m.index + m[0].length;
      count++;
    }
    frag.append(text.slice(last));
    node.replaceWith(frag);
  }
  return count;
}

/** Removes the marks again (before highlighting other terms). */
export function clearHighlights(root: Element): void {
  for (const mark of [...root.querySelectorAll('mark.hit')]) mark.replaceWith(...mark.childNodes);
  root.normalize();
}

/** The terms to highlight for a quote: the quote itself, or its longest words when it runs across lines. */
export function quoteTerms(quote: string): string[] {
  const oneLine = quote.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 60
    ? [oneLine, ...oneLine.split(' ').filter((w) => w.length > 3)]
    : oneLine.split(' ').filter((w) => w.length > 3);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The terms as the search matched them: words from their start (a prefix,
 * as the index does: "Ude" marks "Ude", not "included"), Chinese and other
 * unspaced scripts anywhere. Longest first, so a phrase wins over its words.
 */
export function termPattern(words: string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => (CJK.test(w) ? escape(w) : `(?<![\\p{L}\\p{N}])${escape(w).replace(/\s+/g, '\\s+')}`));
  return new RegExp(parts.join('|'), 'giu');
}

/** Scrolls only the given container (never the page around it) so that `el` is in its middle. */
export function scrollWithin(container: Element | null, el: Element | null): void {
  if (!container || !el) return;
  // A document's own scroller (inside a frame) measures from the viewport, not from its own box.
  const isRoot = container === container.ownerDocument.scrollingElement;
  const c = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const top = isRoot ? 0 : c.top;
  const height = isRoot ? container.clientHeight : c.height;
  container.scrollTop += r.top - top - (height - Math.min(r.height, height)) / 2;
}
