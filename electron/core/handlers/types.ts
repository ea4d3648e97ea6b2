import type { ApiOutput, ApiParsedInput, JobMethodName, JobResult, MethodName } from '../../../shared/api';
import type { CoreContext } from '../context';
import type { JobControl } from '../jobs/protocol';
import type { CaseSession } from '../session';

export interface HandlerContext {
  core: CoreContext;
  /** The open case; present for every method not marked `noCase`. */
  session: CaseSession;
}

/** What a job's handler reaches: the case on the job's own connection, and who acts. */
export interface JobContext {
  session: CaseSession;
  actor: string;
  /** The app's own folder, when the caller gave it (see JobRequest). */
  appDataDir?: string | undefined;
}

export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: ApiParsedInput<M>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

/**
 * The handler of a job method runs in the job (see `MethodDef.job`);
 * `check`, where given, runs first in the calling thread, so that a job that
 * cannot succeed (a judgement undone already, OCR without tesseract) is
 * refused at once instead of failing in the background.
 */
export type JobHandler<M extends JobMethodName> = ((
  ctx: JobContext,
  input: ApiParsedInput<M>,
  control: JobControl,
) => JobResult<M> | Promise<JobResult<M>>) & { check?: (ctx: HandlerContext, input: ApiParsedInput<M>) => void };

/** A typed handler map for one area of the API (as Actual Budget does per domain). */
export type Handlers<M extends MethodName> = { [K in M]: K extends JobMethodName ? JobHandler<K> : Handler<K> };

/** A job handler with a check that runs before the job starts. */
export function checkedJob<M extends JobMethodName>(
  check: NonNullable<JobHandler<M>['check']>,
  run: (ctx: JobContext, input: ApiParsedInput<M>, control: JobControl) => JobResult<M> | Promise<JobResult<M>>,
): JobHandler<M> {
  return Object.assign(run, { check });
}
