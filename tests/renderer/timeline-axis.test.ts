import { describe, expect, it } from 'vitest';
import type { TimelineLane } from '../../shared/domain/diagrams';
import {
  dateAtX,
  monthlyTotals,
  monthsBetween,
  rangeOfBrush,
  xOfDate,
} from '../../renderer/src/sections/diagrams/timeline-axis';

describe('timeline axis', () => {
  it('has every month from the first to the last, empty ones and year ends included', () => {
    expect(monthsBetween('2022-11-20', '2023-02-03')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(monthsBetween('2023-05-01', '2023-05-31')).toEqual(['2023-05']);
  });

  it('maps dates to x and back, to the day (February of a leap year included)', () => {
    const months = monthsBetween('2024-01-01', '2024-03-31');
    expect(xOfDate('2024-01-01', months, 31)).toBe(0);
    expect(xOfDate('2024-02-01', months, 31)).toBe(31);
    expect(xOfDate('2024-02-15', months, 29)).toBe(29 + 14);
    for (const d of ['2024-01-01', '2024-01-31', '2024-02-29', '2024-03-01', '2024-03-31'])
      expect(dateAtX(xOfDate(d, months, 40) + 0.5, months, 40)).toBe(d);
    // Off the axis: clamped to its ends.
    expect(xOfDate('2023-06-01', months, 40)).toBe(0);
    expect(xOfDate('2025-01-01', months, 40)).toBe(120);
    expect(dateAtX(-50, months, 40)).toBe('2024-01-01');
    expect(dateAtX(10_000, months, 40)).toBe('2024-03-31');
  });

  it('reads a brush either way round as an inclusive range of days', () => {
    const months = monthsBetween('2023-01-01', '2023-12-31');
    const x = (d: string) => xOfDate(d, months, 30) + 0.1;
    expect(rangeOfBrush(x('2023-03-05'), x('2023-07-20'), months, 30)).toEqual({
      from: '2023-03-05',
      to: '2023-07-20',
    });
    expect(rangeOfBrush(x('2023-07-20'), x('2023-03-05'), months, 30)).toEqual({
      from: '2023-03-05',
      to: '2023-07-20',
    });
  });

  it('totals a lane per month, zero where nothing shipped', () => {
    const lane: TimelineLane = {
      source: 1,
      target: 2,
      sourceName: 'A',
      targetName: 'B',
      count: 3,
      valueUsd: 600,
      days: [
        ['2023-01-05', 1, 100],
        ['2023-01-20', 1, 200],
        ['2023-03-02', 1, 300],
      ],
      undated: 0,
    };
    expect(monthlyTotals(lane, monthsBetween('2023-01-01', '2023-03-31'))).toEqual([
      { count: 2, valueUsd: 300 },
      { count: 0, valueUsd: 0 },
      { count: 1, valueUsd: 300 },
    ]);
  });
});
