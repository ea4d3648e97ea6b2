import './chinese-libraries';
import { MENTIONS_ROLE, READ_ROLE } from './helper-roles';
import type { HelperServer } from './jobs/protocol';
import { serveWorkerThread } from './jobs/worker-thread';
import { runJobMethod } from './run-job';

/**
 * The job worker script's entry (bundled to job-worker.cjs): runs one job
 * method, or serves as one of the helper threads below. The one place that
 * names the domains' helper threads, so that jobs/ knows no domain. Each
 * thread loads only the code its job or role needs (the names tables alone
 * hold ~35 MB).
 */
const HELPERS: Record<string, () => Promise<HelperServer>> = {
  [READ_ROLE]: () => import('./import/batches/read-thread').then((m) => m.serveImportRead as HelperServer),
  [MENTIONS_ROLE]: () => import('./entities/mentions/mention-thread').then((m) => m.serveMentionRead as HelperServer),
};

serveWorkerThread(runJobMethod, HELPERS);
