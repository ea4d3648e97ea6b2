/**
 * Draws a diagram in the PDF from the very SVG the export writes
 * (`diagramToSvg` in shared/): that SVG is the one description of how a
 * diagram looks, and this turns its few element kinds (svg, g, rect, line,
 * path, text) into react-pdf's vector primitives, so the PDF's diagram is
 * vector with its labels as text, and never drifts from the SVG export.
 * It reads only what `diagramToSvg` writes (well-formed, attributes in
 * double quotes, text escaped), not SVG in general.
 */
import type { ReactElement } from 'react';
import type { PdfLib } from './load';

interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  children: (SvgNode | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

export function parseSvg(svg: string): SvgNode {
  const root: SvgNode = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const token = /<\?[^>]*\?>|<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][\w:-]*="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const m of svg.matchAll(token)) {
    const [, close, tag, attrText, selfClose, text] = m;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (text.trim()) top.children.push(unescape(text));
    } else if (tag && close) {
      if (stack.length > 1) stack.pop();
    } else if (tag) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([a-zA-Z][\w:-]*)="([^"]*)"/g)) attrs[a[1]!] = unescape(a[2]!);
      const node: SvgNode = { tag, attrs, children: [] };
      top.children.push(node);
      if (!selfClose) stack.push(node);
    }
  }
  const svgNode = root.children.find((c): c is SvgNode => typeof c !== 'string' && c.tag === 'svg');
  if (!svgNode) throw new Error('not an SVG document');
  return svgNode;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** Presentation attributes react-pdf draws; the rest (title, paint-order, class…) is left out. */
const KEPT = new Set([
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'width',
  'height',
  'rx',
  'd',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'font-size',
  'font-weight',
  'text-anchor',
]);

function props(attrs: Record<string, string>, text: boolean): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (!KEPT.has(k)) continue;
    // A text's white stroke is a halo under it in SVG (paint-order); react-pdf would draw it over the letters.
    if (text && (k === 'stroke' || k === 'stroke-width')) continue;
    out[camel(k)] = /^-?[\d.]+$/.test(v) ? Number(v) : v;
  }
  return out;
}

/**
 * The SVG as a react-pdf `Svg` of at most `maxWidth` × `maxHeight` points
 * (scaled to fit, never up more than 1.5×), its text in `fontFamily`.
 */
export function svgToPdf(
  lib: PdfLib,
  svg: string,
  box: { maxWidth: number; maxHeight: number },
  fontFamily: string[],
): ReactElement {
  const { h, R } = lib;
  const root = parseSvg(svg);
  const width = Number(root.attrs.width);
  const height = Number(root.attrs.height);
  const scale = Math.min(box.maxWidth / width, box.maxHeight / height, 1.5);
  let key = 0;
  const draw = (n: SvgNode): ReactElement | null => {
    const k = key++;
    switch (n.tag) {
      case 'g':
        return h(R.G, { key: k }, ...n.children.map((c) => (typeof c === 'string' ? null : draw(c))));
      case 'rect':
        return h(R.Rect, { key: k, ...props(n.attrs, false) } as never);
      case 'line':
        return h(R.Line, { key: k, ...props(n.attrs, false) } as never);
      case 'path':
        return h(R.Path, { key: k, ...props(n.attrs, false) } as never);
      case 'text': {
        const content = n.children.filter((c): c is string => typeof c === 'string').join('');
        return h(R.Text, { key: k, ...props(n.attrs, true), fontFamily } as never, content);
      }
      default:
        return null;
    }
  };
  return h(
    R.Svg,
    { width: width * scale, height: height * scale, viewBox: root.attrs.viewBox },
    ...root.children.map((c) => (typeof c === 'string' ? null : draw(c))),
  );
}
