/**
 * A small deterministic layered layout for shipment diagrams (pure: runs in
 * the core for the CLI and for neighbourhoods, and anywhere else). Goods flow
 * left to right: a node's suppliers sit in the column before it and its
 * customers in the column after. Connected groups are laid out apart and
 * packed in rows, biggest first. The same input always gives the same
 * positions (ties broken by id), so a diagram built twice looks the same.
 * The canvas may use ELK for richer layouts; this one needs nothing.
 */

export interface LayoutNode {
  id: number;
  w: number;
  h: number;
  /** Importance (e.g. value shipped): the heaviest node of a group is its root, and heavier nodes come first in a column. */
  weight?: number;
  /** A column chosen by the caller (e.g. the signed depth of a neighbourhood); otherwise worked out from the edges. */
  layer?: number;
}

export interface LayoutEdge {
  source: number;
  target: number;
}

export interface LayoutOptions {
  columnGap?: number;
  rowGap?: number;
  componentGap?: number;
  /** Components are packed left to right until a row is this wide. */
  rowWidth?: number;
  /** A layer with more nodes is split into several columns side by side (a hub's hundred counterparties in one column would be metres tall). */
  maxRows?: number;
  origin?: { x: number; y: number };
}

export type Positions = Map<number, { x: number; y: number }>;

const byWeight = (a: LayoutNode, b: LayoutNode) => (b.weight ?? 0) - (a.weight ?? 0) || a.id - b.id;

export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  opts: LayoutOptions = {},
): Positions {
  const {
    columnGap = 140,
    rowGap = 36,
    componentGap = 120,
    rowWidth = 1800,
    maxRows = 12,
    origin = { x: 0, y: 0 },
  } = opts;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, { to: number; forward: boolean }[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (e.source === e.target || !byId.has(e.source) || !byId.has(e.target)) continue;
    out.get(e.source)!.push({ to: e.target, forward: true });
    out.get(e.target)!.push({ to: e.source, forward: false });
  }
  for (const list of out.values()) list.sort((a, b) => a.to - b.to || Number(b.forward) - Number(a.forward));

  // Components with their layers, each from its heaviest node outwards.
  const layer = new Map<number, number>();
  const components: LayoutNode[][] = [];
  for (const root of [...nodes].sort(byWeight)) {
    if (layer.has(root.id)) continue;
    layer.set(root.id, root.layer ?? 0);
    const members = [root];
    const queue = [root.id];
    while (queue.length) {
      const u = queue.shift()!;
      for (const { to, forward } of out.get(u)!) {
        if (layer.has(to)) continue;
        layer.set(to, byId.get(to)!.layer ?? layer.get(u)! + (forward ? 1 : -1));
        members.push(byId.get(to)!);
        queue.push(to);
      }
    }
    components.push(members);
  }

  const positions: Positions = new Map();
  let cursorX = 0;
  let cursorY = 0;
  let rowHeight = 0;
  for (const members of components) {
    const placed = placeComponent(members, layer, out, { columnGap, rowGap, maxRows });
    if (cursorX > 0 && cursorX + placed.width > rowWidth) {
      cursorX = 0;
      cursorY += rowHeight + componentGap;
      rowHeight = 0;
    }
    for (const [id, p] of placed.positions)
      positions.set(id, { x: origin.x + cursorX + p.x, y: origin.y + cursorY + p.y });
    cursorX += placed.width + componentGap;
    rowHeight = Math.max(rowHeight, placed.height);
  }
  return positions;
}

/** One connected group: columns by layer, each ordered to keep edges short (two barycentre sweeps), centred on each other. */
function placeComponent(
  members: LayoutNode[],
  layer: Map<number, number>,
  adjacent: Map<number, { to: number }[]>,
  { columnGap, rowGap, maxRows }: { columnGap: number; rowGap: number; maxRows: number },
): { positions: Positions; width: number; height: number } {
  const layers = [...new Set(members.map((n) => layer.get(n.id)!))].sort((a, b) => a - b);
  const columns = layers.map((l) => members.filter((n) => layer.get(n.id) === l).sort(byWeight));
  const index = new Map<number, number>();
  const reindex = (col: LayoutNode[]) => col.forEach((n, i) => index.set(n.id, i));
  columns.forEach(reindex);
  const sweep = (order: number[]) => {
    for (const c of order) {
      const col = columns[c]!;
      const neighbours = new Set([...(columns[c - 1] ?? []), ...(columns[c + 1] ?? [])].map((n) => n.id));
      const centre = new Map(
        col.map((n) => {
          const near = adjacent
            .get(n.id)!
            .filter((a) => neighbours.has(a.to))
            .map((a) => index.get(a.to)!);
          return [n.id, near.length ? near.reduce((s, i) => s + i, 0) / near.length : index.get(n.id)!];
        }),
      );
      col.sort((a, b) => centre.get(a.id)! - centre.get(b.id)! || byWeight(a, b));
      reindex(col);
    }
  };
  const forward = columns.map((_, i) => i);
  for (let pass = 0; pass < 2; pass++) {
    sweep(forward.slice(1));
    sweep(forward.slice(0, -1).reverse());
  }

  // Each layer, cut into stacks of at most maxRows, side by side.
  const stacks = columns.map((col) =>
    Array.from({ length: Math.ceil(col.length / maxRows) }, (_, i) => col.slice(i * maxRows, (i + 1) * maxRows)),
  );
  const stackHeight = (stack: LayoutNode[]) => stack.reduce((s, n) => s + n.h, 0) + rowGap * (stack.length - 1);
  const height = Math.max(...stacks.flat().map(stackHeight));
  const positions: Positions = new Map();
  let x = 0;
  for (const layerStacks of stacks) {
    layerStacks.forEach((stack, i) => {
      const width = Math.max(...stack.map((n) => n.w));
      let y = (height - stackHeight(stack)) / 2;
      for (const n of stack) {
        positions.set(n.id, { x: x + (width - n.w) / 2, y });
        y += n.h + rowGap;
      }
      x += width + (i < layerStacks.length - 1 ? columnGap / 2 : columnGap);
    });
  }
  return { positions, width: x - columnGap, height };
}
