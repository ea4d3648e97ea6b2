import { chplTierColour, chplTierKey } from '../../../../shared/diagrams/chpl-colours';
import { CHPL_TIERS, type ChplTier } from '../../../../shared/goods/hs-codes';

/**
 * The CHPL tier of a shipment edge, as the canvas and the SVG export colour it: a chip in the tier's
 * colour that also names the tier (a colour alone would be lost on a reader who cannot tell them apart).
 */
export function ChplTierChip({ tier }: { tier: ChplTier }) {
  return (
    <span className="chpl-chip" style={{ background: chplTierColour(tier)!.ink }} title={`CHPL tier ${tier}`}>
      CHPL {tier}
    </span>
  );
}

/** The inspector's line for a shipment edge's tier, and the key to the four edge colours. */
export function ChplTierFacts({ tier }: { tier: ChplTier | null }) {
  return (
    <>
      <dt>CHPL</dt>
      <dd data-testid="edge-chpl-tier">
        {tier ? (
          <>
            <ChplTierChip tier={tier} /> tier {tier}, the most urgent of the goods behind it
          </>
        ) : (
          'none of its goods is on the Common High Priority List'
        )}
      </dd>
      <dt>Colours</dt>
      <dd>
        <ul className="chpl-key" aria-label="Shipment edge colours by most urgent CHPL tier">
          {chplTierKey(CHPL_TIERS).map((k) => (
            <li key={k.label}>
              <span className="chpl-swatch" style={{ background: k.line }} aria-hidden /> tier {k.tiers.join(' / ')}
            </li>
          ))}
          <li>
            <span className="chpl-swatch plain" aria-hidden /> not on the list
          </li>
        </ul>
      </dd>
    </>
  );
}
