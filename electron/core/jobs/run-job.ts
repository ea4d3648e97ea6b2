import { openCaseFile } from '../db/connection';
import { importFile } from '../import/import-file';
import type { JobControl, JobKind, JobPayload } from './protocol';

/** Runs one job to its end on a connection of its own. Used by the worker and in-process alike. */
export async function runJob<K extends JobKind>(kind: K, payload: JobPayload<K>, control: JobControl): Promise<unknown> {
  switch (kind) {
    case 'import': {
      const db = openCaseFile(payload.casePath);
      try {
        return await importFile(db, payload.options, payload.actor, control);
      } finally {
        db.close();
      }
    }
    default:
      throw new Error(`Unknown job kind ${String(kind)}`);
  }
}
