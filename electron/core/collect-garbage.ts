import { setFlagsFromString } from 'node:v8';
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
