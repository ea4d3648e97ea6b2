import type { Counterparty } from '../../../../shared/domain/entities';
import { useHsTexts } from '../../components/hs-texts';
import { SanctionsBadge, useSanctionHits } from '../../components/SanctionsBadge';
import type { EntityRecordsAsk } from '../records/record-route';

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;

/** Which way the goods went, in words: "→ 16 sent", "← 1 received", or both. */
function directions(c: Counterparty): string {
  const parts: string[] = [];
  if (c.sent) parts.push(`→ ${c.sent.toLocaleString('en-US')} sent`);
  if (c.received) parts.push(`← ${c.received.toLocaleString('en-US')} received`);
  return parts.join(' · ');
}

interface Props {
  entityId: number;
  entityName: string;
  rows: Counterparty[];
  onOpen(id: number): void;
  onRecords(ask: EntityRecordsAsk): void;
}

/**
 * The entity's story first: everyone it trades with, one row each (both
 * directions), with the records behind each number one click away.
 */
export function Counterparties({ entityId, entityName, rows, onOpen, onRecords }: Props) {
  const hits = useSanctionHits(rows.map((c) => c.entityId));
  const hsTexts = useHsTexts(rows.flatMap((c) => c.hsChapters));
  if (rows.length === 0)
    return (
      <section aria-label="Counterparties">
        <h4>Counterparties</h4>
        <p className="muted small">No record names this company opposite another (shipper and consignee).</p>
      </section>
    );
  const open = (c: Counterparty, more: Partial<EntityRecordsAsk> = {}) =>
    onRecords({ entityId, counterpartyId: c.entityId, ...more });
  return (
    <section aria-label="Counterparties">
      <h4>Counterparties ({rows.length})</h4>
      <table className="entity-table counterparties">
        <thead>
          <tr>
            <th>Counterparty</th>
            <th>Direction</th>
            <th className="right">Records</th>
            <th className="right">Value (USD)</th>
            <th>First</th>
            <th>Last</th>
            <th>HS chapters</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.entityId} data-counterparty={c.entityId}>
              <td>
                <button
                  className="link counterparty"
                  onClick={() => onOpen(c.entityId)}
                  title={`Open entity ${c.entityId}`}
                >
                  {c.name}
                </button>
                {c.country && <span className="muted small"> {c.country}</span>}
                <SanctionsBadge summary={hits.get(c.entityId) ?? null} />
              </td>
              <td className="nowrap small">{directions(c)}</td>
              <td className="right">
                <button
                  className="link number"
                  onClick={() => open(c)}
                  aria-label={`${c.count} records between ${entityName} and ${c.name}`}
                >
                  {c.count.toLocaleString('en-US')}
                </button>
              </td>
              <td className="right">
                <button
                  className="link number"
                  onClick={() => open(c)}
                  aria-label={`${usd(c.valueUsd)} in the records between ${entityName} and ${c.name}`}
                >
                  {usd(c.valueUsd)}
                </button>
              </td>
              <td className="nowrap">{c.firstDate ?? '—'}</td>
              <td className="nowrap">{c.lastDate ?? '—'}</td>
              <td>
                <div className="hs-chapters">
                  {c.hsChapters.map((ch) => (
                    <button
                      key={ch}
                      className="link hs"
                      onClick={() => open(c, { hsPrefix: ch })}
                      // The name starts with what the button shows (chapter, then its text), then says what it opens.
                      aria-label={`${ch}${hsTexts.has(ch) ? ` ${hsTexts.get(ch)}` : ''}: HS chapter records between ${entityName} and ${c.name}`}
                      title={hsTexts.get(ch)}
                    >
                      {ch}
                      {hsTexts.has(ch) && <span className="hs-text"> {hsTexts.get(ch)}</span>}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
