/**
 * The colours of shipment edges by the most urgent CHPL tier of the goods
 * behind them, written once for the SVG export, briefs and the canvas.
 *
 * Four colours, one per tier (3.A and 3.B share one, as do 4.A and 4.B:
 * six hues on thin lines could not be told apart). They follow the
 * Okabe–Ito set, which stays distinct under the common colour blindnesses
 * (vermilion and amber are its own; the dark red and the reddish purple
 * are darkened for thin lines on white), and none is the blue of an edge
 * with no listed goods. Tier 1 is the darkest, tier 3 the lightest; as 2
 * and 4 come out alike in grey, edge labels also name the tier. Each has a
 * darker ink for text, readable on white (the amber line itself is not).
 */
import type { ViewEdge } from '../domain/diagrams';
import { CHPL_TIERS, type ChplTier } from '../goods/hs-codes';

export interface TierColour {
  /** The line and arrowhead. */
  line: string;
  /** Text drawn in the tier's colour (labels), dark enough to read on white. */
  ink: string;
}

const BY_GROUP: Record<'1' | '2' | '3' | '4', TierColour> = {
  '1': { line: '#8e1b1b', ink: '#8e1b1b' }, // dark red
  '2': { line: '#d55e00', ink: '#a84a00' }, // vermilion
  '3': { line: '#e69f00', ink: '#7f5600' }, // amber
  '4': { line: '#b4569a', ink: '#8e3f79' }, // reddish purple
};

/** The colour of a shipment edge whose goods' most urgent tier is `tier`; null (the plain shipment colour) off the list. */
export function chplTierColour(tier: ChplTier | null | undefined): TierColour | null {
  return tier ? BY_GROUP[tier[0] as keyof typeof BY_GROUP] : null;
}

/** The tier an edge is drawn in: a shipment's, while records within the diagram's filters are behind it. */
export const drawnTier = (e: ViewEdge): ChplTier | null =>
  e.kind === 'shipment' && !e.missing && !e.filteredOut ? (e.chplTier ?? null) : null;

/** One entry of a key: a colour and the tiers (as the CHPL names them) it stands for. */
export interface TierKeyEntry extends TierColour {
  tiers: ChplTier[];
  /** "CHPL tier 1", "CHPL tier 3.A / 3.B". */
  label: string;
}

/**
 * The key to the tier colours for the tiers given (an edge's tier each; nulls ignored): only the tiers
 * present, one entry per colour, most urgent first. A key that listed all four would claim colours the
 * drawing does not use.
 */
export function chplTierKey(tiers: Iterable<ChplTier | null | undefined>): TierKeyEntry[] {
  const present = new Set(tiers);
  const out: TierKeyEntry[] = [];
  for (const tier of CHPL_TIERS) {
    if (!present.has(tier)) continue;
    const colour = chplTierColour(tier)!;
    const same = out.find((k) => k.line === colour.line);
    if (same) same.tiers.push(tier);
    else out.push({ ...colour, tiers: [tier], label: '' });
  }
  for (const k of out) k.label = `CHPL tier ${k.tiers.join(' / ')}`;
  return out;
}
