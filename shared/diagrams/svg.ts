/**
 * A diagram as a standalone SVG document (pure: no DOM, no Node), for the
 * CLI's export and for briefs. It draws from the stored positions and the
 * computed edges of a `DiagramView`: boxes with a glyph per kind, labels and
 * countries; shipment edges as wide as their value with "count · value",
 * coloured (and labelled) by the most urgent CHPL tier of their goods;
 * link edges solid, dashed or dotted by grade; notes; a legend. It refers to
 * nothing outside itself (no remote fonts, images or styles) and writes every
 * label as escaped text. Fonts are named with fallbacks so that Cyrillic and
 * Chinese render wherever Noto (or any sans-serif with those scripts) is.
 */
import type { DiagramView, ViewEdge, ViewNode } from '../domain/diagrams';
import { chplTierColour, drawnTier } from './chpl-colours';
import { COLORS, DASH, legendSvg, LEGEND_HEIGHT, LEGEND_WIDTH } from './svg-legend';
import { ANNOTATION_MARK, escapeXml as x, num, shipmentLabel, wrapText } from './svg-text';

export const SVG_FONT_FAMILY = 'Noto Sans, Noto Sans SC, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif';
const FONT = 13;
const PAD = 40;
const HEADER = 48;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Where the line from the box's centre towards (tx, ty) leaves the box. */
function border(b: Box, tx: number, ty: number): { x: number; y: number } {
  const c = centre(b);
  const dx = tx - c.x;
  const dy = ty - c.y;
  if (dx === 0 && dy === 0) return c;
  const t = Math.min(dx === 0 ? Infinity : b.w / 2 / Math.abs(dx), dy === 0 ? Infinity : b.h / 2 / Math.abs(dy));
  return { x: c.x + dx * t, y: c.y + dy * t };
}

function textLines(lines: string[], x0: number, y0: number, attrs: string, lineHeight = FONT * 1.3): string {
  return lines.map((l, i) => `<text x="${num(x0)}" y="${num(y0 + i * lineHeight)}" ${attrs}>${x(l)}</text>`).join('');
}

function glyph(n: ViewNode): string {
  const gx = n.x + 10;
  const gy = n.y + 10;
  switch (n.kind) {
    case 'entity':
      return `<rect x="${num(gx)}" y="${num(gy)}" width="12" height="14" fill="#1e3a8a"/><rect x="${num(gx + 3)}" y="${num(gy + 3)}" width="2" height="2" fill="#fff"/><rect x="${num(gx + 7)}" y="${num(gy + 3)}" width="2" height="2" fill="#fff"/><rect x="${num(gx + 3)}" y="${num(gy + 8)}" width="2" height="2" fill="#fff"/><rect x="${num(gx + 7)}" y="${num(gy + 8)}" width="2" height="2" fill="#fff"/>`;
    case 'document':
      return `<path d="M${num(gx)} ${num(gy)}h8l4 4v10h-12z" fill="#fff" stroke="#374151"/><path d="M${num(gx + 8)} ${num(gy)}v4h4" fill="none" stroke="#374151"/>`;
    case 'excerpt':
      return `<text x="${num(gx)}" y="${num(gy + 14)}" font-size="22" fill="#92400e">“</text>`;
    case 'note':
      return `<path d="M${num(gx)} ${num(gy)}h12v9l-3 3h-9z" fill="#fde68a" stroke="#92400e"/>`;
    case 'group':
      return '';
  }
}

const FILLS: Record<ViewNode['kind'], string> = {
  entity: '#eff6ff',
  document: '#f9fafb',
  excerpt: '#fffbeb',
  note: '#fef9c3',
  group: 'none',
};

