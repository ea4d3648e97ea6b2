import { z } from 'zod';
import { job, method } from './define';
import {
  LIST_FORMATS,
  REVIEW_STATUSES,
  type EntityHitSummary,
  type ListDetail,
  type RecordPartyHits,
  type ListDiff,
  type ListImportSummary,
  type SanctionEntry,
  type SanctionList,
  type ScreeningHit,
  type ScreeningSummary,
} from '../domain/screening';

const id = z.number().int().positive();
const column = z.string().min(1).max(200).optional();

export const listImportInput = z.object({
  /** The list's files: one for FtM and CSV; sdn.csv (its companions are found beside it) or all four for OFAC. */
  paths: z.array(z.string().min(1)).min(1).max(8),
  format: z.enum(LIST_FORMATS).optional(),
  name: z.string().trim().max(200).optional(),
  authority: z.string().trim().max(200).optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .optional(),
  /** A generic CSV's columns (without one, columns named name, aliases, country… are recognised). */
  mapping: z
    .object({
      id: column,
      kind: column,
      name: z.string().min(1).max(200),
      aliases: column,
      identifiers: column,
      countries: column,
      addresses: column,
      programs: column,
      listedOn: column,
      remarks: column,
      birthDate: column,
      separator: z.string().min(1).max(3).optional(),
    })
    .optional(),
  /** The files' own names, where `paths` are staged copies (a browser upload). */
  fileNames: z.array(z.string().min(1).max(500)).max(8).optional(),
});
export type ListImportInput = z.input<typeof listImportInput>;

export const screeningApi = {
  /** Imports one version of a sanctions list (one transaction; the files kept as evidence). */
  'lists.import': job<ListImportSummary>()(listImportInput, { mutates: true }),
  /** Every list with its current version (latest as-of date). */
  'lists.list': method<SanctionList[]>()(z.object({}), { mutates: false }),
  'lists.get': method<ListDetail>()(z.object({ id }), { mutates: false }),
  /** What a version added and removed against the version before it. */
  'lists.diff': method<ListDiff>()(
    z.object({ versionId: id, limit: z.number().int().positive().max(100_000).default(500) }),
    { mutates: false },
  ),
  'lists.entry': method<SanctionEntry>()(z.object({ id }), { mutates: false }),
  /** Screens every entity against the current version of every list; reviews made before are kept. */
  'screening.run': job<ScreeningSummary>()(z.object({}), { mutates: true }),
  /** The hits of a screening (the latest when no run is given), best first. */
  'hits.list': method<ScreeningHit[]>()(
    z.object({
      runId: id.optional(),
      entityId: id.optional(),
      listId: id.optional(),
      status: z.enum(REVIEW_STATUSES).optional(),
      limit: z.number().int().positive().max(10_000_000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    { mutates: false },
  ),
  /** Sets a hit's review; it holds for the entity and that entry in every later screening and list version. */
  'hits.review': method<ScreeningHit>()(
    z.object({ id, status: z.enum(REVIEW_STATUSES), note: z.string().max(2000).default('') }),
    { mutates: true },
  ),
  /** Per entity, its hits in the latest screening (for badges): the given entities, or all with hits. */
  'hits.summary': method<EntityHitSummary[]>()(z.object({ entityIds: z.array(id).max(100_000).optional() }), {
    mutates: false,
  }),
  /** HS codes (chapters, headings, subheadings) with their HS 2022 text, the most specific level each reaches. */
  'goods.describe': method<{ code: string; text: string | null }[]>()(
    z.object({ codes: z.array(z.string().regex(/^\d{2,10}$/, 'HS code digits')).max(2000) }),
    { mutates: false },
  ),
  /** The parties of the given records whose entities have hits in the latest screening (one call per table view). */
  'hits.records': method<RecordPartyHits[]>()(z.object({ recordIds: z.array(id).max(10_000) }), { mutates: false }),
};

export type ScreeningMethods = keyof typeof screeningApi;
