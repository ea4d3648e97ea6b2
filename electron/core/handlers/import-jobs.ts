import type { RecordsMethods } from '../../../shared/api/records';
import { importFile } from '../import/import-file';
import type { Handlers } from './types';

/**
 * The import's jobs, apart from the records handlers: an import's worker
 * loads only this (see run-job.ts), not search and the names tables the
 * other records methods need.
 */
export const importJobHandlers: Handlers<Extract<RecordsMethods, 'import.run' | 'import.validate'>> = {
  'import.validate': ({ session, actor }, options, control) =>
    importFile(session.db, options, actor, { dryRun: true, control }),
  'import.run': ({ session, actor }, options, control) => importFile(session.db, options, actor, { control }),
};
