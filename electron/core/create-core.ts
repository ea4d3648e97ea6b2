import { homedir } from 'node:os';
import './chinese-libraries';
import { join } from 'node:path';
import type { CoreContext } from './context';
import { JobManager } from './jobs/job-manager';
import { runJobMethod } from './run-job';
import { defaultActor } from './session';

export interface CoreOptions {
  appDataDir?: string;
  sampleDir: string;
  /** The built job worker; without it jobs run in-process. */
  workerScript?: string;
  actor?: string;
}

/** Where Custodian keeps its own files when no shell says otherwise. */
export function defaultAppDataDir(): string {
  if (process.env.CUSTODIAN_HOME) return process.env.CUSTODIAN_HOME;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'Custodian');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Custodian');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'custodian');
}

export function createCore(opts: CoreOptions): CoreContext {
  return {
    session: null,
    actor: opts.actor ?? defaultActor(),
    jobs: new JobManager({ workerScript: opts.workerScript, runInProcess: runJobMethod }),
    appDataDir: opts.appDataDir ?? defaultAppDataDir(),
    sampleDir: opts.sampleDir,
  };
}
