import { RECORD_FIELDS, type CustomsRecord, type RecordField } from '../../../../shared/domain/records';

export interface Column {
  key: string;
  label: string;
  width: number;
  value(r: CustomsRecord): string;
  align?: 'right';
  /** The records.list sort key, when the column can be sorted on. */
  sort?: 'row' | 'date' | 'shipper' | 'consignee' | 'hsCode' | 'valueUsd' | 'grossKg' | 'netKg' | 'quantity' | 'value';
}

const money = (n: number | null) => (n === null ? '' : n.toLocaleString(undefined, { maximumFractionDigits: 2 }));
const NUMERIC = new Set<RecordField>(['quantity', 'netKg', 'grossKg', 'value', 'valueUsd']);
const SORTABLE = new Set(['date', 'shipper', 'consignee', 'hsCode', 'valueUsd', 'grossKg', 'netKg', 'quantity', 'value']);
const LABELS: Partial<Record<RecordField, string>> = { hsCode: 'HS code', valueUsd: 'Value USD', declarationNo: 'Declaration no.', netKg: 'Net kg', grossKg: 'Gross kg', direction: 'Dir.' };
const WIDTHS: Partial<Record<RecordField, number>> = { date: 108, direction: 72, shipper: 220, consignee: 220, hsCode: 116, description: 320, valueUsd: 124, originCountry: 64, notify: 180, producer: 200 };
const label = (f: string) => LABELS[f as RecordField] ?? f.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

/** Every column the table can show: the row number and each record field. */
export const ALL_COLUMNS: Column[] = [
  { key: 'row', label: 'Row', width: 60, value: (r) => String(r.row), align: 'right', sort: 'row' },
  ...RECORD_FIELDS.map((f): Column => ({
    key: f,
    label: label(f),
    width: WIDTHS[f] ?? 120,
    value: (r) => (NUMERIC.has(f) ? money(r[f] as number | null) : ((r[f] as string | null) ?? '')),
    ...(NUMERIC.has(f) ? { align: 'right' as const } : {}),
    ...(SORTABLE.has(f) ? { sort: f as Column['sort'] } : {}),
  })),
];

export const DEFAULT_COLUMNS = ['row', 'date', 'direction', 'shipper', 'consignee', 'hsCode', 'description', 'valueUsd', 'originCountry'];

/** The columns shown by default (kept for code that wants the standard set). */
export const COLUMNS: Column[] = DEFAULT_COLUMNS.map((k) => ALL_COLUMNS.find((c) => c.key === k)!);

export const tableWidth = (cols: Column[]) => cols.reduce((w, c) => w + c.width, 0) + 120;
export const TABLE_WIDTH = tableWidth(COLUMNS);
