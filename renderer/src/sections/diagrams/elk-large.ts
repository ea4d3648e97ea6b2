/**
 * What ELK is given for a big diagram (from LARGE_GRAPH nodes), so that a thousand nodes and two
 * thousand edges lay out in well under a second of CPU instead of five to six. Profiled in elkjs:
 * the layered algorithm's time goes to the dummy nodes it splits every edge spanning several
 * layers into (2,000 edges made tens of thousands), and no option avoided them (crossing
 * minimisation off, longest-path layering, merged edges; force and stress were slower still).
 * So ELK lays out a backbone:
 * - the strongest ties only: a maximum spanning forest by shipment value (an edge is kept when it
 *   joins two nodes not yet joined), so every node keeps its biggest partner beside it and each
 *   edge spans one layer; the canvas still draws every edge (it never used ELK's routes);
 * - nodes without any edge are not given to ELK at all (each was a component of its own, with a
 *   whole layout pass each) but packed in rows under what ELK placed (`packLeftOver`).
 */

/** An edge as the conversion reads it; `data.view.valueUsd` is a shipment edge's value (React Flow edges carry it). */
export interface WeightedEdge {
  id: string;
  sources: string[];
  targets: string[];
  weight: number;
}

/** The heaviest edges that each join two parts not joined yet (Kruskal); ties keep the given order. */
export function spanningForest<E extends WeightedEdge>(edges: readonly E[]): E[] {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (parent.has(r)) r = parent.get(r)!;
    // Path compression: later look-ups go straight to the root.
    for (let y = x; y !== r;) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const order = edges.map((e, i) => ({ e, i })).sort((a, b) => b.e.weight - a.e.weight || a.i - b.i);
  const kept: E[] = [];
  for (const { e } of order) {
    const a = root(e.sources[0]!);
    const b = root(e.targets[0]!);
    if (a === b) continue;
    parent.set(a, b);
    kept.push(e);
  }
  return kept;
}

/** Gap between packed nodes and below what ELK placed (as ELK's own spacing). */
const GAP = 40;

/**
 * Places `rest` (nodes ELK was not given) in rows under the laid-out nodes, in their given order,
 * about as wide as the layout (and at least square-ish), so nothing overlaps.
 */
export function packLeftOver(
  placed: ReadonlyMap<string, { x: number; y: number }>,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
  rest: readonly string[],
): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  if (rest.length === 0) return out;
  let left = 0;
  let right = 0;
  let bottom = -GAP;
  for (const [id, p] of placed) {
    const s = sizes.get(id)!;
    left = Math.min(left, p.x);
    right = Math.max(right, p.x + s.width);
    bottom = Math.max(bottom, p.y + s.height);
  }
  const cellW = Math.max(...rest.map((id) => sizes.get(id)!.width)) + GAP;
  const cellH = Math.max(...rest.map((id) => sizes.get(id)!.height)) + GAP;
  const columns = Math.max(1, Math.floor((right - left) / cellW), Math.ceil(Math.sqrt(rest.length)));
  rest.forEach((id, i) =>
    out.set(id, { x: left + (i % columns) * cellW, y: bottom + GAP + Math.floor(i / columns) * cellH }),
  );
  return out;
}
