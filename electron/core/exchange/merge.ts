import { realpathSync } from 'node:fs';
import type { MergeResult } from '../../../shared/api/exchange';
import { appendAudit } from '../db/audit-log';
import { checkpointWal } from '../db/connection';
import { listConflicts } from '../db/merge-conflicts';
import { ChangeLog, finishMerge, insertMerge } from '../db/merges';
import { openReceivedFile } from '../db/safe-open';
import type { WriteDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';
import { updateSearchWords } from '../search/search-words';
import { mergeDiagrams } from './merge-diagrams';
import { mergeEntities } from './merge-entities';
import { mergeDocuments, mergeImports } from './merge-evidence';
import { mergeAnnotations, mergeJudgements, mergeLinks } from './merge-links';
import { newRun, step } from './merge-run';
import { verifyFile } from './verify';

/** A part of the job's progress bar, from..to, for one stage (the check of the file, then the merge). */
const share =
  (control: JobControl, from: number, to: number) =>
  (progress: number | null, message: string): void =>
    control.progress(progress === null ? null : from + progress * (to - from), message);

const sameFile = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/**
 * Brings a colleague's case into the open one as one audited operation
 * that can be undone (merge-undo.ts). The other file is verified first,
 * which opens it as hostile (db/safe-open.ts refuses a file with anything
 * Custodian did not make, before reading any of it); a file that is safe
 * but not as sealed (or not sealed) is merged, and the verify result says
 * so in the answer and the audit entry. Then, in one transaction, each kind
 * in the order that lets later kinds point at earlier ones: evidence by
 * content hash, entities by stable id, then judgements, links, diagrams
 * and annotations with their authors; every row written is logged for
 * undo. Merging my own case, or the same file twice, finds everything
 * already here and adds nothing.
 */
export function mergeCase(
  db: WriteDb,
  casePath: string,
  otherPath: string,
  opts: { actor: string; appDataDir: string },
  control?: JobControl,
): MergeResult {
  // My own case, merged into itself: what others read of it must be all in the main file.
  if (sameFile(casePath, otherPath)) checkpointWal(db);
  const verify = verifyFile(otherPath, opts.appDataDir, control && { ...control, progress: share(control, 0, 0.4) });
  const other = openReceivedFile(otherPath);
  try {
    return db
      .transaction(() => {
        const mergeId = insertMerge(db, {
          actor: opts.actor,
          otherFile: otherPath,
          otherDigest: verify.digest,
          signer: verify.signer,
          verified: verify.ok,
        });
        const from = verify.signer?.name ?? verify.signer?.claimedBy ?? null;
        const run = newRun(db, other, new ChangeLog(db, mergeId), opts.actor, from, control);
        step(run, 0.4, 'Merging: sources and records');
        mergeImports(run);
        step(run, 0.6, 'Merging: documents and excerpts');
        mergeDocuments(run);
        step(run, 0.65, 'Merging: entities');
        mergeEntities(run);
        step(run, 0.9, 'Merging: judgements, links, diagrams and annotations');
        mergeJudgements(run);
        mergeLinks(run);
        mergeDiagrams(run);
        mergeAnnotations(run);
        step(run, 0.97, 'Merging: search words');
        if (run.added.records) updateSearchWords(db);
        const audit = appendAudit(db, opts.actor, 'exchange.merge', {
          mergeId,
          file: otherPath,
          digest: verify.digest,
          signer: verify.signer,
          verified: verify.ok,
          added: run.added,
          suggestions: run.suggestions,
          conflicts: run.conflicts.length,
        });
        finishMerge(db, mergeId, run.added, audit.seq);
        return {
          mergeId,
          verify,
          added: run.added,
          suggestions: run.suggestions,
          skipped: run.skipped,
          conflicts: listConflicts(db, { mergeId }),
        };
      })
      .immediate();
  } finally {
    other.close();
  }
}
