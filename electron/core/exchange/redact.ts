import type { WriteDb } from '../db/types';

export interface Kept {
  diagrams: number[];
  entities: number;
  records: number;
  documents: number;
  excerpts: number;
}

/** Placeholder until redaction lands: refuses. */
export function redactToDiagrams(_db: WriteDb, _diagrams: number[]): Kept {
  throw new Error('not yet');
}
