/**
 * Aligning and distributing selected nodes, and carrying a group's members
 * with it (pure: the canvas sends the result as one `moveNodes` command, so
 * one Ctrl+Z puts everything back). Alignment is to the selection's own
 * bounds, as drawing programs do: "left" lines every left edge up with the
 * leftmost one, "centre" with the middle of the selection.
 */

export interface Box {
  id: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The group holding it (stored membership), if any. */
  parentId?: number | null;
}

export interface Move {
  id: number;
  x: number;
  y: number;
}

export const ALIGNMENTS = ['left', 'centre', 'right', 'top', 'middle', 'bottom'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];
export type Distribution = 'horizontal' | 'vertical';

const round = (v: number) => Math.round(v);

/** Moves that line the boxes up (at least two); boxes already in place are left out. */
export function align(boxes: readonly Box[], how: Alignment): Move[] {
  if (boxes.length < 2) return [];
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  const place = (b: Box): Move => {
    switch (how) {
      case 'left':
        return { id: b.id, x: left, y: b.y };
      case 'centre':
        return { id: b.id, x: round((left + right) / 2 - b.w / 2), y: b.y };
      case 'right':
        return { id: b.id, x: round(right - b.w), y: b.y };
      case 'top':
        return { id: b.id, x: b.x, y: top };
      case 'middle':
        return { id: b.id, x: b.x, y: round((top + bottom) / 2 - b.h / 2) };
      case 'bottom':
        return { id: b.id, x: b.x, y: round(bottom - b.h) };
    }
  };
  return changed(boxes, boxes.map(place));
}

/**
 * Moves that space the boxes (at least three) evenly along an axis: the first and last stay, and the gaps
 * between neighbours become equal (boxes of different sizes get equal space between them, not equal steps).
 */
export function distribute(boxes: readonly Box[], along: Distribution): Move[] {
  if (boxes.length < 3) return [];
  const [pos, size] = along === 'horizontal' ? (['x', 'w'] as const) : (['y', 'h'] as const);
  const sorted = [...boxes].sort((a, b) => a[pos] + a[size] / 2 - (b[pos] + b[size] / 2) || a.id - b.id);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const span = last[pos] + last[size] - first[pos];
  const gap = (span - sorted.reduce((s, b) => s + b[size], 0)) / (sorted.length - 1);
  let at = first[pos];
  const moves = sorted.map((b) => {
    const m = { id: b.id, x: b.x, y: b.y, [pos]: round(at) };
    at += b[size] + gap;
    return m;
  });
  return changed(boxes, moves);
}

function changed(boxes: readonly Box[], moves: Move[]): Move[] {
  const was = new Map(boxes.map((b) => [b.id, b]));
  return moves.filter((m) => was.get(m.id)!.x !== m.x || was.get(m.id)!.y !== m.y);
}

/**
 * The moves with each moved group's members (and theirs) moved by as much, unless they are moved
 * themselves: a group box carries what it holds.
 */
export function carryMembers(moves: readonly Move[], all: readonly Box[]): Move[] {
  const byId = new Map(all.map((b) => [b.id, b]));
  const out = new Map(moves.map((m) => [m.id, m]));
  const delta = new Map(moves.map((m) => [m.id, { dx: m.x - byId.get(m.id)!.x, dy: m.y - byId.get(m.id)!.y }]));
  // A member's delta is its nearest moved ancestor's.
  const deltaOf = (b: Box, seen = 0): { dx: number; dy: number } | null =>
    delta.get(b.id) ??
    (b.parentId != null && byId.has(b.parentId) && seen < 64 ? deltaOf(byId.get(b.parentId)!, seen + 1) : null);
  for (const b of all) {
    if (out.has(b.id)) continue;
    const d = deltaOf(b);
    if (d && (d.dx || d.dy)) out.set(b.id, { id: b.id, x: b.x + d.dx, y: b.y + d.dy });
  }
  return [...out.values()];
}

/**
 * The group that a dropped node now lies in: the smallest group box holding its whole box (a group can hold a
 * group, never itself or one of its own members), or null.
 */
export function groupAt(box: Box, all: readonly Box[], groups: ReadonlySet<number>): number | null {
  const byId = new Map(all.map((b) => [b.id, b]));
  const within = (id: number, ancestor: number) => {
    for (let p = byId.get(id)?.parentId, hops = 0; p != null && hops < 64; p = byId.get(p)?.parentId, hops++)
      if (p === ancestor) return true;
    return false;
  };
  const holding = all.filter(
    (g) =>
      groups.has(g.id) &&
      g.id !== box.id &&
      !within(g.id, box.id) &&
      box.x >= g.x &&
      box.y >= g.y &&
      box.x + box.w <= g.x + g.w &&
      box.y + box.h <= g.y + g.h,
  );
  holding.sort((a, b) => a.w * a.h - b.w * b.h || b.id - a.id);
  return holding[0]?.id ?? null;
}
