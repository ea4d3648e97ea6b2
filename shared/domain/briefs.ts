/**
 * Briefs: what the investigator hands over. A brief is a title, an author,
 * a summary and ordered findings, each finding citing the evidence it rests
 * on. Every save makes a new version (the old ones stay), and a version is
 * what renders: its save time is the date the PDF prints, so the same
 * version always renders to the same bytes and a hash in the audit log can
 * be checked later by rendering it again.
 */
import type { RecordFilterInput } from '../api/records';

/**
 * One piece of evidence a finding cites. Records are cited as a set (one
 * table in the PDF), or as a saved filter of the Records list (described in
 * words, with the rows it selects when the brief is rendered); the rest one
 * by one.
 */
export type Citation =
  | { kind: 'records'; ids: number[]; label?: string }
  | { kind: 'filter'; filter: RecordFilterInput; label?: string }
  | { kind: 'excerpt'; id: number }
  | { kind: 'link'; id: number }
  | { kind: 'diagram'; id: number }
  | { kind: 'hit'; id: number };

export interface Finding {
  text: string;
  citations: Citation[];
}

/** What a version holds: everything the composer edits. */
export interface BriefContent {
  title: string;
  author: string;
  /** The date the brief states (YYYY-MM-DD); without one, the version's save date. */
  date?: string;
  summary: string;
  findings: Finding[];
  /** Diagrams drawn in the brief (besides those findings cite). */
  diagrams: number[];
}

export interface BriefSummary {
  id: number;
  title: string;
  version: number;
  savedAt: string;
  savedBy: string;
  /** Set for a brief generated from diagrams (`custodian brief --diagram`). */
  generatedFrom: number[] | null;
}

export interface BriefVersion extends BriefSummary {
  content: BriefContent;
}

/** What rendering a brief version answers (and the audit log records). */
export interface RenderedBrief {
  briefId: number;
  version: number;
  path: string;
  sha256: string;
  bytes: number;
  pages: number;
}

/** The key two citations of the same evidence share: they get one number in a brief. */
export const citationKey = (c: Citation): string =>
  c.kind === 'records'
    ? `records:${[...c.ids].sort((a, b) => a - b).join(',')}`
    : c.kind === 'filter'
      ? `filter:${JSON.stringify(Object.entries(c.filter).sort(([a], [b]) => a.localeCompare(b)))}`
      : `${c.kind}:${c.id}`;
