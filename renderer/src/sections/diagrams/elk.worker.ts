/**
 * Runs ELK off the main thread: a layout of a thousand nodes takes seconds
 * of synchronous work that would freeze the canvas. One request at a time;
 * to cancel, the page terminates this worker (ELK cannot be interrupted).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

export interface ElkRequest {
  id: number;
  graph: ElkNode;
}
export type ElkResponse =
  { id: number; ok: true; graph: ElkNode; ms: number } | { id: number; ok: false; error: string };

const elk = new ELK();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ElkRequest>) => void) | null;
  postMessage(m: ElkResponse): void;
};

// Set after the import on purpose: elk.bundled.js, loaded in a worker, installs its own onmessage
// (its worker protocol); ours replaces it.
scope.onmessage = (e) => {
  const { id, graph } = e.data;
  const t0 = performance.now();
  elk.layout(graph).then(
    (laidOut) => scope.postMessage({ id, ok: true, graph: laidOut, ms: performance.now() - t0 }),
    (err: unknown) => scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
