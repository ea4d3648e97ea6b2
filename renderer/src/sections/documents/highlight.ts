/**
 * Marks every occurrence of the terms inside an element's text nodes with
 * <mark class="hit"> (case-insensitive; for a quote, its words may be split
 * across lines). Only text nodes are touched, so the text itself — and the
 * offsets of excerpts into it — stay exactly the same.
 */
export function highlightTerms(root: Element, terms: string[]): number {
  const words = terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (words.length === 0) return 0;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(words.map(escape).sort((a, b) => b.length - a.length).join('|'), 'giu');
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
  return oneLine.length <= 60 ? [oneLine, ...oneLine.split(' ').filter((w) => w.length > 3)] : oneLine.split(' ').filter((w) => w.length > 3);
}
