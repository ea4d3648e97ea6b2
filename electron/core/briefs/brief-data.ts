/**
 * What a rendered brief shows, as plain data: the version's text with each
 * citation numbered and looked up in the case now (a record, excerpt, link
 * or diagram deleted since is marked missing, never an error), the diagrams
 * as the shared SVG export draws them, and every source file and document
 * with its SHA-256. The PDF is drawn from this alone.
 */
import type { Citation } from '../../../shared/domain/briefs';

export interface CitedRecord {
  id: number;
  /** Deleted from the case since it was cited. */
  missing?: true;
  date: string | null;
  shipper: string | null;
  consignee: string | null;
  hsCode: string | null;
  description: string | null;
  valueUsd: number | null;
  fileName: string;
  sha256: string;
  row: number | null;
}

export type CitationBlock = { n: number } & (
  | { kind: 'records'; label: string; rows: CitedRecord[] }
  | {
      kind: 'excerpt';
      id: number;
      missing?: true;
      quote: string;
      page: number;
      document: string;
      fileName: string;
      sha256: string;
      note: string;
    }
  | { kind: 'link'; id: number; missing?: true; text: string }
  | { kind: 'diagram'; id: number; missing?: true; name: string }
);

export interface DiagramEntity {
  label: string;
  /** Every name the entity is known by, in every script, as stored. */
  names: string[];
  country: string | null;
  missing?: true;
}

export interface BriefDiagram {
  id: number;
  name: string;
  /** The diagram as `diagramToSvg` draws it; null when the diagram is gone. */
  svg: string | null;
  entities: DiagramEntity[];
}

export interface BriefSource {
  kind: 'customs file' | 'document';
  name: string;
  detail: string;
  sha256: string;
  cited: boolean;
}

export interface BriefData {
  caseTitle: string;
  appVersion: string;
  briefId: number;
  version: number;
  /** The version's save time (ISO, UTC): what the PDF prints and dates itself with. */
  generatedAt: string;
  title: string;
  author: string;
  summary: string;
  diagrams: BriefDiagram[];
  /** Each finding with the numbers it cites and the blocks first cited by it (drawn under it). */
  findings: { text: string; refs: number[]; blocks: CitationBlock[] }[];
  sources: BriefSource[];
}

/** The key two citations of the same evidence share (they get one number). */
export const citationKey = (c: Citation): string =>
  c.kind === 'records' ? `records:${[...c.ids].sort((a, b) => a - b).join(',')}` : `${c.kind}:${c.id}`;

/** The version's save time as printed: `2026-12-05 03:49 UTC`. */
export const printedTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
