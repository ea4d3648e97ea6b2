import type { EntityDetail } from '../../../../shared/domain/entities';

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;

/** The last day a yyyy-mm month can have: as an ISO date bound it takes in every day of the month. */
const monthEnd = (month: string) => `${month}-31`;

/** Which months get a label under the axis: the first, each January, and each quarter when the span is short. */
function labelOf(month: string, index: number, months: number): string | null {
  const mm = month.slice(5);
  if (index === 0 || mm === '01') return months > 24 && index !== 0 ? month.slice(0, 4) : month;
  if (months <= 24 && ['04', '07', '10'].includes(mm)) return month;
  return null;
}

interface Props {
  timeline: EntityDetail['timeline'];
  onMonth(range: { dateFrom: string; dateTo: string }): void;
}

/**
 * Records per month on a dated axis, every month from the first to the last:
 * a month without records is a visible gap, not a missing column. Each bar
 * opens the month's records.
 */
export function Timeline({ timeline, onMonth }: Props) {
  if (timeline.length === 0)
    return (
      <section aria-label="Timeline">
        <h4>Timeline</h4>
        <p className="muted small">No dated record names this company.</p>
      </section>
    );
  const max = Math.max(1, ...timeline.map((t) => t.count));
  const empty = timeline.filter((t) => t.count === 0).length;
  const columns = { gridTemplateColumns: `repeat(${timeline.length}, minmax(3px, 1fr))` };
  return (
    <section aria-label="Timeline">
      <h4>
        Timeline{' '}
        <span className="muted small">
          records per month, {timeline[0]!.month} to {timeline[timeline.length - 1]!.month}
          {empty > 0 && `; ${empty} ${empty === 1 ? 'month' : 'months'} without records`}
        </span>
      </h4>
      <div className="timeline-chart">
        <span className="timeline-max muted small" aria-hidden="true" title="records in the busiest month">
          {max}
        </span>
        <span className="timeline-zero muted small" aria-hidden="true">
          0
        </span>
        <div className="timeline-bars" style={columns} role="group" aria-label="Records per month">
          {timeline.map((t) =>
            t.count > 0 ? (
              <button
                key={t.month}
                className="timeline-bar"
                title={`${t.month}: ${t.count} records, ${usd(t.valueUsd)}`}
                aria-label={`${t.month}: ${t.count} records, ${usd(t.valueUsd)}`}
                onClick={() => onMonth({ dateFrom: `${t.month}-01`, dateTo: monthEnd(t.month) })}
              >
                <span style={{ height: `${(t.count / max) * 100}%` }} />
              </button>
            ) : (
              <span key={t.month} className="timeline-gap" title={`${t.month}: no records`} />
            ),
          )}
        </div>
        <div className="timeline-axis" style={columns} aria-hidden="true">
          {timeline.map((t, i) => (
            <span key={t.month}>{labelOf(t.month, i, timeline.length)}</span>
          ))}
        </div>
      </div>
    </section>
  );
}
