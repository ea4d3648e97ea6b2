import { openCaseFile } from '../db/connection';
import type { JobControl, JobKind, JobPayload } from './protocol';

/**
 * Runs one job to its end on a connection of its own. Used by the worker and in-process alike.
 * Each kind's code is loaded when a job of that kind runs: a worker runs one job, and an
 * import's worker need not load (and hold in memory) the document extractors and the resolver.
 */
export async function runJob<K extends JobKind>(kind: K, payload: JobPayload<K>, control: JobControl): Promise<unknown> {
  switch (kind) {
    case 'import': {
      const db = openCaseFile(payload.casePath);
      try {
        const p = payload as JobPayload<'import'>;
        const { importFile } = await import('../import/import-file');
        return await importFile(db, p.options, p.actor, { control });
      } finally {
        db.close();
      }
    }
    case 'documents.add':
    case 'documents.ocr': {
      const { runDocumentsJob } = await import('../documents/document-jobs');
      return runDocumentsJob({ kind, payload } as Parameters<typeof runDocumentsJob>[0], control);
    }
    case 'entities.resolve': {
      const { resolveCaseInThreads } = await import('../entities/resolve/resolve-case');
      const db = openCaseFile(payload.casePath);
      try {
        return await resolveCaseInThreads(db, (payload as JobPayload<'entities.resolve'>).actor, control.workerScript, control);
      } finally {
        db.close();
      }
    }
    case 'judgements.undo': {
      const { undoJudgementAudited } = await import('../entities/review/decisions');
      const db = openCaseFile(payload.casePath);
      try {
        const p = payload as JobPayload<'judgements.undo'>;
        return undoJudgementAudited(db, p.judgementId, p.actor, control);
      } finally {
        db.close();
      }
    }
    default:
      throw new Error(`Unknown job kind ${String(kind)}`);
  }
}