function nodeSvg(n: ViewNode): string {
  const missing = n.missing === true;
  const stroke = missing ? COLORS.missing : n.kind === 'group' ? '#9ca3af' : '#374151';
  const fill = missing
    ? '#f3f4f6'
    : typeof n.style.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(n.style.color)
      ? n.style.color
      : FILLS[n.kind];
  const dash = missing || n.kind === 'group' ? ' stroke-dasharray="6 4"' : '';
  const title = [
    n.label,
    n.detail,
    n.text && n.text !== n.label ? n.text : null,
    missing ? 'removed from the case' : null,
  ]
    .filter(Boolean)
    .join('\n');
  const parts = [`<g class="node node-${n.kind}${missing ? ' missing' : ''}"><title>${x(title)}</title>`];
  parts.push(
    `<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.w)}" height="${num(n.h)}" rx="6" fill="${fill}" stroke="${stroke}"${dash}/>`,
  );
  parts.push(glyph(n));
  const inner = n.kind === 'group' ? n.w - 20 : n.w - 42;
  const left = n.kind === 'group' ? n.x + 10 : n.x + 30;
  // Label lines from a baseline 22 px down, 17 px apart, above the footer line (country, source, "removed") if any.
  const footer = (n.kind === 'entity' && n.country) || n.detail || missing ? 14 : 0;
  const room = Math.max(1, Math.floor((n.h - 8 - footer - 22) / (FONT * 1.3)) + 1);
  const lines = wrapText(n.label, inner / FONT, n.kind === 'group' ? 1 : room);
  parts.push(
    textLines(
      lines,
      left,
      n.y + 22,
      `font-size="${FONT}" fill="${missing ? '#6b7280' : '#111827'}"${missing ? ' text-decoration="line-through"' : ''}`,
    ),
  );
  const foot = missing ? 'removed from the case' : n.kind === 'entity' ? (n.country ?? '') : (n.detail ?? '');
  if (foot) {
    const footLine = wrapText(foot, (n.w - 20) / 11, 1);
    parts.push(
      textLines(
        footLine,
        n.x + n.w - 10,
        n.y + n.h - 8,
        `font-size="11" text-anchor="end" fill="${missing ? COLORS.missing : '#4b5563'}"`,
      ),
    );
  }
  n.annotations.slice(0, 2).forEach((a, i) => {
    parts.push(
      textLines(
        wrapText(`${ANNOTATION_MARK} ${a.text}`, n.w / 11, 1),
        n.x,
        n.y + n.h + 14 + i * 14,
        'font-size="11" font-style="italic" fill="#92400e"',
      ),
    );
  });
  parts.push('</g>');
  return parts.join('');
}

function edgeLabel(e: ViewEdge): string {
  // The tier is also written out, for a reader who cannot tell the colours apart (or prints in grey).
  const tier = drawnTier(e);
  if (e.kind === 'shipment')
    return e.label ?? `${shipmentLabel(e.count ?? 0, e.valueUsd ?? 0)}${tier ? ` · CHPL ${tier}` : ''}`;
  return e.label ?? '';
}

