import { z } from 'zod';
import { job, method } from './define';
import { CHPL_TIERS } from '../goods/hs-codes';
import { MENTION_ROLES } from '../domain/entities';
import {
  RECORD_FIELDS,
  type CustomsRecord,
  type ImportInfo,
  type ImportSummary,
  type NormalizedFields,
  type PresetInfo,
  type RecordFlag,
  type Reject,
  type RecordDetail,
  type SearchHit,
} from '../domain/records';

export const mappingSchema = z.object({
  /** Source column name → Custodian field. */
  columns: z.record(z.string(), z.enum(RECORD_FIELDS)),
  dateOrder: z.enum(['auto', 'iso', 'dmy', 'mdy', 'ymd']).optional(),
  decimal: z.enum(['auto', '.', ',']).optional(),
  weightUnit: z.string().optional(),
});

export const importOptions = z.object({
  path: z.string().min(1),
  /** A built-in preset (`ru-customs`, `bol`, `panjiva`, `cn-customs`) or a mapping saved in the case. */
  preset: z.string().optional(),
  mapping: mappingSchema.optional(),
  /** Overrides the detected encoding (any WHATWG label: `windows-1251`, `gb18030`, `utf-16le`, …). */
  encoding: z.string().optional(),
  /** Overrides the sniffed delimiter (one character; `\t` for tab). */
  delimiter: z.string().length(1).optional(),
  /** XLSX: the sheet to read, by name or 1-based number; the first sheet by default. */
  sheet: z.union([z.string(), z.number().int().positive()]).optional(),
  /** Shown as the source's name; defaults to the file's base name. */
  fileName: z.string().optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

export type ImportFormat = 'csv' | 'jsonl' | 'xlsx';

export interface ImportPreview {
  encoding: string;
  encodingConfidence: number;
  delimiter: string | null;
  format: ImportFormat;
  /** XLSX: every sheet's name, in order. */
  sheets: string[];
  columns: string[];
  /** The first rows (up to 50), decoded, as read. */
  rows: string[][];
  /** The same rows normalized with the mapping in effect (the preset's, the given one, or the suggestion). */
  normalized: { fields: NormalizedFields; flags: RecordFlag[] }[];
  suggestedPreset: string | null;
  /** Column → field, from the preset that fits the header, else from header names (English, Russian, Chinese). */
  suggestedMapping: Record<string, string>;
  replacementChars: number;
  warnings: string[];
}

/** Filters shared by the records list and search. */
export const recordFilter = z.object({
  importId: z.number().int().optional(),
  query: z.string().optional(),
  flagged: z.boolean().optional(),
  /** Only records carrying this flag. */
  flag: z.string().optional(),
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
  /** HS code prefix, digits only (`8807`, `880730`); dots and spaces are ignored. */
  hsPrefix: z.string().optional(),
  /** Records whose HS 6 is on the Common High Priority List in this tier, or in any tier (`any`). */
  chplTier: z.enum([...CHPL_TIERS, 'any']).optional(),
  /** ISO alpha-2; matches any of the record's countries. */
  country: z.string().optional(),
  /** Text in the shipper, consignee, notify party or producer name. */
  party: z.string().optional(),
  valueMin: z.number().optional(),
  valueMax: z.number().optional(),
  /**
   * Only the records that name this entity, in any role (shipper, consignee, notify party, producer). An id merged
   * away stands for the entity it was merged into, as `entities.get` answers it.
   */
  entityId: z.number().int().positive().optional(),
  /**
   * With `entityId`: only the records where the two trade with each other, one the shipper and the other the
   * consignee (either way round): the records behind a counterparty row of the entity page.
   */
  counterpartyId: z.number().int().positive().optional(),
  /**
   * With `entityId`: only the records that name the entity in this role. With `counterpartyId` too (shipper or
   * consignee only): one way, the entity in this role and the counterparty in the other (a flow into the entity).
   */
  entityRole: z.enum(MENTION_ROLES).optional(),
  /** ISO alpha-2 of the country of origin; `none` for records that give none. */
  origin: z.string().trim().min(1).max(8).optional(),
  /** ISO alpha-2 of the country of destination; `none` for records that give none. */
  destination: z.string().trim().min(1).max(8).optional(),
});
/** What `origin` and `destination` take for "not recorded" (two letters are a country; this is not one). */
export const NO_COUNTRY = 'none';
export type RecordFilterInput = z.infer<typeof recordFilter>;

export const SORTABLE = [
  'row',
  'date',
  'shipper',
  'consignee',
  'hsCode',
  'valueUsd',
  'grossKg',
  'netKg',
  'quantity',
  'value',
  'chplTier',
] as const;

const listQuery = recordFilter.extend({
  limit: z.number().int().positive().max(100_000).default(200),
  offset: z.number().int().min(0).default(0),
  sort: z.enum(SORTABLE).optional(),
  desc: z.boolean().optional(),
  /**
   * Keyset paging in id order (no `sort`, or `row`): only the records listed after this id. The next page
   * starts where the last one ended without SQLite stepping over every record before it again, as an offset does.
   */
  afterId: z.number().int().min(0).optional(),
});

export const recordsApi = {
  'import.preview': method<ImportPreview>()(importOptions, { mutates: false }),
  /** Reads the whole file with the mapping and reports what an import would do, writing nothing. */
  'import.validate': job<ImportSummary>()(importOptions, { mutates: false }),
  /** Imports the file in one transaction with its audit entry. */
  'import.run': job<ImportSummary>()(importOptions, { mutates: true }),
  'import.presets': method<PresetInfo[]>()(z.object({}), { mutates: false }),
  /** Saves a custom mapping in the case under a name usable as `preset`. */
  'import.saveMapping': method<PresetInfo>()(z.object({ name: z.string().min(1).max(100), mapping: mappingSchema }), {
    mutates: true,
  }),
  'imports.list': method<ImportInfo[]>()(z.object({}), { mutates: false }),
  /** An import's rejected rows in row order; `limit`/`offset` page them (all of them without). */
  'rejects.list': method<Reject[]>()(
    z.object({
      importId: z.number().int(),
      limit: z.number().int().positive().max(10_000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
    { mutates: false },
  ),
  /** Writes an import's rejected rows to a CSV file (shared/domain/rejects-csv.ts); `path` is where the person chose. */
  'rejects.export': method<{ file: string; rows: number }>()(
    z.object({ importId: z.number().int(), path: z.string().min(1) }),
    { mutates: false },
  ),
  'records.list': method<CustomsRecord[]>()(listQuery, { mutates: false }),
  'records.count': method<number>()(recordFilter, { mutates: false }),
  /**
   * Writes every record the filters select, in the sort asked for, as CSV (shared/domain/csv.ts: formula-safe,
   * numbers kept) to `path`, streamed: a million records keep memory flat; a cancel leaves no file.
   */
  'records.exportCsv': job<{ file: string; rows: number }>()(
    recordFilter.extend({
      path: z.string().min(1).max(4096),
      sort: z.enum(SORTABLE).optional(),
      desc: z.boolean().optional(),
    }),
    { mutates: false },
  ),
  'records.get': method<RecordDetail>()(z.object({ id: z.number().int() }), { mutates: false }),
  'search.query': method<SearchHit[]>()(
    recordFilter.omit({ query: true }).extend({
      query: z.string().min(1),
      limit: z.number().int().positive().max(1000).default(50),
    }),
    { mutates: false },
  ),
};

export type RecordsMethods = keyof typeof recordsApi;
