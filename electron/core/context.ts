import type { CaseSession } from './session';
import type { JobManager } from './jobs/job-manager';

/**
 * Everything a handler may reach. One CoreContext per backend (an Electron
 * window's main process side, a `custodian serve`, a CLI run).
 */
export interface CoreContext {
  session: CaseSession | null;
  actor: string;
  jobs: JobManager;
  /** The built job worker script, which also starts a job's helper threads; none: everything runs in this thread. */
  workerScript?: string | undefined;
  /** Where the app keeps its own files (recent cases, the sample case). */
  appDataDir: string;
  /** Where the sample data (CSV, documents) shipped with the app lives. */
  sampleDir: string;
}
