import type { MethodName } from '../../shared/api';
import { CustodianError } from '../../shared/result';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';

/** Calls a method the way every transport does, and throws its error for the CLI to print. */
export async function unwrap(core: CoreContext, method: MethodName, input: unknown): Promise<unknown> {
  const result = await dispatch(core, method, input);
  if (!result.ok) throw new CustodianError(result.error.code, result.error.message, result.error.details);
  return result.value;
}
