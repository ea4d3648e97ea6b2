/**
 * Custodian's customs-record fields. A mapping turns a file's columns into
 * these; everything a file has beyond them stays in the raw row.
 */
import type { ChplTier, HsDescription } from '../goods/hs-codes';
export const RECORD_FIELDS = [
  'date',
  'direction',
  'declarationNo',
  'shipper',
  'shipperAddress',
  'shipperCountry',
  'shipperId',
  'consignee',
  'consigneeAddress',
  'consigneeCountry',
  'consigneeId',
  'notify',
  'producer',
  'hsCode',
  'description',
  'quantity',
  'unit',
  'netKg',
  'grossKg',
  'value',
  'currency',
  'valueUsd',
  'originCountry',
  'destinationCountry',
  'tradingCountry',
  'portLading',
  'portUnlading',
  'customsPost',
  'transport',
  'vessel',
] as const;

export type RecordField = (typeof RECORD_FIELDS)[number];

export const NUMERIC_FIELDS = [
  'quantity',
  'netKg',
  'grossKg',
  'value',
  'valueUsd',
] as const satisfies readonly RecordField[];
export type NumericField = (typeof NUMERIC_FIELDS)[number];
export type TextField = Exclude<RecordField, NumericField>;

/** Why a record was imported with a warning. */
export type RecordFlag =
  | 'missing_party'
  | 'bad_date'
  | 'ambiguous_date'
  | 'bad_number'
  | 'negative_number'
  | 'hs_format'
  | 'formula'
  | 'encoding_replacement';

export const RECORD_FLAGS: readonly RecordFlag[] = [
  'missing_party',
  'bad_date',
  'ambiguous_date',
  'bad_number',
  'negative_number',
  'hs_format',
  'formula',
  'encoding_replacement',
];

/** How day and month are ordered in a file's dates; `auto` reads ISO and dd.mm.yyyy and flags d/m vs m/d ambiguity. */
export type DateOrder = 'auto' | 'iso' | 'dmy' | 'mdy' | 'ymd';

/** A file's columns → Custodian's fields, plus how to read its dates and numbers. */
export interface Mapping {
  /** Source column name → Custodian field; columns not listed stay in the raw row only. */
  columns: Record<string, RecordField>;
  dateOrder?: DateOrder;
  /** Decimal separator; `auto` takes the last of `.`/`,` in a number as the decimal point. */
  decimal?: 'auto' | '.' | ',';
  /** The column giving the weights' unit (KG, LB, T); weights are converted to kilograms. */
  weightUnit?: string;
}

export interface PresetInfo {
  name: string;
  label: string;
  /** `builtin` ships with Custodian; `saved` was saved in this case. */
  origin: 'builtin' | 'saved';
  mapping: Mapping;
}

export type NormalizedFields = { [K in TextField]: string | null } & { [K in NumericField]: number | null };

export interface CustomsRecord extends NormalizedFields {
  id: number;
  importId: number;
  /** 1-based data row in the source file (header not counted; a quoted multi-line row counts once). */
  row: number;
  /** The HS 6 (international) prefix of hsCode, when it has at least 6 digits. */
  hs6: string | null;
  /** The Common High Priority List tier of hsCode (a 2017 code mapped to 2022), or null when not listed. */
  chplTier: ChplTier | null;
  /** The HS 2022 text of hsCode, its most specific level known (records.list and records.get fill it in). */
  hsText?: string | null;
  flags: RecordFlag[];
}

export interface Provenance {
  sourceId: number;
  fileName: string;
  sha256: string;
  mediaType: string;
  importedAt: string;
  importedBy: string;
  importId: number;
  row: number;
  /** The header and the row's values exactly as read (after decoding). */
  columns: string[];
  raw: string[];
}

export interface RecordDetail {
  record: CustomsRecord;
  /** The HS code described from HS 2022, chapter to subheading. */
  goods?: HsDescription | null;
  provenance: Provenance;
}

export interface ImportSummary {
  importId: number;
  /**
   * Every row after the header, blank ones included:
   * rowsRead = rowsImported + rowsRejected + duplicates + blankRows.
   */
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  duplicates: number;
  /** Rows imported with at least one flag. */
  rowsFlagged: number;
  /** Rows whose every cell is empty or whitespace (empty lines too): skipped, neither records nor rejects. */
  blankRows: number;
  /** True when a file with the same SHA-256 was imported before: nothing was added. */
  alreadyImported: boolean;
  encoding: string;
  /** Decoding produced this many U+FFFD replacement characters (a wrong encoding, or damaged bytes). */
  replacementChars: number;
  warnings: string[];
}

export interface ImportInfo {
  id: number;
  sourceId: number;
  fileName: string;
  sha256: string;
  preset: string | null;
  status: 'done' | 'failed';
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  duplicates: number;
  rowsFlagged: number;
  /** See ImportSummary.blankRows (0 for imports made before it was counted). */
  blankRows: number;
  startedAt: string;
  finishedAt: string | null;
  encoding: string;
}

export interface Reject {
  row: number;
  reason: string;
  raw: string;
  /** For duplicates: the earlier row this one repeats. */
  duplicateOf?: number;
}

export interface SearchHit {
  kind: 'record' | 'document';
  id: number;
  page?: number;
  snippet: string;
  /** For documents: the document's title. For records: importId/row. */
  title?: string;
  importId?: number;
  row?: number;
  /** For records: the HS code and its HS 2022 text (the most specific level it reaches). */
  hsCode?: string | null;
  hsText?: string | null;
}
