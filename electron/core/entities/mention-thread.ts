import { Worker, type MessagePort } from 'node:worker_threads';
import { CustodianError } from '../../../shared/result';
import { openCaseReadOnly } from '../db/connection';
import { iterateRecordParties } from '../db/mentions';
import { trace } from '../trace';
import { readMentions, type MentionRows, type SlotBatch, type SlotFacts } from './mention-reader';

/**
 * Reading a big case's parties in a thread of its own, on a read-only
 * connection, while the caller analyzes the names the batches bring (on a
 * million records each half costs ~10–14 s of CPU). When the reading ends
 * the thread goes, and with it the garbage of 10M strings read: the
 * caller's memory holds only what resolving needs. Like the import's
 * reading thread, it runs the app's job worker script with a `role`, so a
 * packaged app needs no second entry point.
 */

export const MENTIONS_ROLE = 'entity-mentions';

/** Cases with fewer records are read in the resolving thread: starting a second costs more than it wins. */
export function mentionThreadMinRecords(): number {
  const env = Number(process.env.CUSTODIAN_MENTION_THREAD_MIN_RECORDS);
  return Number.isFinite(env) && env > 0 ? env : 50_000;
}

type FromReader =
  | { type: 'batch'; batch: SlotBatch; records: number }
  | { type: 'done'; rows: MentionRows; facts: SlotFacts }
  | { type: 'failed'; error: { code: string; message: string } };

/**
 * readMentions over the case at `casePath`, in a thread started from `script`. `onBatch` (synchronous) gets
 * each batch in order; a throw from it stops the reader and rejects, as does any failure of the reader.
 */
export function readMentionsInThread(
  script: string,
  casePath: string,
  onBatch: (batch: SlotBatch) => void,
  onProgress?: (records: number) => void,
): Promise<{ rows: MentionRows; facts: SlotFacts }> {
  return new Promise((resolve, reject) => {
    // A 12 MiB young generation (V8 picks ~3× that) is plenty for rows read and dropped one by one.
    const worker = new Worker(script, { workerData: { role: MENTIONS_ROLE, casePath }, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
    let settled = false;
    const settle = (e: unknown, result?: { rows: MentionRows; facts: SlotFacts }) => {
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
          onBatch(m.batch);
          onProgress?.(m.records);
        } catch (e) {
          settle(e);
        }
      } else if (m.type === 'done') settle(null, { rows: m.rows, facts: m.facts });
      else settle(new CustodianError(m.error.code, m.error.message));
    });
    worker.on('error', (e) => settle(e));
    worker.on('exit', (code) => settle(new Error(`The resolver's reading thread stopped unexpectedly (exit code ${code}).`)));
  });
}

/** The thread's side: read, post each batch as it comes, then the mention columns (moved, not copied). */
export function serveMentionRead(port: MessagePort, casePath: string): void {
  const post = (m: FromReader, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    const db = openCaseReadOnly(casePath);
    // One pass in id order: a page is read once, and a 64 MiB cache would only hold the memory.
    db.pragma('cache_size = -2048');
    let records = 0;
    const { rows, facts } = readMentions(
      iterateRecordParties(db),
      (batch) => post({ type: 'batch', batch, records }),
      (n) => (records = n),
    );
    db.close();
    trace('resolve: records read');
    const buffers = [rows.recordId, rows.role, rows.slot, facts.slotCount, facts.declarationEdges, facts.edgeDeclaration, facts.producerShipper];
    post({ type: 'done', rows, facts }, buffers.map((b) => b.buffer as ArrayBuffer));
  } catch (e) {
    const error = e instanceof CustodianError ? { code: e.code, message: e.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    post({ type: 'failed', error });
  }
}
