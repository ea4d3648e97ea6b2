import type { MessagePort, Worker } from 'node:worker_threads';

/**
 * What a job runs: a method of the contract with its parsed input, on the
 * case at `casePath` (opened afresh by the job), on behalf of `actor`.
 * Plain data, so it crosses to a worker thread as it is.
 */
export interface JobRequest {
  method: string;
  input: unknown;
  casePath: string | null;
  /** The case is a received file: the job opens it as such (safe open, read-only). */
  readOnly?: boolean;
  actor: string;
  /** The app's own folder (the investigator's key, trusted colleagues): a worker cannot ask the core. */
  appDataDir?: string;
}

/** Runs a job to its end; given by the core, which knows the handlers (jobs/ knows no domain). */
export type JobRunner = (request: JobRequest, control: JobControl) => Promise<unknown>;

/**
 * The other end of a helper thread (see `JobControl.startHelper`): serves
 * its job over `port` from the plain data it was started with.
 */
export type HelperServer = (port: MessagePort, data: never) => void | Promise<void>;

export type WorkerMessage =
  | { type: 'progress'; progress: number | null; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { code: string; message: string } };

export interface HelperOptions {
  /** A small young generation keeps a busy helper's memory down (V8 picks ~3× this). */
  maxYoungGenerationSizeMb?: number;
}

/** What a job's handler is handed besides its input. */
export interface JobControl {
  progress(progress: number | null, message: string): void;
  signal: AbortSignal;
  /**
   * Starts a helper thread for `role` (an entry of the worker's helper
   * table) from the job worker script; absent when jobs run in-process (unit
   * tests), where the domain does that part in its own thread.
   */
  startHelper?: StartHelper | undefined;
}

export type StartHelper = (role: string, data: unknown, options?: HelperOptions) => Worker;
