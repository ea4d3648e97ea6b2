import {
  api,
  isJobMethod,
  isMethodName,
  type ApiOutput,
  type JobMethodName,
  type JobResult,
  type JobStatus,
  type MethodDef,
  type MethodName,
} from '../../shared/api';
import { CustodianError, err, ok, type Result } from '../../shared/result';
import type { CoreContext } from './context';
import { appendAudit } from './db/audit-log';
import { handlers } from './handlers';
import type { Handler, JobHandler } from './handlers/types';

/**
 * The single entry point every transport calls (IPC, HTTP, CLI): checks the
 * method name, parses the input with the contract's schema, runs the
 * handler, and turns anything thrown into a Result. Mutating methods run in
 * one transaction together with their audit entry; a job method is started
 * through the job manager and answers its status (see `MethodDef.job`).
 */
export async function dispatch(core: CoreContext, method: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return err('unknown_method', `There is no API method ${String(method)}.`);
  const def = api[method];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
    return err('invalid_input', `Invalid input for ${method}: ${issues.join('; ')}.`, parsed.error.issues);
  }
  try {
    if (!def.noCase && !core.session) return err('no_case', 'No case is open.');
    const ctx = { core, session: core.session! };
    const received = core.session?.received != null && !def.noCase;
    if (received && def.mutates && !(def as MethodDef).runsOnReceived) return readOnlyRefusal();
    if (isJobMethod(method)) {
      const job = handlers[method] as JobHandler<JobMethodName>;
      job.check?.(ctx, parsed.data as never);
      return ok(
        core.jobs.start({
          method,
          input: parsed.data,
          casePath: core.session?.path ?? null,
          readOnly: received,
          actor: core.actor,
          appDataDir: core.appDataDir,
        }),
      );
    }
    const handler = handlers[method] as Handler<MethodName>;
    if (def.mutates) {
      const db = core.session!.db;
      const value = db
        .transaction(() => {
          const out = handler(ctx, parsed.data as never);
          if (out instanceof Promise) throw new Error(`${method} is mutating and must be synchronous`);
          appendAudit(db, core.actor, method, parsed.data);
          return out;
        })
        .immediate();
      return ok(value);
    }
    return ok(await handler(ctx, parsed.data as never));
  } catch (e) {
    return toErrorResult(e);
  }
}

const READ_ONLY =
  'This case was received from someone else and is open read-only; use "Save as my case" to work on a copy of it.';

/**
 * A received case takes no writes: methods that write are refused here (but
 * for jobs that leave their writes out there, `runsOnReceived`; a job opens
 * the file again, read-only as well), and the connection, read-only,
 * refuses any write that a method not marked as writing might still try
 * (SQLITE_READONLY, answered the same way).
 */
const readOnlyRefusal = () => err('read_only', READ_ONLY);

export function toErrorResult(e: unknown): Result<never> {
  if (e instanceof CustodianError) return err(e.code, e.message, e.details);
  if ((e as { code?: unknown } | null)?.code === 'SQLITE_READONLY') return readOnlyRefusal();
  const message = e instanceof Error ? e.message : String(e);
  return err('internal', `Something went wrong: ${message}`);
}

/** Typed convenience for core-side callers (CLI, tests). */
export async function call<M extends MethodName>(
  core: CoreContext,
  method: M,
  input: unknown,
): Promise<Result<ApiOutput<M>>> {
  return (await dispatch(core, method, input)) as Result<ApiOutput<M>>;
}

/** What a method ends with: a job method's result, any other method's output. */
export type FinalOutput<M extends MethodName> = M extends JobMethodName ? JobResult<M> : ApiOutput<M>;

/**
 * Calls a method and, for a job method, waits for the job to end (`onStatus`
 * sees each change of its progress): its result, or its failure or
 * cancellation as an error Result. The CLI and tests call every method so.
 */
export async function callToEnd<M extends MethodName>(
  core: CoreContext,
  method: M,
  input: unknown,
  onStatus?: (status: JobStatus) => void,
): Promise<Result<FinalOutput<M>>> {
  const r = await dispatch(core, method, input);
  if (!r.ok || !isMethodName(method) || !isJobMethod(method)) return r as Result<FinalOutput<M>>;
  const started = r.value as JobStatus;
  const stopWatching = onStatus ? watch(core, started.jobId, onStatus) : () => undefined;
  const end = await core.jobs.wait(started.jobId);
  stopWatching();
  if (end.state === 'done') return ok(end.result as FinalOutput<M>);
  return err(end.error?.code ?? end.state, end.error?.message ?? end.message);
}

/** Hands each new status of a running job to `onStatus`, four times a second at most. */
function watch(core: CoreContext, jobId: string, onStatus: (status: JobStatus) => void): () => void {
  let last = '';
  const timer = setInterval(() => {
    const s = core.jobs.get(jobId);
    const key = `${s.progress}|${s.message}`;
    if (s.state === 'running' && key !== last) onStatus(s);
    last = key;
  }, 250);
  return () => clearInterval(timer);
}