function edgeSvg(e: ViewEdge, boxes: Map<number, Box>, offset: number, maxValue: number): string {
  const a = boxes.get(e.source);
  const b = boxes.get(e.target);
  if (!a || !b) return '';
  const ca = centre(a);
  const cb = centre(b);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  // Edges between the same two nodes are drawn side by side.
  const ox = (-(cb.y - ca.y) / len) * offset;
  const oy = ((cb.x - ca.x) / len) * offset;
  const p = border(a, cb.x + ox, cb.y + oy);
  const q = border(b, ca.x + ox, ca.y + oy);
  const from = { x: p.x + ox, y: p.y + oy };
  const to = { x: q.x + ox, y: q.y + oy };
  const state = e.missing ? 'missing' : e.filteredOut ? 'filtered' : e.kind;
  const tier = drawnTier(e);
  const tierColour = chplTierColour(tier);
  const color = tierColour?.line ?? COLORS[state];
  const ink = tierColour?.ink ?? color;
  const width =
    e.kind === 'shipment' && !e.missing && maxValue > 0
      ? 1.5 + 8.5 * Math.sqrt((e.valueUsd ?? 0) / maxValue)
      : e.kind === 'link'
        ? 2
        : 1.5;
  const dash = e.missing ? '6 4' : e.filteredOut ? '2 3' : e.kind === 'link' && e.grade ? DASH[e.grade] : null;
  const label = edgeLabel(e);
  const title = [
    label,
    e.firstDate ? `${e.firstDate} – ${e.lastDate}` : null,
    e.hsChapters?.length ? `HS ${e.hsChapters.join(', ')}` : null,
    tier ? `goods on the CHPL, most urgent tier ${tier}` : null,
    e.grade,
    e.missing ? 'removed from the case' : null,
  ]
    .filter(Boolean)
    .join('\n');
  // The label sits beside the line: above a lone edge, on the outer side of edges drawn side by side.
  const side = offset === 0 ? -9 : Math.sign(offset) * (Math.abs(offset) + 9);
  const mx = (from.x + to.x) / 2 + (-(cb.y - ca.y) / len) * side;
  const my = (from.y + to.y) / 2 + ((cb.x - ca.x) / len) * side + (side > 0 ? 8 : 0);
  const classes = `edge edge-${e.kind}${e.missing ? ' missing' : ''}${tier ? ` chpl-tier-${x(tier[0]!)}` : ''}`;
  const parts = [`<g class="${classes}"${tier ? ` data-chpl-tier="${x(tier)}"` : ''}><title>${x(title)}</title>`];
  // The arrowhead grows with the line (a marker would vanish under a wide one); the line stops at its base.
  const ux = (to.x - from.x) / (Math.hypot(to.x - from.x, to.y - from.y) || 1);
  const uy = (to.y - from.y) / (Math.hypot(to.x - from.x, to.y - from.y) || 1);
  const head = 8 + width * 1.2;
  const half = 4 + width * 0.9;
  const base = { x: to.x - ux * head, y: to.y - uy * head };
  parts.push(
    `<line x1="${num(from.x)}" y1="${num(from.y)}" x2="${num(base.x)}" y2="${num(base.y)}" stroke="${color}" stroke-width="${num(width)}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    `<path d="M${num(to.x)} ${num(to.y)}L${num(base.x - uy * half)} ${num(base.y + ux * half)}L${num(base.x + uy * half)} ${num(base.y - ux * half)}z" fill="${color}"/>`,
  );
  const halo = 'stroke="#ffffff" stroke-width="4" paint-order="stroke" stroke-linejoin="round"';
  if (label)
    parts.push(
      textLines(wrapText(label, 28, 1), mx, my, `font-size="11" text-anchor="middle" fill="${ink}" ${halo}`, 13),
    );
  e.annotations.slice(0, 2).forEach((n, i) => {
    parts.push(
      textLines(
        wrapText(`${ANNOTATION_MARK} ${n.text}`, 24, 1),
        mx,
        my + 12 + i * 13,
        `font-size="10" font-style="italic" text-anchor="middle" fill="#92400e" ${halo}`,
      ),
    );
  });
  parts.push('</g>');
  return parts.join('');
}

/** Side-by-side offsets for edges that join the same two nodes (either way round). */
function offsets(edges: ViewEdge[]): Map<number, number> {
  const groups = new Map<string, ViewEdge[]>();
  for (const e of edges) {
    const key = e.source < e.target ? `${e.source}:${e.target}` : `${e.target}:${e.source}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out = new Map<number, number>();
  for (const group of groups.values()) {
    group.forEach((e, i) => {
      const slot = (i - (group.length - 1) / 2) * 10;
      // Offsets are perpendicular to the edge's own direction: flip for the ones drawn the other way round.
      out.set(e.id, e.source < e.target ? slot : -slot);
    });
  }
  return out;
}

export function diagramToSvg(view: DiagramView): string {
  const nodes = [...view.nodes].sort((a, b) => Number(b.kind === 'group') - Number(a.kind === 'group') || a.id - b.id);
  const boxes = new Map(nodes.map((n) => [n.id, { x: n.x, y: n.y, w: n.w, h: n.h }]));
  const xs = nodes.flatMap((n) => [n.x, n.x + n.w]);
  const ys = nodes.flatMap((n) => [n.y, n.y + n.h + (n.annotations.length ? 32 : 0)]);
  const minX = (xs.length ? Math.min(...xs) : 0) - PAD;
  const minY = (ys.length ? Math.min(...ys) : 0) - PAD - HEADER;
  const width = Math.max((xs.length ? Math.max(...xs) : 400) - minX + PAD, LEGEND_WIDTH + 2 * PAD);
  const bodyBottom = (ys.length ? Math.max(...ys) : 100) + PAD;
  const height = bodyBottom - minY + LEGEND_HEIGHT + PAD;
  const maxValue = Math.max(
    0,
    ...view.edges.filter((e) => e.kind === 'shipment' && !e.missing).map((e) => e.valueUsd ?? 0),
  );
  const off = offsets(view.edges);
  const f = view.filters;
  const filterLine = [
    f.dateFrom || f.dateTo ? `records ${f.dateFrom ?? '…'} – ${f.dateTo ?? '…'}` : null,
    f.hsChapters.length ? `HS chapters ${f.hsChapters.join(', ')}` : null,
  ].filter(Boolean);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(width)}" height="${num(height)}" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" font-family="${x(SVG_FONT_FAMILY)}">`,
    `<title>${x(view.name)}</title>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    textLines([view.name], minX + PAD, minY + PAD, 'font-size="18" font-weight="bold" fill="#111827"'),
    filterLine.length
      ? textLines([`Shown: ${filterLine.join('; ')}`], minX + PAD, minY + PAD + 20, 'font-size="11" fill="#4b5563"')
      : '',
    ...nodes.filter((n) => n.kind === 'group').map(nodeSvg),
    ...view.edges.map((e) => edgeSvg(e, boxes, off.get(e.id) ?? 0, maxValue)),
    ...nodes.filter((n) => n.kind !== 'group').map(nodeSvg),
    legendSvg(minX + PAD, bodyBottom, view.edges.map(drawnTier)),
    '</svg>\n',
  ].join('');
}
