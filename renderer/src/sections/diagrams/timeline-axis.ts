/**
 * The timeline's axis: one column per calendar month from the first
 * shipment's month to the last one's, empty months included (a gap in trade
 * is a finding), and the mapping between x and dates both ways. Dates are
 * ISO strings and arithmetic is in UTC: a time zone never moves a shipment
 * to another day.
 */
import type { TimelineLane } from '../../../../shared/domain/diagrams';

/** 'YYYY-MM' of each month from `first`'s to `last`'s, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const [y0, m0] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const [y1, m1] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
  const out: string[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, (m = 1)) : m++)
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** The x of a date's start on an axis of `months` columns `width` wide; dates off the axis are clamped to its ends. */
export function xOfDate(date: string, months: readonly string[], width: number): number {
  const i = months.indexOf(date.slice(0, 7));
  if (i < 0) return date < months[0]! ? 0 : months.length * width;
  return (i + (Number(date.slice(8, 10)) - 1) / daysIn(months[i]!)) * width;
}

/** The date whose day contains x (clamped to the axis). */
export function dateAtX(x: number, months: readonly string[], width: number): string {
  const clamped = Math.min(Math.max(x, 0), months.length * width - 1e-6);
  const i = Math.floor(clamped / width);
  const month = months[i]!;
  const day = Math.floor(((clamped - i * width) / width) * daysIn(month)) + 1;
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** A brush from x0 to x1 (either way round) as the inclusive date range it covers. */
export function rangeOfBrush(x0: number, x1: number, months: readonly string[], width: number) {
  const [a, b] = x0 <= x1 ? [x0, x1] : [x1, x0];
  return { from: dateAtX(a, months, width), to: dateAtX(b, months, width) };
}

/** A lane's records and value per month of the axis (zeros for empty months). */
export function monthlyTotals(lane: TimelineLane, months: readonly string[]): { count: number; valueUsd: number }[] {
  const at = new Map(months.map((m, i) => [m, i]));
  const out = months.map(() => ({ count: 0, valueUsd: 0 }));
  for (const [date, count, value] of lane.days) {
    const i = at.get(date.slice(0, 7));
    if (i === undefined) continue;
    out[i]!.count += count;
    out[i]!.valueUsd += value;
  }
  return out;
}
