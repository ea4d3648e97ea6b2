import { api, isMethodName, type ApiOutput, type MethodName } from '../../shared/api';
import { CustodianError, err, ok, type Result } from '../../shared/result';
import type { CoreContext } from './context';
import { appendAudit } from './db/audit-log';
import { handlers } from './handlers';
import type { Handler } from './handlers/types';

/**
 * The single entry point every transport calls (IPC, HTTP, CLI): checks the
 * method name, parses the input with the contract's schema, runs the
 * handler, and turns anything thrown into a Result. Mutating methods run in
 * one transaction together with their audit entry.
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
    const handler = handlers[method] as Handler<MethodName>;
    const ctx = { core, session: core.session! };
    if (def.mutates && !def.ownTransaction) {
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

export function toErrorResult(e: unknown): Result<never> {
  if (e instanceof CustodianError) return err(e.code, e.message, e.details);
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
