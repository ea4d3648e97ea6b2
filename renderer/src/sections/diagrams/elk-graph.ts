/**
 * React Flow nodes and edges ↔ the graph ELK lays out, kept pure (no
 * worker, no DOM) so that the conversion is tested on its own. Only
 * top-level nodes are laid out: a node inside a group keeps its place in
 * the group (React Flow positions children relative to their parent), and an
 * edge to it counts as an edge to its group, so groups stay together.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { blockLeaves, expandBlocks, packLeftOver, spanningForest } from './elk-large';

/** What the conversion needs of a React Flow node (a structural subset of `Node`). */
export interface LayoutInputNode {
  id: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
  measured?: { width?: number; height?: number };
  parentId?: string;
  selected?: boolean;
}

export interface LayoutInputEdge {
  id: string;
  source: string;
  target: string;
  /** A shipment edge's value: on a big diagram the heaviest ties shape the layout (elk-large.ts). */
  data?: { view?: { valueUsd?: number | null } };
}

export interface LayoutScope {
  /** Lay out only the selected nodes (and the edges among them); the rest stay where they are. */
  selectedOnly?: boolean;
}

export type LayoutPositions = Map<string, { x: number; y: number }>;

/** A node React Flow has not measured yet (never rendered) gets the size the canvas draws entities at. */
export const DEFAULT_SIZE = { width: 180, height: 60 };

/**
 * Layered left → right, as shipments read (shipper to consignee); components packed apart; model
 * order kept so that a second layout of the same diagram does not shuffle it.
 */
export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '80',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
};

/** From this many nodes on, the layout trades polish for time (see `FAST_OPTIONS`). */
export const LARGE_GRAPH = 300;

/**
 * For big diagrams: ELK's default crossing minimisation and node placement take minutes of CPU on
 * 1,000 nodes and 2,000 edges (measured: 9 s CPU even at thoroughness 1 with one sweep), most of
 * it on the dummy nodes of long edges; without them, seconds. The canvas draws straight edges, so
 * ELK's edge routes are not needed.
 */
export const FAST_OPTIONS: Record<string, string> = {
  ...ELK_OPTIONS,
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.strategy': 'NONE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.considerModelOrder.strategy': 'NONE',
};

const sizeOf = (n: LayoutInputNode) => ({
  width: n.measured?.width ?? n.width ?? DEFAULT_SIZE.width,
  height: n.measured?.height ?? n.height ?? DEFAULT_SIZE.height,
});

/** The top-level node a node sits in (itself when it has no parent); cycles and dangling parents stop the walk. */
function topLevel(byId: Map<string, LayoutInputNode>, id: string): string {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    const parent = byId.get(current)?.parentId;
    if (!parent || !byId.has(parent) || seen.has(parent)) return current;
    seen.add(current);
    current = parent;
  }
}

/** The nodes a layout places: top-level ones (selected ones only, if asked). */
function chosenNodes(nodes: readonly LayoutInputNode[], scope: LayoutScope): LayoutInputNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const inScope = nodes.filter((n) => !n.parentId || !ids.has(n.parentId));
  return scope.selectedOnly ? inScope.filter((n) => n.selected) : inScope;
}

/**
 * The ELK graph of the nodes in scope: top-level ones (selected ones only, if asked), edges mapped
 * to them. A big one is given as its backbone (elk-large.ts): `fromElkGraph` places the rest.
 */
export function toElkGraph(
  nodes: readonly LayoutInputNode[],
  edges: readonly LayoutInputEdge[],
  scope: LayoutScope = {},
): ElkNode {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chosen = chosenNodes(nodes, scope);
  const ids = new Set(chosen.map((n) => n.id));
  const seenPairs = new Set<string>();
  const elkEdges: { id: string; sources: string[]; targets: string[]; weight: number }[] = [];
  for (const e of edges) {
    const source = topLevel(byId, e.source);
    const target = topLevel(byId, e.target);
    if (source === target || !ids.has(source) || !ids.has(target)) continue;
    // Two edges between the same nodes (both directions, a link beside a shipment) weigh on layering once.
    const pair = `${source}\u0000${target}`;
    if (seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    elkEdges.push({ id: e.id, sources: [source], targets: [target], weight: e.data?.view?.valueUsd ?? 0 });
  }
  const large = chosen.length >= LARGE_GRAPH;
  const forest = large ? spanningForest(elkEdges) : elkEdges;
  const joined = new Set(forest.flatMap((e) => [e.sources[0], e.targets[0]]));
  const boxes = (large ? chosen.filter((n) => joined.has(n.id)) : chosen).map((n) => ({ id: n.id, ...sizeOf(n) }));
  const given = large ? blockLeaves(boxes, forest) : { children: boxes, edges: forest };
  return {
    id: 'root',
    layoutOptions: large ? FAST_OPTIONS : ELK_OPTIONS,
    children: given.children,
    edges: given.edges.map(({ id, sources, targets }) => ({ id, sources, targets })),
  };
}

/**
 * Where ELK put each node. A partial layout (selected nodes) is moved so that its top-left corner
 * stays where the selection's was: the nodes rearrange in place instead of jumping to the origin.
 */
export function fromElkGraph(
  laidOut: ElkNode,
  nodes: readonly LayoutInputNode[],
  scope: LayoutScope = {},
): LayoutPositions {
  const out: LayoutPositions = new Map();
  const placed: LayoutPositions = new Map((laidOut.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  // Nodes of a big diagram that ELK was not given (no edge in its backbone) go in rows under the rest.
  const sizes = new Map(nodes.map((n) => [n.id, sizeOf(n)]));
  expandBlocks(placed, sizes);
  const chosen = chosenNodes(nodes, scope);
  const rest = chosen.length >= LARGE_GRAPH ? chosen.filter((n) => !placed.has(n.id)) : [];
  const packed = packLeftOver(
    placed,
    sizes,
    rest.map((n) => n.id),
  );
  for (const [id, p] of packed) placed.set(id, p);
  if (placed.size === 0) return out;
  let dx = 0;
  let dy = 0;
  if (scope.selectedOnly) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const before = [...placed.keys()].map((id) => byId.get(id)?.position).filter((p) => p !== undefined);
    if (before.length > 0) {
      dx = Math.min(...before.map((p) => p.x)) - Math.min(...[...placed.values()].map((p) => p.x));
      dy = Math.min(...before.map((p) => p.y)) - Math.min(...[...placed.values()].map((p) => p.y));
    }
  }
  for (const [id, p] of placed) out.set(id, { x: Math.round(p.x + dx), y: Math.round(p.y + dy) });
  return out;
}
