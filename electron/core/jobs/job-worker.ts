import { parentPort, workerData } from 'node:worker_threads';
import { CustodianError } from '../../../shared/result';
import type { JobKind, WorkerMessage } from './protocol';
import { runJob } from './run-job';

/** Entry of a job's worker thread: run it, report progress at most every 200 ms, report the end. */
const { kind, payload } = workerData as { kind: JobKind; payload: never };
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
let last = 0;
runJob(kind, payload, {
  signal: new AbortController().signal, // cancelling terminates the worker instead
  progress(progress, message) {
    const now = Date.now();
    if (now - last < 200 && progress !== 1) return;
    last = now;
    post({ type: 'progress', progress, message });
  },
}).then(
  (result) => {
    post({ type: 'done', result });
  },
  (e: unknown) => {
    const error =
      e instanceof CustodianError ? { code: e.code, message: e.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    post({ type: 'failed', error });
  },
);
