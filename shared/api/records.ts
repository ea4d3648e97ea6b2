import { z } from 'zod';
import { method } from './define';
import type { CustomsRecord, ImportInfo, ImportSummary, Reject, RecordDetail, SearchHit } from '../domain/records';
import type { JobStatus } from './case';

const mappingSchema = z.object({
  /** Source column name → Custodian field. */
  columns: z.record(z.string(), z.string()),
  dateOrder: z.enum(['iso', 'dmy', 'mdy', 'ymd']).optional(),
});

export const importOptions = z.object({
  path: z.string().min(1),
  preset: z.string().optional(),
  mapping: mappingSchema.optional(),
  encoding: z.string().optional(),
  delimiter: z.string().max(1).optional(),
  /** Shown as the source's name; defaults to the file's base name. */
  fileName: z.string().optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

export interface ImportPreview {
  encoding: string;
  encodingConfidence: number;
  delimiter: string | null;
  format: 'csv' | 'jsonl' | 'xlsx';
  columns: string[];
  rows: string[][];
  suggestedPreset: string | null;
  suggestedMapping: Record<string, string>;
  replacementChars: number;
}

const listQuery = z.object({
  limit: z.number().int().positive().max(100_000).default(200),
  offset: z.number().int().min(0).default(0),
  importId: z.number().int().optional(),
  query: z.string().optional(),
  flagged: z.boolean().optional(),
});

export const recordsApi = {
  'import.preview': method<ImportPreview>()(importOptions, { mutates: false }),
  /** Runs the import to the end (CLI and tests). */
  'import.run': method<ImportSummary>()(importOptions, { mutates: true, ownTransaction: true }),
  /** Starts the import as a background job; poll `jobs.get`. */
  'import.start': method<JobStatus>()(importOptions, { mutates: false }),
  'imports.list': method<ImportInfo[]>()(z.object({}), { mutates: false }),
  'rejects.list': method<Reject[]>()(z.object({ importId: z.number().int() }), { mutates: false }),
  'records.list': method<CustomsRecord[]>()(listQuery, { mutates: false }),
  'records.count': method<number>()(listQuery.omit({ limit: true, offset: true }), { mutates: false }),
  'records.get': method<RecordDetail>()(z.object({ id: z.number().int() }), { mutates: false }),
  'search.query': method<SearchHit[]>()(
    z.object({ query: z.string().min(1), limit: z.number().int().positive().max(1000).default(50) }),
    { mutates: false },
  ),
};

export type RecordsMethods = keyof typeof recordsApi;
