/** Sanctions lists, their versions and entries, and screening hits. */

export type ListFormat = 'ofac' | 'ftm' | 'opensanctions-csv' | 'csv';
export const LIST_FORMATS = ['ofac', 'ftm', 'opensanctions-csv', 'csv'] as const;

/** Which column of a generic CSV holds which field; `separator` splits several values in one cell. */
export interface ListColumnMapping {
  id?: string;
  kind?: string;
  name: string;
  aliases?: string;
  identifiers?: string;
  countries?: string;
  addresses?: string;
  programs?: string;
  listedOn?: string;
  remarks?: string;
  birthDate?: string;
  separator?: string;
}

export interface ListFileRef {
  sourceId: number;
  fileName: string;
  role: string;
  sha256: string;
  size: number;
}

export interface ListVersion {
  id: number;
  listId: number;
  /** The date the list was published as (YYYY-MM-DD). */
  asOf: string;
  sha256: string;
  entries: number;
  importedAt: string;
  importedBy: string;
  files: ListFileRef[];
}

export interface SanctionList {
  id: number;
  name: string;
  authority: string;
  format: ListFormat;
  /** The version with the latest as-of date: what screening uses. */
  current: ListVersion;
  versions: number;
}

export interface ListDetail extends Omit<SanctionList, 'versions'> {
  versions: ListVersion[];
}

export interface ListImportSummary {
  listId: number;
  versionId: number;
  entries: number;
  /** Against the version that was current before (all entries for a new list). */
  added: number;
  removed: number;
  /** The same files were imported for this list before: nothing was added. */
  alreadyImported: boolean;
  warnings: string[];
}

export interface EntryBrief {
  entryId: number;
  externalId: string;
  name: string;
  kind: string;
}

export interface ListDiff {
  listId: number;
  versionId: number;
  previousVersionId: number | null;
  added: EntryBrief[];
  removed: EntryBrief[];
  addedCount: number;
  removedCount: number;
}

export interface SanctionEntry {
  id: number;
  versionId: number;
  externalId: string;
  kind: string;
  name: string;
  aliases: string[];
  identifiers: string[];
  countries: string[];
  addresses: string[];
  programs: string[];
  listedOn: string | null;
  birthDates: string[];
  remarks: string;
  line: number;
}

export type ReviewStatus = 'open' | 'confirmed' | 'false_positive';
export const REVIEW_STATUSES = ['open', 'confirmed', 'false_positive'] as const;

export interface ScreeningSummary {
  runId: number;
  entities: number;
  entries: number;
  hits: number;
  versionIds: number[];
  /** Hits already reviewed (their status carried over from earlier screenings). */
  reviewed: number;
}

export interface ScreeningHit {
  id: number;
  runId: number;
  entityId: number;
  entityName: string;
  listId: number;
  listName: string;
  versionId: number;
  asOf: string;
  entryId: number;
  externalId: string;
  entryName: string;
  score: number;
  /** The entity's name and the entry's name that scored best. */
  matchedEntityName: string;
  matchedEntryName: string;
  reasons: string[];
  programs: string[];
  listedOn: string | null;
  remarks: string;
  status: ReviewStatus;
  note: string;
}

/** An entity's hits in the latest screening, for badges. */
export interface EntityHitSummary {
  entityId: number;
  hits: number;
  open: number;
  confirmed: number;
  falsePositive: number;
  topScore: number;
  programs: string[];
}

/** A party of a record (shipper, consignee…) whose entity has hits in the latest screening: a badge in a table cell. */
export interface RecordPartyHits {
  recordId: number;
  role: string;
  summary: EntityHitSummary;
}
