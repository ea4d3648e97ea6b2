import type { z } from 'zod';

/**
 * One API method: its input schema, whether it changes the case (mutating
 * methods run in one transaction and write an audit entry), and its output
 * type (a phantom: only the type exists at run time).
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown, R = unknown> {
  readonly input: I;
  readonly mutates: boolean;
  /** Needs no open case (e.g. `case.open`, `case.recent`). */
  readonly noCase?: boolean;
  /**
   * Long work (imports, resolution, OCR, briefs…). Calling the method starts
   * a job and answers its `JobStatus` at once; the job runs the method's
   * handler off the calling thread on a connection of its own, reports
   * progress, can be cancelled, and ends with the handler's result (`R`),
   * read with `jobs.get`. A job writes in one transaction with its own audit
   * entry, so a cancelled or crashed job leaves the case as it was.
   */
  readonly job?: boolean;
  /**
   * A job that may run on a received (read-only) case although it writes on
   * one's own: it leaves out what it would write there (e.g. a brief's
   * rendering is not audited in a file the receiver may not change).
   */
  readonly runsOnReceived?: boolean;
  readonly __output?: O;
  readonly __result?: R;
}

/** The state of a job, with its result once done. */
export interface JobStatus<R = unknown> {
  jobId: string;
  /** The method the job runs. */
  kind: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0..1, or null when the total is unknown. */
  progress: number | null;
  message: string;
  result?: R;
  error?: { code: string; message: string };
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, opts: { mutates: boolean; noCase?: boolean }): MethodDef<I, O> => ({
    input,
    ...opts,
  });
}

/** A method that runs as a job (see `MethodDef.job`) and ends with a result of type `R`. */
export function job<R>() {
  return <I extends z.ZodType>(
    input: I,
    opts: { mutates: boolean; noCase?: boolean; runsOnReceived?: boolean },
  ): MethodDef<I, JobStatus<R>, R> & { readonly job: true } => ({
    input,
    ...opts,
    job: true,
  });
}
