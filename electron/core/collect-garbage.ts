import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/**
 * A full garbage collection now. Long jobs call it between phases: each
 * phase of a million-record resolve leaves a few hundred MB of garbage that
 * V8, with gigabytes of headroom on a desktop, would otherwise carry into
 * the next phase's peak. (The flag is set only to reach the collector; it
 * changes nothing else.)
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * Returns a check to call now and then during a long phase: it collects when the heap has grown by `bytes`
 * since the last collection. V8 would let a heap with gigabytes of headroom grow by several times its live
 * size before collecting; a resolve's memory budget is tighter than that.
 */
export function collectEvery(bytes: number): () => void {
  let base = getHeapStatistics().used_heap_size;
  return () => {
    if (getHeapStatistics().used_heap_size < base + bytes) return;
    collectGarbage();
    base = getHeapStatistics().used_heap_size;
  };
}
