import { openCaseFile } from '../db/connection';
import { importFile } from '../import/import-file';
import { runDocumentsJob } from '../documents/document-jobs';
import { resolveCase } from '../entities/resolve-case';
import type { JobControl, JobKind, JobPayload } from './protocol';

/** Runs one job to its end on a connection of its own. Used by the worker and in-process alike. */
export async function runJob<K extends JobKind>(kind: K, payload: JobPayload<K>, control: JobControl): Promise<unknown> {
  switch (kind) {
    case 'import': {
      const db = openCaseFile(payload.casePath);
      try {
        const p = payload as JobPayload<'import'>;
        return await importFile(db, p.options, p.actor, { control });
      } finally {
        db.close();
      }
    }
    case 'documents.add':
    case 'documents.ocr':
      return runDocumentsJob({ kind, payload } as Parameters<typeof runDocumentsJob>[0], control);
    case 'entities.resolve': {
      const db = openCaseFile(payload.casePath);
      try {
        return resolveCase(db, (payload as JobPayload<'entities.resolve'>).actor, control);
      } finally {
        db.close();
      }
    }
    default:
      throw new Error(`Unknown job kind ${String(kind)}`);
  }
}
