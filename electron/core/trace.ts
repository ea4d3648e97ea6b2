import { readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

const on = !!process.env.CUSTODIAN_TRACE;
const started = Date.now();

/** This thread's CPU seconds (Linux), or NaN. */
function threadCpu(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * With CUSTODIAN_TRACE set, one line on stderr per phase of a long job: wall time, this thread's CPU,
 * the process's memory. How the benchmarks' figures are taken apart; silent otherwise.
 */
export function trace(label: string): void {
  if (!on) return;
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1e6).toFixed(0);
  process.stderr.write(
    `[trace t${threadId}] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s, thread cpu ${threadCpu().toFixed(1)} s, rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, external ${mb(m.external)}\n`,
  );
}
