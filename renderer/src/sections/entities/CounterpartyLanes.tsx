import { useState } from 'react';
import { TimelinePanel } from '../diagrams/Timeline';
import '../diagrams/timeline.css';
import type { EntityRecordsAsk } from '../records/record-route';

interface Props {
  entityId: number;
  revision: number;
  onRecords(ask: EntityRecordsAsk): void;
}

/**
 * The entity's shipments on a time axis, one lane per counterparty (the
 * diagram's timeline, for one entity): a lane opens the records with that
 * counterparty, a brushed range the entity's records in those dates.
 */
export function CounterpartyLanes({ entityId, revision, onRecords }: Props) {
  const [range, setRange] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const dated = { ...(range.from ? { dateFrom: range.from } : {}), ...(range.to ? { dateTo: range.to } : {}) };
  return (
    <section aria-label="Shipments by counterparty" className="counterparty-lanes">
      <h4>
        Shipments by counterparty{' '}
        {(range.from || range.to) && (
          <button className="link small" onClick={() => onRecords({ entityId, ...dated })}>
            Records from {range.from ?? 'the start'} to {range.to ?? 'the end'} →
          </button>
        )}
      </h4>
      <TimelinePanel
        entityId={entityId}
        version={revision}
        range={range}
        onRange={(from, to) => setRange({ from, to })}
        onLaneClick={(lane) => onRecords({ entityId, counterpartyId: lane.target, ...dated })}
      />
    </section>
  );
}
