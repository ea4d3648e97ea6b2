import { isJobMethod, isMethodName, type JobMethodName } from '../../shared/api';
import { CustodianError } from '../../shared/result';
import type { JobHandler } from './handlers/types';
import type { JobControl, JobRequest } from './jobs/protocol';
import { CaseSession } from './session';

type JobHandlerMap = { [M in JobMethodName]?: JobHandler<M> };
const diagramJobs = () => import('./handlers/diagrams').then((m) => m.diagramsHandlers);
const documentJobs = () => import('./handlers/documents').then((m) => m.documentsHandlers);
const entityJobs = () => import('./handlers/entities').then((m) => m.entitiesHandlers);
const interchangeJobs = () => import('./handlers/interchange').then((m) => m.interchangeHandlers);
const recordsJobs = () => import('./handlers/records').then((m) => m.recordsHandlers);
const importJobs = () => import('./handlers/import-jobs').then((m) => m.importJobHandlers);

/**
 * Where each job method's handler lives, loaded when a job of that kind
 * runs: a worker runs one job, and an import's worker need not load (and
 * hold, ~35 MB) the names tables the resolver and search use.
 */
const JOB_HANDLERS: Record<JobMethodName, () => Promise<JobHandlerMap>> = {
  'import.run': importJobs,
  'import.validate': importJobs,
  'diagrams.neighbourhood': diagramJobs,
  'documents.add': documentJobs,
  'documents.ocr': documentJobs,
  'entities.resolve': entityJobs,
  'judgements.undoResolving': entityJobs,
  'interchange.ftm': interchangeJobs,
  'records.exportCsv': recordsJobs,
};

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
    const handler = (await JOB_HANDLERS[method]())[method] as JobHandler<typeof method>;
    return await handler({ session, actor }, input as never, control);
  } finally {
    session.close();
  }
}
