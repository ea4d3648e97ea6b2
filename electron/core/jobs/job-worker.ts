import { parentPort, workerData } from 'node:worker_threads';
import { CustodianError } from '../../../shared/result';
import type { ReadPlan } from '../import/batches/import-rows';
import { MENTIONS_ROLE, serveMentionRead } from '../entities/mentions/mention-thread';
import { READ_ROLE, serveImportRead } from '../import/batches/read-thread';
import type { JobKind, WorkerMessage } from './protocol';
import { runJob } from './run-job';

/**
 * Entry of a job's worker thread: run it, report progress at most every 200 ms, report the end.
 * The same script also serves as a job's helper thread: an import's reading thread (read-thread.ts)
 * or the resolver's (mention-thread.ts).
 */
const data = workerData as { role?: string; kind: JobKind; payload: never; script?: string; plan: ReadPlan; casePath: string };
if (data.role === READ_ROLE) void serveImportRead(parentPort!, data.plan);
else if (data.role === MENTIONS_ROLE) serveMentionRead(parentPort!, data.casePath);
else runAsJob();

function runAsJob(): void {
  const { kind, payload, script } = data;
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  let last = 0;
  runJob(kind, payload, {
    signal: new AbortController().signal, // cancelling terminates the worker instead
    workerScript: script,
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
}
