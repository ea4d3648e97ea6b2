import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { chplTierColour, drawnTier } from '../../../../shared/diagrams/chpl-colours';
import type { DiagramView, EdgeKind, NodeKind, ViewEdge, ViewNode } from '../../../../shared/domain/diagrams';

/** What every node component gets: the node as the core computed it, and whether "find" picked it. */
export interface NodeData extends Record<string, unknown> {
  view: ViewNode;
  found: boolean;
}
export type EntityNode = Node<NodeData, 'entity'>;
export type DocumentNode = Node<NodeData, 'document'>;
export type ExcerptNode = Node<NodeData, 'excerpt'>;
export type NoteNode = Node<NodeData, 'note'>;
export type GroupNode = Node<NodeData, 'group'>;
export type DiagramNode = EntityNode | DocumentNode | ExcerptNode | NoteNode | GroupNode;

export interface EdgeData extends Record<string, unknown> {
  view: ViewEdge;
  /** Stroke width: shipment edges by value (log scale against the diagram's biggest), others fixed. */
  width: number;
  /** Edges joining the same two nodes are bowed apart: 0 straight, ±1, ±2… */
  bend: number;
  /** A shipment edge with records behind it: the colour of its goods' most urgent CHPL tier (none off the list). */
  tierColour: string | null;
  found: boolean;
}
export type DiagramEdge = Edge<EdgeData, EdgeKind>;

/** Node ids in React Flow are strings; in the case they are numbers. */
export const flowId = (id: number) => String(id);
export const caseId = (id: string) => Number(id);
/** Node and edge ids come from different tables: "find" keeps them apart. */
export const nodeKey = (id: number) => `n${id}`;
export const edgeKey = (id: number) => `e${id}`;

export function toFlowNodes(
  view: DiagramView,
  found: ReadonlySet<string>,
  selected: ReadonlySet<string>,
): DiagramNode[] {
  return view.nodes.map((n) => ({
    id: flowId(n.id),
    type: n.kind satisfies NodeKind,
    position: { x: n.x, y: n.y },
    width: n.w,
    height: n.h,
    // The size the node is drawn at, given as already measured: React Flow would otherwise report every
    // node's size as a change once mounted, and that second pass over a thousand nodes and their edges
    // cost as much as the first (its own measurement then finds the same size and changes nothing).
    measured: { width: n.w, height: n.h },
    // Groups are boxes behind what they hold; they are drawn, not parents in React Flow (their members keep their own places).
    zIndex: n.kind === 'group' ? -1 : 0,
    selected: selected.has(flowId(n.id)),
    data: { view: n, found: found.has(nodeKey(n.id)) },
  })) as DiagramNode[];
}

export function toFlowEdges(
  view: DiagramView,
  found: ReadonlySet<string>,
  selected: ReadonlySet<string>,
): DiagramEdge[] {
  const maxValue = Math.max(1, ...view.edges.map((e) => e.valueUsd ?? 0));
  const pairCount = new Map<string, number>();
  return view.edges.map((e) => {
    const pair = e.source < e.target ? `${e.source}-${e.target}` : `${e.target}-${e.source}`;
    const index = pairCount.get(pair) ?? 0;
    pairCount.set(pair, index + 1);
    // 0, 1, -1, 2, -2…; an edge drawn the other way bows to the other side by itself, so keep the sign per direction.
    const bend = index === 0 ? 0 : (index % 2 ? 1 : -1) * Math.ceil(index / 2) * (e.source < e.target ? 1 : -1);
    const width =
      e.kind === 'shipment' && e.valueUsd ? 1.5 + (6 * Math.log10(1 + e.valueUsd)) / Math.log10(1 + maxValue) : 1.5;
    const tierColour = chplTierColour(drawnTier(e))?.line ?? null;
    return {
      id: flowId(e.id),
      type: e.kind,
      source: flowId(e.source),
      target: flowId(e.target),
      selected: selected.has(flowId(e.id)),
      markerEnd: arrow(e.kind, tierColour),
      data: { view: e, width, bend, found: found.has(edgeKey(e.id)), tierColour },
    };
  });
}

/** A value in US dollars, short: $950, $12.4K, $3.1M. */
export function usd(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e9) return `$${(v / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `$${(v / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `$${(v / 1e3).toFixed(1)}K`;
  return `$${Math.round(v)}`;
}

/** What a shipment edge says on the canvas, in two lines: "14 shipments · $3.2M" and "2021-03-02 – 2023-11-20". */
export function shipmentLabel(e: ViewEdge): [string, string | null] {
  const n = e.count ?? 0;
  const dates = e.firstDate ? (e.firstDate === e.lastDate ? e.firstDate : `${e.firstDate} – ${e.lastDate}`) : null;
  return [`${n} shipment${n === 1 ? '' : 's'} · ${usd(e.valueUsd ?? 0)}`, dates];
}

/** Arrowheads in screen units (not scaled by the line's width, which grows with value), in the edge's colour. */
const ARROW_COLOURS: Record<EdgeKind, string> = { shipment: '#1f5fbf', link: '#8b3fb8', free: '#7d8799' };
const arrow = (kind: EdgeKind, tierColour: string | null) => ({
  type: MarkerType.ArrowClosed,
  width: 14,
  height: 14,
  markerUnits: 'userSpaceOnUse',
  color: tierColour ?? ARROW_COLOURS[kind],
});

/** Keys (nodeKey, edgeKey) of nodes and edges whose text contains the query (case-insensitive): labels, countries, notes. */
export function findInDiagram(view: DiagramView, query: string): string[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [];
  const has = (...texts: (string | null | undefined)[]) => texts.some((t) => t?.toLocaleLowerCase().includes(q));
  return [
    ...view.nodes
      .filter((n) => has(n.label, n.text, n.country, n.detail, ...n.annotations.map((a) => a.text)))
      .map((n) => nodeKey(n.id)),
    ...view.edges
      .filter((e) => has(e.label, e.link?.note, ...e.annotations.map((a) => a.text)))
      .map((e) => edgeKey(e.id)),
  ];
}

/**
 * The new nodes (or edges), keeping each old object whose content did not
 * change: memo components then skip it, so an edit of one node on a diagram
 * of a thousand re-renders one node, not a thousand. (The core answers a
 * whole new view after every edit.)
 */
export function keepUnchanged<T extends DiagramNode | DiagramEdge>(old: readonly T[], next: T[]): T[] {
  const before = new Map(old.map((x) => [x.id, x]));
  return next.map((n) => {
    const o = before.get(n.id);
    if (!o || o.selected !== n.selected || o.data?.found !== n.data?.found) return n;
    if ('position' in n && 'position' in o && (o.position.x !== n.position.x || o.position.y !== n.position.y))
      return n;
    return JSON.stringify(o.data) === JSON.stringify(n.data) ? o : n;
  });
}
