import type { MergeCounts } from '../../../shared/api/exchange';
import { CustodianError } from '../../../shared/result';
import type { ChangeLog } from '../db/merges';
import type { ReadDb, WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';

/**
 * What every step of a merge shares: both cases, the undo log, what was
 * added, and how each of their ids reads in this case (the maps: their id →
 * mine, filled as each kind is brought in, so that later kinds, which point
 * at earlier ones, can be rewritten).
 */
export interface MergeRun {
  db: WriteDb;
  other: ReadDb;
  log: ChangeLog;
  mergeId: number;
  actor: string;
  /** Who sent their file (the trusted name of its signer, else the name the seal claims): who their versions are from. */
  from: string | null;
  added: MergeCounts;
  suggestions: number;
  skipped: { kind: string; id: number; reason: string }[];
  conflicts: number[];
  control?: JobControl | undefined;
  maps: {
    record: Map<number, number>;
    /** Their records that are new here: their mentions come with them. */
    newRecords: Set<number>;
    document: Map<number, number>;
    excerpt: Map<number, number>;
    entity: Map<number, number>;
    name: Map<number, number>;
    link: Map<number, number>;
    diagram: Map<number, number>;
    node: Map<number, number>;
    edge: Map<number, number>;
  };
}

export function newRun(
  db: WriteDb,
  other: ReadDb,
  log: ChangeLog,
  actor: string,
  from: string | null,
  control?: JobControl,
): MergeRun {
  return {
    db,
    other,
    log,
    mergeId: log.mergeId,
    actor,
    from,
    added: {},
    suggestions: 0,
    skipped: [],
    conflicts: [],
    control,
    maps: {
      record: new Map(),
      newRecords: new Set(),
      document: new Map(),
      excerpt: new Map(),
      entity: new Map(),
      name: new Map(),
      link: new Map(),
      diagram: new Map(),
      node: new Map(),
      edge: new Map(),
    },
  };
}

/** Counts one thing added of a kind. */
export function count(run: MergeRun, kind: string, n = 1): void {
  run.added[kind] = (run.added[kind] ?? 0) + n;
}

/** Things of theirs named as left out, at most: past that, one line counts the rest (a file imported with another mapping could leave thousands of rows). */
const MAX_SKIPPED = 200;

/** Notes one thing of theirs that could not be placed here, and why. */
export function skip(run: MergeRun, kind: string, id: number, reason: string): void {
  if (run.skipped.length < MAX_SKIPPED) run.skipped.push({ kind, id, reason });
  else if (run.skipped.length === MAX_SKIPPED) run.skipped.push({ kind: 'more', id: 0, reason: 'more were left out' });
}

/** Reports a step, and stops the merge (its transaction rolls back) when the job was cancelled. */
export function step(run: MergeRun, progress: number, message: string): void {
  if (run.control?.signal.aborted)
    throw new CustodianError('cancelled', 'The merge was cancelled; nothing was changed.');
  run.control?.progress(progress, message);
}

/** Checks for a cancel every so many rows of a long loop. */
export function tick(run: MergeRun, i: number): void {
  if (i % 2048 === 0 && run.control?.signal.aborted)
    throw new CustodianError('cancelled', 'The merge was cancelled; nothing was changed.');
}
