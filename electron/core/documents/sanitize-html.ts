import type { DocumentFlag } from '../../../shared/domain/documents';

/** Elements removed with everything inside them: active content, remote loads, forms' controls, metadata. */
const DROP = new Set(
  'script noscript template style link meta base title head iframe frame frameset object embed applet param svg math audio video source track canvas picture input button select textarea option optgroup datalist output dialog portal'.split(
    ' ',
  ),
);

/** Elements kept (without their attributes, but for the few below); anything else is replaced by its children. */
const KEEP = new Set(
  'p div section article h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code em strong b i u s sub sup small mark br hr table thead tbody tfoot tr th td caption figure figcaption span a img abbr cite q time'.split(
    ' ',
  ),
);

const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

/**
 * Cleans a DOM in place to static, self-contained content: no scripts, no
 * event handlers, no styles (CSS can load URLs), no forms, no frames and no
 * remote loads (images that are not inline data become a text placeholder,
 * links lose their targets). Returns what was removed, as document flags.
 */
export function sanitizeTree(root: Element): DocumentFlag[] {
  const flags = new Set<DocumentFlag>();
  const doc = root.ownerDocument;
  const walk = (el: Element): void => {
    for (const child of [...el.children]) {
      const tag = child.tagName.toLowerCase();
      if (DROP.has(tag)) {
        if (tag === 'script' || tag === 'noscript') flags.add('scripts_removed');
        else if (
          tag === 'style' ? /url\(|@import/i.test(child.textContent ?? '') : !['title', 'head', 'meta'].includes(tag)
        ) {
          flags.add('remote_content_removed');
        }
        child.remove();
        continue;
      }
      walk(child);
      if (tag === 'img') {
        const src = child.getAttribute('src') ?? '';
        const alt = child.getAttribute('alt') ?? '';
        if (SAFE_IMAGE.test(src)) {
          stripAttributes(child, flags, ['src', 'alt']);
        } else {
          if (src) flags.add('remote_content_removed');
          const placeholder = doc.createElement('span');
          placeholder.textContent = `[image${alt ? `: ${alt}` : ''}]`;
          child.replaceWith(placeholder);
        }
        continue;
      }
      if (!KEEP.has(tag)) {
        stripAttributes(child, flags, []);
        child.replaceWith(...child.childNodes);
        continue;
      }
      const href = tag === 'a' ? child.getAttribute('href') : null;
      stripAttributes(child, flags, tag === 'td' || tag === 'th' ? ['colspan', 'rowspan'] : []);
      // Where a link pointed stays readable (as a tooltip) but is no longer a link.
      if (href && /^https?:/i.test(href)) child.setAttribute('title', href);
    }
  };
  walk(root);
  return [...flags];
}

function stripAttributes(el: Element, flags: Set<DocumentFlag>, keep: string[]): void {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    if (name.startsWith('on') || /^\s*javascript:/i.test(attr.value)) flags.add('scripts_removed');
    if (
      (name === 'src' ||
        name === 'srcset' ||
        name === 'background' ||
        name === 'poster' ||
        (name === 'style' && /url\(/i.test(attr.value))) &&
      !keep.includes(name)
    ) {
      flags.add('remote_content_removed');
    }
    if (!keep.includes(name)) el.removeAttribute(attr.name);
  }
}

/** The viewer's frame: nothing may load or run even if something slipped through. */
export const VIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function viewDocument(title: string, sectionsHtml: string): string {
  const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}"><title>${esc}</title><style>body{font-family:serif;max-width:42em;margin:1.5em auto;padding:0 1em;line-height:1.5}section[data-page]{border-bottom:1px dashed #bbb;padding-bottom:1em;margin-bottom:1em}section[data-page]::before{content:'Page ' attr(data-page);display:block;font:12px sans-serif;color:#889}img{max-width:100%}mark{background:#ffe066}</style></head><body>${sectionsHtml}</body></html>`;
}
