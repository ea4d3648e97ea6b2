import { groupIntoPages } from './paginate';
import { cleanText } from './extracted';

const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'body', 'figure']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'figure',
  'figcaption',
  'hr',
]);

/**
 * The readable blocks of a sanitized tree: containers are opened up, so
 * that a page can end between any two paragraphs; loose text in a
 * container becomes a paragraph of its own.
 */
export function blocksOf(root: Element): Element[] {
  const out: Element[] = [];
  const doc = root.ownerDocument;
  const visit = (el: Element) => {
    for (const node of [...el.childNodes]) {
      if (node.nodeType === 3) {
        if (node.textContent?.trim()) {
          const p = doc.createElement('p');
          p.textContent = node.textContent.trim();
          out.push(p);
        }
      } else if (node.nodeType === 1) {
        const child = node as Element;
        const tag = child.tagName.toLowerCase();
        if (
          CONTAINERS.has(tag) &&
          child.children.length > 0 &&
          [...child.children].some((c) => BLOCKS.has(c.tagName.toLowerCase()))
        )
          visit(child);
        else if (BLOCKS.has(tag) || child.textContent?.trim()) out.push(child);
      }
    }
  };
  visit(root);
  return out;
}

/** A block's text as a reader sees it: one line per paragraph, list item, table row; cells apart by a space. */
export function blockText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      parts.push(pre ? (node.textContent ?? '') : (node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'br') return void parts.push('\n');
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n');
    if (tag === 'td' || tag === 'th') parts.push(' ');
    for (const child of [...node.childNodes]) walk(child, pre || tag === 'pre');
    if (block) parts.push('\n');
  };
  walk(el, false);
  return cleanText(
    parts
      .join('')
      .split('\n')
      .map((l) => l.replace(/^ +| +$/g, ''))
      .join('\n')
      .replace(/\n{2,}/g, '\n'),
  );
}

/** Sanitized blocks into logical pages: each page's text, and its HTML as `<section data-page="N">`. */
export function paginateBlocks(blocks: Element[]): { pages: string[]; sectionsHtml: string } {
  const withText = blocks
    .map((el) => ({ el, text: blockText(el) }))
    .filter((b) => b.text !== '' || b.el.querySelector('img'));
  const groups = groupIntoPages(withText, (b) => b.text.length + 2);
  if (groups.length === 0) return { pages: [''], sectionsHtml: '<section data-page="1"></section>' };
  const pages = groups.map((g) =>
    g
      .map((b) => b.text)
      .filter(Boolean)
      .join('\n\n'),
  );
  const sectionsHtml = groups
    .map((g, i) => `<section data-page="${i + 1}">${g.map((b) => b.el.outerHTML).join('\n')}</section>`)
    .join('\n');
  return { pages, sectionsHtml };
}
