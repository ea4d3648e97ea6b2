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
  /** Where the app keeps its own files (recent cases, the sample case). */
  appDataDir: string;
  /** Where the sample data (CSV, documents) shipped with the app lives. */
  sampleDir: string;
}
