import { isJobMethod, isMethodName } from '../../shared/api';
import { CustodianError } from '../../shared/result';
import { handlers } from './handlers';
import type { JobHandler } from './handlers/types';
import type { JobControl, JobRequest } from './jobs/protocol';
import { CaseSession } from './session';

/**
 * Runs a job method's handler to its end on a connection of its own (the
 * job's, closed after), in a worker thread or, in unit tests, in this one.
 */
export async function runJobMethod(request: JobRequest, control: JobControl): Promise<unknown> {
  const { method, input, casePath, actor } = request;
  if (!isMethodName(method) || !isJobMethod(method)) throw new Error(`${method} is not a job method.`);
  if (!casePath) throw new CustodianError('no_case', 'No case is open.');
  const session = CaseSession.open(casePath);
  try {
    const handler = handlers[method] as JobHandler<typeof method>;
    return await handler({ session, actor }, input as never, control);
  } finally {
    session.close();
  }
}
