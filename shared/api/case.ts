import { z } from 'zod';
import { method, type JobStatus } from './define';
import type { Signer } from './exchange';

/** Where a case opened read-only came from: a sealed export, or a file made on another machine. */
export interface ReceivedCase {
  kind: 'sealed' | 'foreign';
  sealed: boolean;
  /** Who the seal names (not yet proven: `exchange.verify` checks the signature); null without a seal. */
  signer: Signer | null;
  sealedAt: string | null;
}

export interface CaseInfo {
  path: string;
  title: string;
  caseId: string;
  createdAt: string;
  schemaVersion: number;
  readOnly: boolean;
  /** Set when the case is a received file, open read-only. */
  received: ReceivedCase | null;
  counts: { records: number; imports: number; documents: number; entities: number };
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: unknown;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** First entry whose hash does not follow from its predecessor. */
  brokenAt?: number;
  /** What is wrong there, in words: the entry was changed, entries before it are missing, or it follows a rewritten one. */
  problem?: string;
}

const auditDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'a date as YYYY-MM-DD (or an ISO time)')
  .optional();

/** Which audit entries: by action, by actor, and from/to a day (both days included). */
export const auditFilter = z.object({
  action: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  from: auditDate,
  to: auditDate,
});
export type AuditFilter = z.infer<typeof auditFilter>;

/** The actions and actors the log holds, to choose a filter from. */
export interface AuditFacets {
  actions: string[];
  actors: string[];
}

export type { JobStatus } from './define';

const path = z.string().min(1);

export const caseApi = {
  'case.create': method<CaseInfo>()(z.object({ path, title: z.string().min(1) }), {
    mutates: false,
    noCase: true,
  }),
  'case.open': method<CaseInfo>()(z.object({ path }), { mutates: false, noCase: true }),
  'case.openSample': method<CaseInfo>()(z.object({}), { mutates: false, noCase: true }),
  'case.close': method<null>()(z.object({}), { mutates: false, noCase: true }),
  'case.current': method<CaseInfo | null>()(z.object({}), { mutates: false, noCase: true }),
  'case.recent': method<string[]>()(z.object({}), { mutates: false, noCase: true }),
  'case.info': method<CaseInfo>()(z.object({}), { mutates: false }),
  'case.rename': method<CaseInfo>()(z.object({ title: z.string().min(1) }), { mutates: true }),
  'case.saveCopy': method<{ path: string }>()(z.object({ path }), { mutates: false }),
  /** A working copy of a received case (writable, unsealed, audited), which becomes the open case. */
  'case.saveAsMine': method<CaseInfo>()(z.object({ path }), { mutates: false }),
  /** Newest first, narrowed by the filter, a page at a time. */
  'audit.list': method<AuditEntry[]>()(
    auditFilter.extend({
      limit: z.number().int().positive().max(10_000).default(500),
      offset: z.number().int().min(0).default(0),
    }),
    { mutates: false },
  ),
  'audit.count': method<number>()(auditFilter, { mutates: false }),
  'audit.facets': method<AuditFacets>()(z.object({}), { mutates: false }),
  /** Writes the entries the filter selects, oldest first, as CSV or JSON lines to `path` (where the person chose). */
  'audit.export': method<{ file: string; entries: number }>()(
    auditFilter.extend({ path, format: z.enum(['csv', 'jsonl']).default('csv') }),
    { mutates: false },
  ),
  'audit.verify': method<AuditVerification>()(z.object({}), { mutates: false }),
  'jobs.get': method<JobStatus>()(z.object({ jobId: z.string() }), { mutates: false, noCase: true }),
  'jobs.cancel': method<JobStatus>()(z.object({ jobId: z.string() }), { mutates: false, noCase: true }),
};

export type CaseMethods = keyof typeof caseApi;
