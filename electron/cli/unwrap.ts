import type { MethodName } from '../../shared/api';
import { CustodianError } from '../../shared/result';
import type { CoreContext } from '../core/context';
import { callToEnd } from '../core/dispatch';
import { endProgress, reportProgress } from './progress';

/**
 * Calls a method the way every transport does (a job method runs as a job,
 * in a worker thread, and is waited for with its progress on stderr), and
 * throws its error for the CLI to print.
 */
export async function unwrap(core: CoreContext, method: MethodName, input: unknown): Promise<unknown> {
  const result = await callToEnd(core, method, input, reportProgress);
  endProgress();
  if (!result.ok) throw new CustodianError(result.error.code, result.error.message, result.error.details);
  return result.value;
}
