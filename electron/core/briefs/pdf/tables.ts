/**
 * Tables in a brief: each row is kept whole on a page (`wrap={false}`) and
 * the header row is `fixed`, so react-pdf draws it again at the top of
 * every page the table runs onto.
 *
 * A header must never be the last thing on a page. react-pdf's paginator
 * can break a column right after a fixed child, leaving the header alone at
 * a page foot when the first row does not fit under it (minPresenceAhead
 * does not reach into the table's own column). So a table short enough to
 * move whole (most of them: a few cited rows) is kept on one page with the
 * line that introduces it (`wrap={false}`), and the table's box has no top
 * margin or border (the header row carries the rule), since a top edge
 * becomes a spacer the paginator may break after.
 * (tests/briefs/cite-more.test.ts)
 */
import type { ReactElement } from 'react';
import type { CitedRecord, BriefSource } from '../brief-data';
import type { PdfLib } from './load';

export interface Column<T> {
  title: string;
  width: number | string;
  cell: (row: T) => string;
  mono?: boolean;
}

export function table<T>(
  lib: PdfLib,
  columns: Column<T>[],
  rows: T[],
  muted?: (row: T) => boolean,
  lead?: ReactElement,
): ReactElement {
  const { h, R, text } = lib;
  const short = HEADER_HEIGHT + rows.reduce((sum, r) => sum + rowHeight(columns, r), 0) <= WHOLE_BELOW;
  const cellStyle = (c: Column<T>) => ({ width: c.width, paddingHorizontal: 2, paddingVertical: 1.5 });
  return h(
    R.View,
    { wrap: !short, style: { marginBottom: 6 } },
    lead ?? null,
    h(
      R.View,
      {
        fixed: true,
        style: { flexDirection: 'row', backgroundColor: '#e5e7eb', fontWeight: 700, borderTop: '0.5pt solid #9ca3af' },
      },
      ...columns.map((c, i) => text({ key: i, style: cellStyle(c) }, c.title)),
    ),
    ...rows.map((row, r) =>
      h(
        R.View,
        {
          key: r,
          wrap: false,
          style: {
            flexDirection: 'row',
            borderBottom: '0.5pt solid #e5e7eb',
            color: muted?.(row) ? '#b91c1c' : '#111827',
          },
        },
        ...columns.map((c, i) => text({ key: i, style: { ...cellStyle(c), fontSize: c.mono ? 6.2 : 7 } }, c.cell(row))),
      ),
    ),
  );
}

/** The header row's height in points, a little over (two lines: "Value (USD)" wraps). */
const HEADER_HEIGHT = 28;
/** Tables estimated at most this tall (points) move to the next page whole rather than break. */
const WHOLE_BELOW = 300;
/** The text column's width on an A4 portrait page, in points. */
const TEXT_WIDTH = 515;

/** A row's height estimated from its longest cell: an average glyph of 3.6 pt at 7 pt, 9 pt a line. */
function rowHeight<T>(columns: Column<T>[], row: T): number {
  const lines = columns.map((c) => {
    const width = typeof c.width === 'number' ? c.width : (parseFloat(c.width) / 100) * TEXT_WIDTH;
    return Math.ceil(c.cell(row).length / Math.max(1, (width - 4) / 3.6)) || 1;
  });
  return Math.max(...lines) * 9 + 4;
}

const usd = (v: number | null) => (v === null ? '' : `$${Math.round(v).toLocaleString('en-US')}`);

export const RECORD_COLUMNS: Column<CitedRecord>[] = [
  { title: 'Date', width: '10%', cell: (r) => r.date ?? '' },
  { title: 'Shipper', width: '19%', cell: (r) => r.shipper ?? '' },
  { title: 'Consignee', width: '19%', cell: (r) => r.consignee ?? '' },
  { title: 'HS code · goods', width: '22%', cell: (r) => [r.hsCode, r.description].filter(Boolean).join(' · ') },
  { title: 'Value (USD)', width: '10%', cell: (r) => usd(r.valueUsd) },
  {
    title: 'Source file, row',
    width: '20%',
    cell: (r) => (r.missing ? `[source removed] (record ${r.id})` : `${r.fileName}, row ${r.row}`),
  },
];

export const SOURCE_COLUMNS: Column<BriefSource>[] = [
  { title: 'Kind', width: '10%', cell: (s) => (s.cited ? `${s.kind} (cited)` : s.kind) },
  { title: 'File', width: '30%', cell: (s) => s.name },
  { title: 'Detail', width: '15%', cell: (s) => s.detail },
  { title: 'SHA-256', width: '45%', cell: (s) => s.sha256, mono: true },
];
