import type { MessagePort } from 'node:worker_threads';
import { READ_ROLE } from '../../helper-roles';
import { errorOf } from '../../jobs/job-manager';
import type { StartHelper } from '../../jobs/protocol';
import { CustodianError } from '../../../../shared/result';
import { readImportRows, type ReadPlan, type ReadResult, type RowBatch } from './import-rows';
import { packTransferList } from './record-pack';

/**
 * Reading and writing an import in two threads: this thread's caller
 * inserts batch n while the reading thread decodes, parses and normalizes
 * batch n + 1 (on a million rows the two halves cost about the same CPU).
 * The reading thread is a helper thread of the import's job (see
 * `JobControl.startHelper`).
 */

/** Batches the reader may run ahead of the writer: enough to never idle, few enough to keep memory flat. */
const AHEAD = 32;

type FromReader =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'done'; result: ReadResult }
  | { type: 'failed'; error: { code: string; message: string } };

/** Files below this size import in one thread: starting a second costs more than it wins. */
export function readThreadMinBytes(): number {
  const env = Number(process.env.CUSTODIAN_READ_THREAD_MIN_BYTES);
  return Number.isFinite(env) && env > 0 ? env : 8 * 1024 * 1024;
}

/**
 * readImportRows in a helper thread of the job: `sink` (synchronous: it
 * writes) gets each batch in order; a throw from it stops the reader and
 * rejects, as does any failure of the reader.
 */
export function readImportRowsInThread(
  startHelper: StartHelper,
  plan: ReadPlan,
  sink: (b: RowBatch) => void,
): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    // A 12 MiB young generation (V8 picks ~3× that) keeps a million-row import ~20 MB lower at no measurable cost.
    const worker = startHelper(READ_ROLE, plan, { maxYoungGenerationSizeMb: 12 });
    let settled = false;
    const settle = (e: unknown, result?: ReadResult) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (result) resolve(result);
      else reject(e instanceof Error ? e : new Error(String(e)));
    };
    worker.on('message', (m: FromReader) => {
      if (settled) return;
      if (m.type === 'batch') {
        try {
          sink(m.batch);
          worker.postMessage('next');
        } catch (e) {
          settle(e);
        }
      } else if (m.type === 'done') settle(null, m.result);
      else settle(new CustodianError(m.error.code, m.error.message));
    });
    worker.on('error', (e) => settle(e));
    worker.on('exit', (code) =>
      settle(new Error(`The import's reading thread stopped unexpectedly (exit code ${code}).`)),
    );
  });
}

/** The reading thread's side: read, post batches no more than AHEAD in front of the writer, report the end. */
export async function serveImportRead(port: MessagePort, plan: ReadPlan): Promise<void> {
  let ahead = 0;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    ahead--;
    wake?.();
    wake = null;
  });
  const post = (m: FromReader, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    const result = await readImportRows(plan, async (batch) => {
      post({ type: 'batch', batch }, packTransferList(batch.records));
      ahead++;
      while (ahead >= AHEAD) await new Promise<void>((r) => (wake = r));
    });
    post({ type: 'done', result });
  } catch (e) {
    post({ type: 'failed', error: errorOf(e) });
  }
  port.removeAllListeners('message');
}
