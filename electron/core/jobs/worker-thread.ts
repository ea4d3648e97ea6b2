import { parentPort, Worker, workerData } from 'node:worker_threads';
import { errorOf } from './job-manager';
import type { HelperServer, JobControl, JobRequest, JobRunner, StartHelper, WorkerMessage } from './protocol';

type WorkerData = { request: JobRequest; script: string } | { role: string; data: unknown };

/**
 * The body of the job worker script (its entry, core/worker-main.ts, hands
 * in what to run): run one job and report its progress, at most every
 * 200 ms, and its end. The same script serves as a job's helper thread when
 * started with a `role` (an import's reading thread, the resolver's mention
 * reader), so a packaged app needs one worker entry.
 */
export function serveWorkerThread(run: JobRunner, helpers: Record<string, () => Promise<HelperServer>>): void {
  const data = workerData as WorkerData;
  if ('role' in data) {
    const load = helpers[data.role];
    if (!load) throw new Error(`No helper thread serves the role ${data.role}.`);
    void load().then((serve) => serve(parentPort!, data.data as never));
    return;
  }
  const { request, script } = data;
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  let last = 0;
  const control: JobControl = {
    signal: new AbortController().signal, // cancelling terminates the worker instead
    progress(progress, message) {
      const now = Date.now();
      if (now - last < 200 && progress !== 1) return;
      last = now;
      post({ type: 'progress', progress, message });
    },
    startHelper: helperStarter(script),
  };
  run(request, control).then(
    (result) => post({ type: 'done', result }),
    (e: unknown) => post({ type: 'failed', error: errorOf(e) }),
  );
}

/** Starts helper threads from the job worker `script` (each serves the role it is started with). */
export function helperStarter(script: string): StartHelper {
  return (role, data, options) => new Worker(script, { workerData: { role, data }, resourceLimits: options ?? {} });
}
