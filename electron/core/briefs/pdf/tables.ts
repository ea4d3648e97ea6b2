/**
 * Tables in a brief: each row is kept whole on a page (`wrap={false}`) and
 * the header row is `fixed`, so react-pdf draws it again at the top of
 * every page the table runs onto.
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

export function table<T>(lib: PdfLib, columns: Column<T>[], rows: T[], muted?: (row: T) => boolean): ReactElement {
  const { h, R, text } = lib;
  const cellStyle = (c: Column<T>) => ({ width: c.width, paddingHorizontal: 2, paddingVertical: 1.5 });
  return h(
    R.View,
    { style: { marginTop: 4, marginBottom: 6, borderTop: '0.5pt solid #9ca3af' } },
    h(
      R.View,
      {
        fixed: true,
        minPresenceAhead: 60,
        style: { flexDirection: 'row', backgroundColor: '#e5e7eb', fontWeight: 700 },
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
