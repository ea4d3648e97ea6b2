import { api, isJobMethod, isMethodName, type JobMethodName, type MethodDef } from '../../shared/api';
import { CustodianError } from '../../shared/result';
import type { JobHandler } from './handlers/types';
import type { JobControl, JobRequest } from './jobs/protocol';
import { CaseSession } from './session';

type JobHandlerMap = { [M in JobMethodName]?: JobHandler<M> };
const diagramJobs = () => import('./handlers/diagrams').then((m) => m.diagramsHandlers);
const documentJobs = () => import('./handlers/documents').then((m) => m.documentsHandlers);
const entityJobs = () => import('./handlers/entities').then((m) => m.entitiesHandlers);
const interchangeJobs = () => import('./handlers/interchange').then((m) => m.interchangeHandlers);
const briefJobs = () => import('./handlers/briefs').then((m) => m.briefsHandlers);
const recordsJobs = () => import('./handlers/records').then((m) => m.recordsHandlers);
const importJobs = () => import('./handlers/import-jobs').then((m) => m.importJobHandlers);
const screeningJobs = () => import('./handlers/screening').then((m) => m.screeningHandlers);
const exchangeJobs = () => import('./handlers/exchange').then((m) => m.exchangeHandlers);
const riskJobs = () => import('./handlers/risk').then((m) => m.riskHandlers);

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
  'lists.import': screeningJobs,
  'screening.run': screeningJobs,
  'briefs.render': briefJobs,
  'exchange.export': exchangeJobs,
  'exchange.verify': exchangeJobs,
  'exchange.merge': exchangeJobs,
  'records.exportCsv': recordsJobs,
  'risk.summary': riskJobs,
};

/**
 * Runs a job method's handler to its end on a connection of its own (the
 * job's, closed after), in a worker thread or, in unit tests, in this one.
 */
export async function runJobMethod(request: JobRequest, control: JobControl): Promise<unknown> {
  const { method, input, casePath, actor, appDataDir, readOnly } = request;
  if (!isMethodName(method) || !isJobMethod(method)) throw new Error(`${method} is not a job method.`);
  const handler = (await JOB_HANDLERS[method]())[method] as JobHandler<typeof method>;
  if ((api[method] as MethodDef).noCase) {
    // A job on files other than the open case (verifying a received file) opens none: opening would migrate it.
    const ctx = {
      actor,
      appDataDir,
      get session(): CaseSession {
        throw new CustodianError('no_case', `${method} works without a case.`);
      },
    };
    return await handler(ctx, input as never, control);
  }
  if (!casePath) throw new CustodianError('no_case', 'No case is open.');
  // A received file is opened as such again (safe open, read-only); who sealed it is looked up in the app folder.
  const session = readOnly ? CaseSession.openAny(casePath, appDataDir ?? '') : CaseSession.open(casePath);
  try {
    return await handler({ session, actor, appDataDir }, input as never, control);
  } finally {
    session.close();
  }
}
