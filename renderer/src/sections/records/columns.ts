import type { CustomsRecord } from '../../../../shared/domain/records';

export interface Column {
  key: string;
  label: string;
  width: number;
  value(r: CustomsRecord): string;
  align?: 'right';
}

const money = (n: number | null) => (n === null ? '' : n.toLocaleString(undefined, { maximumFractionDigits: 2 }));

export const COLUMNS: Column[] = [
  { key: 'row', label: 'Row', width: 60, value: (r) => String(r.row), align: 'right' },
  { key: 'date', label: 'Date', width: 108, value: (r) => r.date ?? '' },
  { key: 'direction', label: 'Dir.', width: 44, value: (r) => r.direction ?? '' },
  { key: 'shipper', label: 'Shipper', width: 220, value: (r) => r.shipper ?? '' },
  { key: 'consignee', label: 'Consignee', width: 220, value: (r) => r.consignee ?? '' },
  { key: 'hsCode', label: 'HS code', width: 116, value: (r) => r.hsCode ?? '' },
  { key: 'description', label: 'Description', width: 320, value: (r) => r.description ?? '' },
  { key: 'valueUsd', label: 'Value USD', width: 124, value: (r) => money(r.valueUsd), align: 'right' },
  { key: 'originCountry', label: 'Origin', width: 64, value: (r) => r.originCountry ?? '' },
];

export const TABLE_WIDTH = COLUMNS.reduce((w, c) => w + c.width, 0) + 120;
