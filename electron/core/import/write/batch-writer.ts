import { rejectInserter, type ImportCounts } from '../../db/imports';
import { recordIndexer, recordInserter, recordValuesById } from '../../db/records';
import type { WriteDb } from '../../db/types';
import { writtenSlots, type ReadPlan, type RowBatch } from '../batches/import-rows';
import { PackCursor } from '../batches/record-pack';
import { rebuildRaw } from '../normalize/raw-row';

/** What the writing counts as it goes: the import's counts but for the reader's (replacement characters, warnings). */
export type WriteCounts = Omit<ImportCounts, 'replacementChars' | 'warnings'>;

/** Nothing read or written yet (or ever, for a file imported before). */
export const noRowsCounted = (): WriteCounts => ({
  rowsRead: 0,
  rowsImported: 0,
  rowsRejected: 0,
  duplicates: 0,
  rowsFlagged: 0,
  blankRows: 0,
});

/**
 * Writes each batch the reader sends: rejects as they are, records from
 * their pack, each candidate duplicate checked against the earlier row as
 * stored (a hash match is only a candidate): an exact repeat is counted as
 * a duplicate and listed with the row it repeats. Then the batch's records
 * go into the full-text index, from their stored columns.
 */
export function batchWriter(
  db: WriteDb,
  plan: ReadPlan,
  counts: WriteCounts,
  indexing: 'usual' | 'bulk' | 'none',
): { write(b: RowBatch): void; done(): void } {
  const insert = recordInserter(db, plan.importId, writtenSlots(plan.columns, plan.mapping));
  // A dry run (the wizard's validation) rolls everything back: indexing would be wasted work.
  const index = indexing === 'none' ? null : recordIndexer(db, indexing === 'bulk');
  const reject = rejectInserter(db, plan.importId);
  const write = (b: RowBatch) => {
    counts.rowsRead += b.rowsRead;
    counts.blankRows += b.blankRows;
    for (let i = 0; i < b.rejects.length; i += 3) {
      reject({ row: b.rejects[i] as number, reason: b.rejects[i + 1] as string, raw: b.rejects[i + 2] as string });
      counts.rowsRejected++;
    }
    const records = new PackCursor(b.records);
    const insertUpTo = (end: number) => {
      while (records.at < end) {
        records.next();
        insert(records.cells);
      }
    };
    const cjk = b.cjk;
    for (const c of b.candidates) {
      // The earlier row may sit in this batch: write everything before the candidate first.
      insertUpTo(c.at);
      const prev = recordValuesById(db, plan.base + c.earlier);
      if (prev && sameFields(rebuildRaw(prev.values, prev.raw, plan.columns, plan.mapping), c.fields)) {
        reject({ row: c.row, reason: `duplicate of row ${c.earlier}`, raw: c.raw, duplicateOf: c.earlier });
        counts.duplicates++;
      } else {
        insert(c.cells);
        if (c.cjk) cjk.push(c.cells[0]!, c.cjk);
        counts.rowsImported++;
        if (c.flagged) counts.rowsFlagged++;
      }
    }
    insertUpTo(b.records.count);
    counts.rowsImported += b.records.count;
    counts.rowsFlagged += b.flagged;
    if (b.rowsRead) index?.add(b.firstId, b.lastId, cjk);
  };
  return { write, done: () => index?.done() };
}

function sameFields(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
