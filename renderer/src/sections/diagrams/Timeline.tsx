import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Timeline as TimelineData, TimelineLane } from '../../../../shared/domain/diagrams';
import { client } from '../../api/client';
import { monthlyTotals, monthsBetween, rangeOfBrush, xOfDate } from './timeline-axis';
import './timeline.css';

const LABEL_W = 260;
const MONTH_W = 34;
const LANE_H = 24;
const AXIS_H = 34;
/** A press that moves less than this is a click (clears the range), not a brush. */
const CLICK_PX = 3;

export interface DateRange {
  from: string | null;
  to: string | null;
}

export interface TimelineProps {
  timeline: TimelineData;
  /** The range the diagram is filtered to now, drawn as the brush. */
  range: DateRange;
  /** A brushed range (inclusive ISO dates), or nulls when it is cleared. */
  onRange(from: string | null, to: string | null): void;
  onLaneClick?(lane: TimelineLane): void;
}

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const monthName = (m: string) =>
  new Date(`${m}-01T00:00:00Z`).toLocaleString('en', { month: 'short', timeZone: 'UTC' });

/**
 * Shipments on a time axis, one lane per shipper → consignee pair, a bar per
 * month (height by value, so that one big shipment outweighs many small
 * ones, as on the edges). Drag across the plot to choose a date range; a
 * click clears it; the date fields do the same from the keyboard.
 */
export function Timeline({ timeline, range, onRange, onLaneClick }: TimelineProps) {
  const months = useMemo(
    () => (timeline.firstDate && timeline.lastDate ? monthsBetween(timeline.firstDate, timeline.lastDate) : []),
    [timeline],
  );
  const totals = useMemo(() => timeline.lanes.map((l) => monthlyTotals(l, months)), [timeline, months]);
  const maxMonth = Math.max(1, ...totals.flat().map((t) => t.valueUsd));
  const plot = useRef<SVGGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);

  if (months.length === 0) return <p className="muted shipment-timeline-empty">No dated shipments yet.</p>;

  const width = months.length * MONTH_W;
  const height = AXIS_H + timeline.lanes.length * LANE_H;
  const xAt = (e: ReactPointerEvent) => e.clientX - plot.current!.getBoundingClientRect().left;
  const onDown = (e: ReactPointerEvent<SVGRectElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x0: xAt(e), x1: xAt(e) });
  };
  const onMove = (e: ReactPointerEvent) => drag && setDrag({ ...drag, x1: xAt(e) });
  const onUp = () => {
    if (!drag) return;
    setDrag(null);
    if (Math.abs(drag.x1 - drag.x0) < CLICK_PX) return onRange(null, null);
    const r = rangeOfBrush(drag.x0, drag.x1, months, MONTH_W);
    onRange(r.from, r.to);
  };
  const brush = drag
    ? { x: Math.min(drag.x0, drag.x1), w: Math.abs(drag.x1 - drag.x0) }
    : range.from || range.to
      ? (() => {
          const x0 = xOfDate(range.from ?? `${months[0]}-01`, months, MONTH_W);
          // The brush covers the last day whole.
          const x1 = range.to ? xOfDate(range.to, months, MONTH_W) + MONTH_W / 31 : width;
          return { x: x0, w: Math.max(2, x1 - x0) };
        })()
      : null;

  return (
    <div className="shipment-timeline" data-testid="timeline">
      <div className="shipment-timeline-controls">
        <label>
          From{' '}
          <input
            type="date"
            aria-label="Timeline from"
            value={range.from ?? ''}
            onChange={(e) => onRange(e.target.value || null, range.to)}
          />
        </label>
        <label>
          to{' '}
          <input
            type="date"
            aria-label="Timeline to"
            value={range.to ?? ''}
            onChange={(e) => onRange(range.from, e.target.value || null)}
          />
        </label>
        {(range.from || range.to) && (
          <button type="button" onClick={() => onRange(null, null)}>
            All dates
          </button>
        )}
        <span className="muted small">
          {laneCount(timeline)}
          {timeline.leftOut > 0 && `, ${timeline.leftOut} smaller not shown`}; drag across the months to choose dates
        </span>
      </div>
      {/* Focusable: the keys scroll it when the months run wider than the panel. */}
      <div className="shipment-timeline-scroll" tabIndex={0} aria-label="Shipments over time (scrolls)">
        <svg width={LABEL_W + width} height={height} role="img" aria-label="Shipments over time">
          {timeline.lanes.map((lane, i) => (
            <g
              key={`${lane.source}>${lane.target}`}
              className="shipment-timeline-lane-label"
              transform={`translate(0 ${AXIS_H + i * LANE_H})`}
              onClick={() => onLaneClick?.(lane)}
            >
              <title>{`${laneName(lane)}: ${lane.count} records, ${usd.format(lane.valueUsd)}`}</title>
              <text x={6} y={LANE_H / 2 + 4}>
                {lane.direction
                  ? `${ARROWS[lane.direction]} ${clip(lane.targetName, 32)}`
                  : `${clip(lane.sourceName)} → ${clip(lane.targetName)}`}
              </text>
            </g>
          ))}
          <g ref={plot} transform={`translate(${LABEL_W} 0)`}>
            {months.map((m, i) => (
              <g key={m} transform={`translate(${i * MONTH_W} 0)`}>
                <rect
                  className={i % 2 ? 'shipment-timeline-month odd' : 'shipment-timeline-month'}
                  width={MONTH_W}
                  height={height}
                />
                <text className="shipment-timeline-tick" x={MONTH_W / 2} y={13}>
                  {monthName(m)}
                </text>
                {(i === 0 || m.endsWith('-01')) && (
                  <text className="shipment-timeline-year" x={2} y={27}>
                    {m.slice(0, 4)}
                  </text>
                )}
              </g>
            ))}
            {totals.map((lane, i) =>
              lane.map((t, j) => {
                if (t.count === 0) return null;
                const h = Math.max(2, Math.sqrt(t.valueUsd / maxMonth) * (LANE_H - 6));
                return (
                  <rect
                    key={`${i}:${j}`}
                    className="shipment-timeline-bar"
                    x={j * MONTH_W + 3}
                    y={AXIS_H + (i + 1) * LANE_H - 3 - h}
                    width={MONTH_W - 6}
                    height={h}
                  >
                    <title>{`${months[j]}: ${t.count} record${t.count === 1 ? '' : 's'}, ${usd.format(t.valueUsd)}`}</title>
                  </rect>
                );
              }),
            )}
            {brush && (
              <rect className="shipment-timeline-brush" x={brush.x} y={AXIS_H - 4} width={brush.w} height={height} />
            )}
            <rect
              className="shipment-timeline-hit"
              data-testid="timeline-plot"
              width={width}
              height={height}
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
              onPointerCancel={() => setDrag(null)}
            />
          </g>
        </svg>
      </div>
    </div>
  );
}

