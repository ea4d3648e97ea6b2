/** The legend under an exported diagram, and the colours and line styles it explains. */
import type { Grade } from '../domain/diagrams';
import type { ChplTier } from '../goods/hs-codes';
import { chplTierKey } from './chpl-colours';
import { ANNOTATION_MARK, escapeXml as x, num } from './svg-text';

export const COLORS = {
  shipment: '#2563eb',
  link: '#7c3aed',
  free: '#6b7280',
  missing: '#dc2626',
  filtered: '#9ca3af',
};
/** Link lines by grade: the surer, the more solid. */
export const DASH: Record<Grade, string | null> = { confirmed: null, tentative: '8 5', unconfirmed: '2 4' };

export const LEGEND_WIDTH = 640;
export const LEGEND_HEIGHT = 134;

const line = (x0: number, y: number, color: string, width: number, dash: string | null) =>
  `<line x1="${num(x0)}" y1="${num(y)}" x2="${num(x0 + 36)}" y2="${num(y)}" stroke="${color}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;

const label = (x0: number, y: number, text: string) =>
  `<text x="${num(x0)}" y="${num(y + 4)}" font-size="11" fill="#374151">${x(text)}</text>`;

/**
 * The CHPL row: the tier colours the diagram uses (`tiers`: each shipment edge's, null for none), or that
 * none of its shipments carries listed goods — so a reader knows the plain colour means "not on the list".
 */
function tierRow(left: number, y: number, tiers: readonly (ChplTier | null)[]): string {
  const key = chplTierKey(tiers);
  if (key.length === 0)
    return label(left + 12, y, 'No shipment here carries goods on the CHPL (Common High Priority List).');
  return [
    label(left + 12, y, 'Colour by CHPL tier:'),
    ...key.map((k, i) => {
      const at = left + 140 + i * 120;
      return `<g class="legend-chpl" data-tiers="${x(k.tiers.join(' '))}">${line(at, y, k.line, 4, null)}${label(at + 40, y, `tier ${k.tiers.join(' / ')}`)}</g>`;
    }),
  ].join('');
}

export function legendSvg(left: number, top: number, tiers: readonly (ChplTier | null)[] = []): string {
  const y0 = top + 22;
  const y1 = y0 + 22; // the rows under the CHPL row
  const rows: string[] = [
    `<g class="legend"><rect x="${num(left)}" y="${num(top)}" width="${LEGEND_WIDTH}" height="${LEGEND_HEIGHT - 12}" rx="6" fill="#f9fafb" stroke="#d1d5db"/>`,
    `<text x="${num(left + 12)}" y="${num(top + 16)}" font-size="11" font-weight="bold" fill="#111827">Legend</text>`,
    line(left + 12, y0 + 8, COLORS.shipment, 2, null),
    line(left + 52, y0 + 8, COLORS.shipment, 8, null),
    label(left + 96, y0 + 8, 'Shipments, shipper → consignee: width by value; label records · USD (· CHPL tier)'),
    tierRow(left, y0 + 30, tiers),
    line(left + 12, y1 + 30, COLORS.link, 2, DASH.confirmed),
    label(left + 52, y1 + 30, 'confirmed'),
    line(left + 120, y1 + 30, COLORS.link, 2, DASH.tentative),
    label(left + 160, y1 + 30, 'tentative'),
    line(left + 226, y1 + 30, COLORS.link, 2, DASH.unconfirmed),
    label(left + 266, y1 + 30, 'unconfirmed link'),
    line(left + 372, y1 + 30, COLORS.free, 1.5, null),
    label(left + 412, y1 + 30, 'drawn line'),
    line(left + 490, y1 + 30, COLORS.missing, 1.5, '6 4'),
    label(left + 530, y1 + 30, 'removed'),
    `<rect x="${num(left + 12)}" y="${num(y1 + 46)}" width="12" height="14" fill="#1e3a8a"/>`,
    label(left + 30, y1 + 53, 'entity (country)'),
    `<path d="M${num(left + 130)} ${num(y1 + 46)}h8l4 4v10h-12z" fill="#fff" stroke="#374151"/>`,
    label(left + 148, y1 + 53, 'document'),
    `<text x="${num(left + 216)}" y="${num(y1 + 62)}" font-size="22" fill="#92400e">“</text>`,
    label(left + 232, y1 + 53, 'excerpt'),
    `<path d="M${num(left + 296)} ${num(y1 + 46)}h12v9l-3 3h-9z" fill="#fde68a" stroke="#92400e"/>`,
    label(left + 314, y1 + 53, `note   ${ANNOTATION_MARK} annotation`),
    '</g>',
  ];
  return rows.join('');
}
