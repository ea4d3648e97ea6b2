import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { curve, edgeClasses, edgeStyle } from './edges';
import type { DiagramEdge } from './flow-model';

/**
 * Far out on a big diagram (render-detail.tsx) the edges are one drawing:
 * a path per look (kind, grade, colour, width), not two thousand React Flow
 * edges. Those are an SVG element, a store subscription and a hit test
 * each: mounting them was a third of the time a 1,000-node diagram took to
 * open, and moving them half of each frame of a pan. Far out an edge is a
 * hairline nobody can aim at or read a label on; zooming in (or selecting
 * or finding an edge) brings the edges back as React Flow's, labelled and
 * clickable. The lines, their classes and styles are the edges' own
 * (edges.tsx), so they look the same; the arrowhead is drawn as a chevron.
 */
export const EdgeOverview = memo(function EdgeOverview({ edges }: { edges: DiagramEdge[] }) {
  const domNode = useStore(domNodeSelector);
  const layer = useMemo(() => domNode?.querySelector('.react-flow__edges'), [domNode]);
  // `nodes` changes when a node is moved or measured; `nodeLookup` (the same Map throughout) has where it is now.
  const nodes = useStore(nodesSelector);
  const lookup = useStore(lookupSelector);
  const looks = useMemo(() => overviewPaths(edges, lookup), [edges, nodes, lookup]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!layer || looks.length === 0) return null;
  return createPortal(
    <svg className="edge-overview" aria-hidden="true">
      {looks.map((l) => (
        <path key={l.key} className={`react-flow__edge-path ${l.classes}`} style={l.style} d={l.d} />
      ))}
    </svg>,
    layer,
  );
});

/** Far out, the edges React Flow holds (those selected or found: labelled and clickable) and those drawn here. */
export function splitFar(edges: DiagramEdge[]): [DiagramEdge[], DiagramEdge[]] {
  const picked = (e: DiagramEdge) => !!e.selected || !!e.data?.found;
  return [edges.filter(picked), edges.filter((e) => !picked(e))];
}

const domNodeSelector = (s: ReactFlowState) => s.domNode;
const nodesSelector = (s: ReactFlowState) => s.nodes;
const lookupSelector = (s: ReactFlowState) => s.nodeLookup;

interface Look {
  key: string;
  classes: string;
  style: ReturnType<typeof edgeStyle>;
  d: string;
}

/** The edges as paths, one per look (width to half a unit): a few dozen paths for thousands of edges. */
function overviewPaths(edges: DiagramEdge[], lookup: ReactFlowState['nodeLookup']): Look[] {
  const looks = new Map<string, Look & { parts: string[] }>();
  for (const edge of edges) {
    const s = lookup.get(edge.source);
    const t = lookup.get(edge.target);
    if (!s || !t || !edge.data) continue;
    const data = { ...edge.data, width: Math.round(edge.data.width * 2) / 2 };
    const classes = edgeClasses(data);
    const style = edgeStyle(data);
    const key = `${classes}|${JSON.stringify(style)}`;
    const look = looks.get(key) ?? looks.set(key, { key, classes, style, d: '', parts: [] }).get(key)!;
    const { path, control, end } = curve(s, t, data.bend);
    look.parts.push(path, chevron(control, end, data.width));
  }
  return [...looks.values()].map(({ parts, ...l }) => ({ ...l, d: parts.join(' ') }));
}

/** Two strokes back from the end of the line, along the direction it arrives from. */
function chevron(from: { x: number; y: number }, tip: { x: number; y: number }, width: number): string {
  const len = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const [ux, uy] = [(tip.x - from.x) / len, (tip.y - from.y) / len];
  const size = 10 + width * 1.5;
  const back = { x: tip.x - ux * size, y: tip.y - uy * size };
  const side = size * 0.6;
  return (
    `M ${back.x - uy * side},${back.y + ux * side} L ${tip.x},${tip.y} ` +
    `L ${back.x + uy * side},${back.y - ux * side}`
  );
}
