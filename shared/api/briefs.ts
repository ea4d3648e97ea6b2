import { z } from 'zod';
import { job, method } from './define';
import { recordFilter } from './records';
import type { BriefSummary, BriefVersion, RenderedBrief } from '../domain/briefs';

const id = z.number().int().positive();
const ids = z.array(id).max(10_000);
const line = z.string().max(1000);

export const citationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('records'), ids: ids.min(1), label: line.optional() }),
  z.object({ kind: z.literal('excerpt'), id }),
  z.object({ kind: z.literal('link'), id }),
  z.object({ kind: z.literal('diagram'), id }),
  z.object({ kind: z.literal('filter'), filter: recordFilter.strict(), label: line.optional() }),
  z.object({ kind: z.literal('hit'), id }),
]);

export const briefContentSchema = z.object({
  title: z.string().trim().min(1).max(500),
  author: line.default(''),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .optional(),
  summary: z.string().max(50_000).default(''),
  findings: z
    .array(z.object({ text: z.string().max(50_000), citations: z.array(citationSchema).max(1000).default([]) }))
    .max(500)
    .default([]),
  diagrams: z.array(id).max(50).default([]),
});

export const briefsApi = {
  'briefs.list': method<BriefSummary[]>()(z.object({}), { mutates: false }),
  /** A brief at its latest version, or at `version`. */
  'briefs.get': method<BriefVersion>()(z.object({ id, version: z.number().int().positive().optional() }), {
    mutates: false,
  }),
  /** Saves a new brief (no `id`) or a new version of one; content equal to the latest version makes none. */
  'briefs.save': method<BriefVersion>()(z.object({ id: id.optional(), content: briefContentSchema }), {
    mutates: true,
  }),
  /**
   * Renders a brief version to a PDF file at `out` (written whole or not at all) and records its
   * SHA-256 in the audit log. With `diagrams` instead of `id`: the default brief of those diagrams,
   * generated and saved (as a new version only when what it would say changed).
   */
  'briefs.render': job<RenderedBrief>()(
    z
      .object({
        id: id.optional(),
        version: z.number().int().positive().optional(),
        diagrams: z.array(id).min(1).max(50).optional(),
        title: z.string().trim().min(1).max(500).optional(),
        /** Where to write the PDF; without it, the app's preview of that version (read with `briefs.preview`). */
        out: z.string().min(1).optional(),
      })
      .refine((v) => (v.id === undefined) !== (v.diagrams === undefined), 'give either id or diagrams'),
    { mutates: true, runsOnReceived: true },
  ),
  /**
   * What each citation points at, in a line, looked up in the case now, keyed by `citationKey`:
   * the composer's list of a brief's evidence, in one call for the whole brief.
   */
  'briefs.citations': method<Record<string, string>>()(z.object({ citations: z.array(citationSchema).max(10_000) }), {
    mutates: false,
  }),
  /** The PDF last rendered as the preview of a brief version (`briefs.render` without `out`), base64. */
  'briefs.preview': method<{ base64: string; sha256: string }>()(
    z.object({ id, version: z.number().int().positive() }),
    { mutates: false },
  ),
};

export type BriefsMethods = keyof typeof briefsApi;
