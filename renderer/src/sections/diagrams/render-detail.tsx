import { Background, useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * What keeps a big diagram (a thousand nodes, two thousand edges) smooth to
 * open, pan and zoom. Profiling the canvas showed three costs, each fixed here:
 *
 * - Level of detail: below `DETAIL_ZOOM` text is a few pixels high and cannot
 *   be read, so edge labels, node header rows and the background dots are not
 *   drawn (thousands of elements fewer to create, lay out and paint). Only
 *   on big diagrams (`FULL_DETAIL_BELOW` nodes or more): a small one
 *   costs little and is drawn in full at any zoom, as before. Components ask
 *   with `useNear()`, a boolean selector: they re-render when the zoom crosses
 *   the threshold, not on every frame of a pan or zoom.
 * - Far out, the edges are one drawing, not React Flow edges (edge-overview.tsx).
 * - Edge labels are portalled into React Flow's label layer, found once per
 *   label (`EdgeLabelPortal`). React Flow's own `EdgeLabelRenderer` finds it with a
 *   `querySelector` in a store selector, which runs for every label on every
 *   store update: two thousand DOM queries per frame of a pan.
 * - Far out, paint property nodes (what Chrome re-layerizes on every frame of
 *   a pan) are kept to one per node: handles are hidden and have no transform
 *   or opacity, labels are shortened instead of clipped (diagrams.css).
 * - While the view moves, the viewport is its own compositor layer (the
 *   canvas wrapper gets `moving`, see diagrams.css): a pan is then a move of
 *   an already painted layer instead of a repaint of every node and edge.
 *   The class goes when the movement ends, so text is painted sharp again at
 *   the new zoom.
 */
export const DETAIL_ZOOM = 0.45;
/** Nodes from which a diagram is big. (Not its edges: far out, React Flow holds only some of them.) */
export const FULL_DETAIL_BELOW = 150;

const nearSelector = (s: ReactFlowState) => s.transform[2] >= DETAIL_ZOOM || s.nodeLookup.size < FULL_DETAIL_BELOW;

/** Whether to draw small text: zoomed in far enough to read it, or a small diagram. */
export const useNear = () => useStore(nearSelector);

/** About two lines of a node's label (`.node-label.far` is not clipped: see diagrams.css). */
export function farLabel(label: string): string {
  const chars = Array.from(label);
  return chars.length <= FAR_LABEL_CHARS ? label : `${chars.slice(0, FAR_LABEL_CHARS - 1).join('')}…`;
}
const FAR_LABEL_CHARS = 48;

const domNodeSelector = (s: ReactFlowState) => s.domNode;

/** Draws its children in React Flow's edge label layer (above edges and nodes, moved with the viewport). */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  // The selector only reads a field; the DOM is queried when the canvas element changes, not per update.
  const domNode = useStore(domNodeSelector);
  const layer = useMemo(() => domNode?.querySelector('.react-flow__edgelabel-renderer'), [domNode]);
  return layer ? createPortal(children, layer) : null;
}

/** The dotted background, only when zoomed in: far out the dots are a grey haze that costs a repaint per frame. */
export function DetailBackground() {
  return useNear() ? <Background gap={20} /> : null;
}

/** `onMoveStart` / `onMoveEnd` handlers that mark the canvas wrapper as moving (a compositor layer while it moves). */
export function movingClass(wrapper: { current: HTMLElement | null }) {
  return {
    start: () => wrapper.current?.classList.add('moving'),
    end: () => wrapper.current?.classList.remove('moving'),
  };
}
