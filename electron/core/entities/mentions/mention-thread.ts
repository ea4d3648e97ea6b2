import type { MessagePort } from 'node:worker_threads';
import { MENTIONS_ROLE } from '../../helper-roles';
import { errorOf } from '../../jobs/job-manager';
import type { StartHelper } from '../../jobs/protocol';
import { CustodianError } from '../../../../shared/result';
import { openCaseReadOnly, openCaseSecondWriter, setCacheSize } from '../../db/connection';
import { iterateRecordParties, stageMentions } from '../../db/mentions';
import { collectGarbage } from '../../collect-garbage';
import { trace } from '../../trace';
import { readMentions, type SlotBatch, type SlotFacts } from './mention-reader';

/**
 * A big case's parties read in a thread of its own, on a read-only
 * connection, while the resolving thread analyzes the names the batches
 * bring (on a million records each half costs ~15 s of CPU). Once read, the
 * thread stages the mentions (stageMentions: ~2.5M rows and their index)
 * while the resolving thread compares names; the resolve's own transaction
 * swaps them in. The thread's garbage (10M strings read) goes with it. Like
 * the import's reading thread, it runs the app's job worker script with a
 * `role`, so a packaged app needs no second entry point.
 */

/** Cases with fewer records are read in the resolving thread: starting a second costs more than it wins. */
export function mentionThreadMinRecords(): number {
  const env = Number(process.env.CUSTODIAN_MENTION_THREAD_MIN_RECORDS);
  return Number.isFinite(env) && env > 0 ? env : 50_000;
}

type FromReader =
  | { type: 'batch'; batch: SlotBatch; records: number }
  | { type: 'read'; facts: SlotFacts }
  | { type: 'staged' }
  | { type: 'failed'; error: { code: string; message: string } };

export interface MentionReading {
  /** Every record read (and every batch handed over): what resolving needs besides the batches. */
  read: Promise<SlotFacts>;
  /** The mentions staged, name id = slot + 1 (stageMentions). */
  staged: Promise<void>;
  /** Stops the thread (an unfinished staging is rolled back with its connection). */
  close(): void;
}

/**
 * Reads and stages the mentions of the case at `casePath` in a helper thread of the job. `onBatch`
 * (synchronous) gets each batch in order; a throw from it, or any failure of the thread, rejects what is
 * still pending.
 */
export function readMentionsInThread(
  startHelper: StartHelper,
  casePath: string,
  onBatch: (batch: SlotBatch) => void,
  onProgress?: (records: number) => void,
): MentionReading {
  // A 12 MiB young generation (V8 picks ~3× that) is plenty for rows read and dropped one by one.
  const worker = startHelper(MENTIONS_ROLE, casePath, { maxYoungGenerationSizeMb: 12 });
  const read = deferred<SlotFacts>();
  const staged = deferred<void>();
  let failed = false;
  const fail = (e: unknown) => {
    if (failed) return;
    failed = true;
    const error = e instanceof Error ? e : new Error(String(e));
    read.reject(error);
    staged.reject(error);
    void worker.terminate();
  };
  worker.on('message', (m: FromReader) => {
    if (failed) return;
    if (m.type === 'batch') {
      try {
        onBatch(m.batch);
        onProgress?.(m.records);
      } catch (e) {
        fail(e);
      }
    } else if (m.type === 'read') read.resolve(m.facts);
    else if (m.type === 'staged') {
      staged.resolve();
      worker.removeAllListeners();
      void worker.terminate();
    } else fail(new CustodianError(m.error.code, m.error.message));
  });
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`The resolver's reading thread stopped unexpectedly (exit code ${code}).`)),
  );
  return {
    read: read.promise,
    staged: staged.promise,
    close: () => {
      worker.removeAllListeners();
      void worker.terminate();
    },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined); // awaited later, or never when an earlier step failed
  return { promise, resolve, reject };
}

/** The thread's side: read, post each batch as it comes, the facts, then stage the mentions. */
export function serveMentionRead(port: MessagePort, casePath: string): void {
  const post = (m: FromReader) => port.postMessage(m);
  try {
    const reader = openCaseReadOnly(casePath);
    // One pass in id order: a page is read once, and a 64 MiB cache would only hold the memory.
    setCacheSize(reader, 2048);
    let records = 0;
    const { rows, facts } = readMentions(
      iterateRecordParties(reader),
      (batch) => post({ type: 'batch', batch, records }),
      (n) => (records = n),
    );
    reader.close();
    trace('resolve: records read');
    post({ type: 'read', facts });
    // While the other thread compares names, this one's memory is on top of it: what reading kept (~150 MB of
    // names and maps) goes now, and the writer's cache stays small (the rows go in in key order). A second
    // collection hands the emptied pages back (after one, the heap kept ~115 MB committed for 25 MB used).
    collectGarbage();
    collectGarbage();
    trace('resolve: reader collected');
    const writer = openCaseSecondWriter(casePath);
    setCacheSize(writer, 16384);
    const nameId = rows.slot;
    for (let i = 0; i < nameId.length; i++) nameId[i]!++;
    writer.transaction(() => stageMentions(writer, { recordId: rows.recordId, role: rows.role, nameId })).immediate();
    writer.close();
    trace('resolve: mentions staged');
    post({ type: 'staged' });
  } catch (e) {
    post({ type: 'failed', error: errorOf(e) });
  }
}
