import { SORTABLE } from '../../../../shared/api/records';
import { RECORD_FIELDS, type CustomsRecord, type RecordField } from '../../../../shared/domain/records';

export interface Column {
  key: string;
  label: string;
  width: number;
  value(r: CustomsRecord): string;
  align?: 'right';
  /** The records.list sort key, when the column can be sorted on. */
  sort?: (typeof SORTABLE)[number];
}

const money = (n: number | null) => (n === null ? '' : n.toLocaleString(undefined, { maximumFractionDigits: 2 }));
const NUMERIC = new Set<RecordField>(['quantity', 'netKg', 'grossKg', 'value', 'valueUsd']);
/** Column names a person reads, not field names: "Value (USD)", never "valueUsd". */
export const FIELD_LABELS: Record<RecordField, string> = {
  date: 'Date',
  direction: 'Direction',
  declarationNo: 'Declaration no.',
  shipper: 'Shipper',
  shipperAddress: 'Shipper address',
  shipperCountry: 'Shipper country',
  shipperId: 'Shipper ID',
  consignee: 'Consignee',
  consigneeAddress: 'Consignee address',
  consigneeCountry: 'Consignee country',
  consigneeId: 'Consignee ID',
  notify: 'Notify party',
  producer: 'Producer',
  hsCode: 'HS code',
  description: 'Description',
  quantity: 'Quantity',
  unit: 'Unit',
  netKg: 'Net weight (kg)',
  grossKg: 'Gross weight (kg)',
  value: 'Value',
  currency: 'Currency',
  valueUsd: 'Value (USD)',
  originCountry: 'Origin',
  destinationCountry: 'Destination',
  tradingCountry: 'Trading country',
  portLading: 'Port of lading',
  portUnlading: 'Port of unlading',
  customsPost: 'Customs post',
  transport: 'Transport',
  vessel: 'Vessel',
};
/** Sized so that the default columns fit beside the sidebar at 1440 px; wider sets scroll sideways. */
const WIDTHS: Partial<Record<RecordField, number>> = {
  date: 104,
  direction: 80,
  declarationNo: 200,
  shipper: 150,
  consignee: 150,
  hsCode: 145,
  description: 115,
  valueUsd: 128,
  originCountry: 64,
  netKg: 130,
  grossKg: 140,
  notify: 180,
  producer: 200,
  customsPost: 220,
};

/** The HS code with its HS 2022 text beside it (the cell's tooltip shows all of it). */
const hsWithText = (r: CustomsRecord) => (r.hsCode ? (r.hsText ? `${r.hsCode} · ${r.hsText}` : r.hsCode) : '');

/** Every column the table can show: the row number, each record field, and the record's CHPL tier. */
export const ALL_COLUMNS: Column[] = [
  { key: 'row', label: 'Row', width: 72, value: (r) => String(r.row), align: 'right', sort: 'row' },
  ...RECORD_FIELDS.map((f): Column => ({
    key: f,
    label: FIELD_LABELS[f],
    width: WIDTHS[f] ?? 120,
    value:
      f === 'hsCode'
        ? hsWithText
        : (r) => (NUMERIC.has(f) ? money(r[f] as number | null) : ((r[f] as string | null) ?? '')),
    ...(NUMERIC.has(f) ? { align: 'right' as const } : {}),
    ...((SORTABLE as readonly string[]).includes(f) ? { sort: f as Column['sort'] } : {}),
  })),
  { key: 'chplTier', label: 'CHPL', width: 72, value: (r) => r.chplTier ?? '', sort: 'chplTier' },
];

export const DEFAULT_COLUMNS = [
  'row',
  'date',
  'direction',
  'shipper',
  'consignee',
  'hsCode',
  'chplTier',
  'description',
  'valueUsd',
  'originCountry',
];

/** The flags column, always last; it takes whatever width the grid has left. */
export const FLAGS_WIDTH = 110;

export const tableWidth = (cols: Column[]) => cols.reduce((w, c) => w + c.width, 0) + FLAGS_WIDTH;
