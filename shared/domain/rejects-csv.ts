import { csvText } from './csv';
import type { Reject } from './records';

export { csvCell, csvText } from './csv';

/** An import's rejected rows as CSV: row, reason, the row it duplicates, and the row as it stood in the file. */
export function rejectsCsv(rejects: readonly Reject[]): string {
  return csvText([
    ['row', 'reason', 'duplicate_of', 'raw'],
    ...rejects.map((r) => [r.row, r.reason, r.duplicateOf ?? '', r.raw]),
  ]);
}
