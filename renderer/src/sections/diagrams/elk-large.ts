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
 *   whole layout pass each) but packed in rows under what ELK placed (`packLeftOver`);
 * - a hub's many one-edge partners are one box for ELK, filled in as a grid (`blockLeaves`).
 * Measured on the canvas bench's diagram: 0.8 s of CPU, the laid-out part about 5,600 × 13,500.
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

/** A box standing in for a hub's one-edge partners; its id lists them (ELK hands ids back as given). */
const BLOCK = 'leaves:';
/** From this many one-edge partners on one side of a node, they are laid out as a block. */
const MIN_BLOCK = 6;

interface Box {
  id: string;
  width: number;
  height: number;
}

/** The grid a block's members fill: as many columns as rows, about. */
function blockGrid(members: readonly string[], sizes: ReadonlyMap<string, { width: number; height: number }>) {
  const columns = Math.ceil(Math.sqrt(members.length));
  const cellW = Math.max(...members.map((id) => sizes.get(id)!.width)) + GAP;
  const cellH = Math.max(...members.map((id) => sizes.get(id)!.height)) + GAP;
  return { columns, cellW, cellH, rows: Math.ceil(members.length / columns) };
}

/**
 * A hub with hundreds of one-edge partners (a big shipper's consignees) would put them all in one
 * layer: a column tens of thousands of pixels tall. Instead ELK gets one box per hub and side, the
 * size of a grid of them (`expandBlocks` fills it in), so the layout keeps a usable shape.
 */
export function blockLeaves<E extends WeightedEdge>(children: readonly Box[], edges: readonly E[]) {
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.sources[0]!, e.targets[0]!]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const groups = new Map<string, { hub: string; out: boolean; members: string[] }>();
  for (const e of edges) {
    const [s, t] = [e.sources[0]!, e.targets[0]!];
    const [hub, leaf, out] = degree.get(t) === 1 && degree.get(s)! > 1 ? [s, t, true] : [t, s, false];
    if (degree.get(leaf) !== 1 || degree.get(hub)! <= 1) continue;
    const key = `${hub}${out ? '>' : '<'}`;
    (groups.get(key) ?? groups.set(key, { hub, out, members: [] }).get(key)!).members.push(leaf);
  }
  const sizes = new Map(children.map((c) => [c.id, c]));
  const blocked = new Set<string>();
  const blocks: Box[] = [];
  const blockEdges: WeightedEdge[] = [];
  for (const { hub, out, members } of groups.values()) {
    if (members.length < MIN_BLOCK) continue;
    const g = blockGrid(members, sizes);
    const id = BLOCK + members.join(',');
    for (const m of members) blocked.add(m);
    blocks.push({ id, width: g.columns * g.cellW - GAP, height: g.rows * g.cellH - GAP });
    blockEdges.push({ id: `${id}:edge`, sources: [out ? hub : id], targets: [out ? id : hub], weight: 0 });
  }
  return {
    children: [...children.filter((c) => !blocked.has(c.id)), ...blocks],
    edges: [...edges.filter((e) => !blocked.has(e.sources[0]!) && !blocked.has(e.targets[0]!)), ...blockEdges],
  };
}

/** Replaces each block ELK placed by its members, in a grid inside the block's box. */
export function expandBlocks(
  placed: Map<string, { x: number; y: number }>,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): void {
  for (const [id, at] of [...placed]) {
    if (!id.startsWith(BLOCK)) continue;
    placed.delete(id);
    const members = id.slice(BLOCK.length).split(',');
    const g = blockGrid(members, sizes);
    members.forEach((m, i) =>
      placed.set(m, { x: at.x + (i % g.columns) * g.cellW, y: at.y + Math.floor(i / g.columns) * g.cellH }),
    );
  }
}
