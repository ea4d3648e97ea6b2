import { MENTIONS_ROLE, serveMentionRead } from './entities/mentions/mention-thread';
import { READ_ROLE, serveImportRead } from './import/batches/read-thread';
import type { HelperServer } from './jobs/protocol';
import { serveWorkerThread } from './jobs/worker-thread';
import { runJobMethod } from './run-job';

/**
 * The job worker script's entry (bundled to job-worker.cjs): runs one job
 * method, or serves as one of the helper threads below. The one place that
 * names the domains' helper threads, so that jobs/ knows no domain.
 */
const HELPERS: Record<string, HelperServer> = {
  [READ_ROLE]: serveImportRead,
  [MENTIONS_ROLE]: serveMentionRead,
};

serveWorkerThread(runJobMethod, HELPERS);
