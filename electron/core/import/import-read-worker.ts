import { parentPort, workerData } from 'node:worker_threads';
import { CustodianError } from '../../../shared/result';
import { readImportRows, type ReadPlan, type RowBatch } from './import-rows';

/**
 * Entry of an import's reading thread (bundled to import-read-worker.cjs
 * next to the job worker): reads, normalizes and posts batches of rows to
 * the job's thread, which writes them. At most MAX_IN_FLIGHT batches wait
 * unwritten, so memory stays flat however far reading runs ahead.
 */
export type ReaderMessage =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'done'; info: Awaited<ReturnType<typeof readImportRows>>['info']; sha256: string | null }
  | { type: 'failed'; error: { code: string; message: string } };

const MAX_IN_FLIGHT = 3;
const port = parentPort!;
const post = (m: ReaderMessage) => port.postMessage(m);
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m !== 'written') return;
  inFlight--;
  const w = wake;
  wake = null;
  w?.();
});

readImportRows(workerData as ReadPlan, async (batch) => {
  post({ type: 'batch', batch });
  inFlight++;
  while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
}).then(
  ({ info, sha256 }) => post({ type: 'done', info, sha256 }),
  (e: unknown) => {
    const error =
      e instanceof CustodianError ? { code: e.code, message: e.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    post({ type: 'failed', error });
  },
);
