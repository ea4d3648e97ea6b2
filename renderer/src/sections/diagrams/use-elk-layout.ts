import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fromElkGraph,
  toElkGraph,
  type LayoutInputEdge,
  type LayoutInputNode,
  type LayoutPositions,
  type LayoutScope,
} from './elk-graph';
import type { ElkRequest, ElkResponse } from './elk.worker';

/** Rejected with this when a layout is cancelled (by `cancel`, a newer layout, or unmount). */
export class LayoutCancelled extends Error {
  constructor() {
    super('Layout cancelled');
    this.name = 'LayoutCancelled';
  }
}

interface Pending {
  id: number;
  resolve(p: LayoutPositions): void;
  reject(e: Error): void;
  nodes: readonly LayoutInputNode[];
  scope: LayoutScope;
}

/**
 * ELK in a worker of the renderer's own build (CSP worker-src 'self'). Kept
 * between layouts (ELK's start-up is not free) and thrown away to cancel:
 * GWT code cannot be interrupted, a terminated worker can.
 */
export class ElkLayoutRunner {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  /** How long ELK itself took for the last layout (in the worker), for the bench and the status line. */
  lastElkMs = 0;

  get busy(): boolean {
    return this.pending !== null;
  }

  layout(nodes: readonly LayoutInputNode[], edges: readonly LayoutInputEdge[], scope: LayoutScope = {}) {
    this.cancel();
    const graph = toElkGraph(nodes, edges, scope);
    const worker = (this.worker ??= this.start());
    return new Promise<LayoutPositions>((resolve, reject) => {
      const id = this.nextId++;
      this.pending = { id, resolve, reject, nodes, scope };
      worker.postMessage({ id, graph } satisfies ElkRequest);
    });
  }

  cancel(): void {
    if (!this.pending) return;
    const { reject } = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    reject(new LayoutCancelled());
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: 'elk-layout' });
    worker.onmessage = (e: MessageEvent<ElkResponse>) => {
      const p = this.pending;
      if (!p || p.id !== e.data.id) return;
      this.pending = null;
      if (e.data.ok) {
        this.lastElkMs = e.data.ms;
        // For the canvas bench (bench/canvas.bench.ts), which reads ELK's own time from the page.
        performance.mark('elk-layout', { detail: { ms: e.data.ms, nodes: p.nodes.length } });
        p.resolve(fromElkGraph(e.data.graph, p.nodes, p.scope));
      } else p.reject(new Error(`Layout failed: ${e.data.error}`));
    };
    worker.onerror = (e) => {
      const p = this.pending;
      this.pending = null;
      this.worker = null;
      worker.terminate();
      p?.reject(new Error(`Layout failed: ${e.message || 'the layout worker did not start'}`));
    };
    return worker;
  }
}

/**
 * `layout(nodes, edges, { selectedOnly })` → the new top-left position of each node laid out, by
 * node id; the canvas applies them (as one undoable move). Starting a layout cancels the one
 * running; `running` says whether one is.
 */
export function useElkLayout() {
  const runner = useRef<ElkLayoutRunner | null>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    const r = (runner.current = new ElkLayoutRunner());
    return () => r.dispose();
  }, []);
  const layout = useCallback(
    async (nodes: readonly LayoutInputNode[], edges: readonly LayoutInputEdge[], scope: LayoutScope = {}) => {
      const r = (runner.current ??= new ElkLayoutRunner());
      setRunning(true);
      try {
        return await r.layout(nodes, edges, scope);
      } finally {
        // A newer layout may have cancelled this one and still run.
        setRunning(r.busy);
      }
    },
    [],
  );
  const cancel = useCallback(() => runner.current?.cancel(), []);
  return { layout, cancel, running };
}