/** Both names of a pair fit the label column: each cut to 15 characters (the full names are in the tooltip). */
const clip = (s: string, n = 15) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** An entity's lane is its counterparty, marked by which way the goods went. */
const ARROWS = { out: '→', in: '←', both: '⇄' } as const;
const laneName = (l: TimelineLane) =>
  l.direction === 'in'
    ? `${l.targetName} → ${l.sourceName}`
    : `${l.sourceName} ${l.direction === 'both' ? '⇄' : '→'} ${l.targetName}`;
const laneCount = (t: TimelineData) => {
  const n = t.lanes.length;
  if (t.lanes[0]?.direction) return `${n} ${n === 1 ? 'counterparty' : 'counterparties'}`;
  return `${n} pair${n === 1 ? '' : 's'}`;
};

/**
 * The timeline of a diagram (or of an entity), read from the case; `version` changes when the
 * diagram's edges may have (an edit, an undo, a merge) to read it again.
 */
export function TimelinePanel({
  diagramId,
  entityId,
  version,
  ...props
}: Omit<TimelineProps, 'timeline'> & { diagramId?: number; entityId?: number; version?: unknown }) {
  const [data, setData] = useState<TimelineData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const input = diagramId !== undefined ? { id: diagramId } : { entityId: entityId! };
    void client.call('diagrams.timeline', input).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [diagramId, entityId, version]);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted shipment-timeline-empty">Reading the shipments…</p>;
  return <Timeline timeline={data} {...props} />;
}
