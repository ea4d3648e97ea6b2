/**
 * What a rendered brief shows, as plain data: the version's text with each
 * citation numbered and looked up in the case now (a record, excerpt, link
 * or diagram deleted since is marked missing, never an error), the diagrams
 * as the shared SVG export draws them, and every source file and document
 * with its SHA-256. The PDF is drawn from this alone.
 */

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
  | {
      kind: 'hit';
      id: number;
      missing?: true;
      entity: string;
      entry: string;
      list: string;
      /** The list version's date. */
      asOf: string;
      externalId: string;
      programs: string[];
      listedOn: string | null;
      score: number;
      status: string;
    }
  | {
      kind: 'filter';
      label: string;
      /** The filter in words (shared/domain/record-filter-words.ts). */
      words: string;
      /** Rows the filter selects now; the table shows the first FILTER_ROWS of them. */
      total: number;
      rows: CitedRecord[];
    }
);

/** The rows of a cited filter drawn in the PDF and attached as CSV (the count says how many it selects in all). */
export const FILTER_ROWS = 500;

/** One entry of a diagram's key: what a colour or line on it means, only for what the diagram uses. */
export interface KeyEntry {
  shape: 'line' | 'box';
  color: string;
  dash: string | null;
  width: number;
  label: string;
}

/** The case file's seal (exchange issue), as the appendix prints it. */
export interface BriefSeal {
  digest: string;
  signer: string;
  sealedBy: string;
  sealedAt: string;
}

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
  key: KeyEntry[];
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
  /** The date the brief states (the composer's, else the version's save date). */
  date: string;
  title: string;
  author: string;
  summary: string;
  diagrams: BriefDiagram[];
  /** Each finding with the numbers it cites and the blocks first cited by it (drawn under it). */
  findings: { text: string; refs: number[]; blocks: CitationBlock[] }[];
  sources: BriefSource[];
  /** null: the case file is not sealed. */
  seal: BriefSeal | null;
}

/** The version's save time as printed: `2026-12-05 03:49 UTC`. */
export const printedTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
