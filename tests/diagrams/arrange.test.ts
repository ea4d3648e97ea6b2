import { describe, expect, it } from 'vitest';
import {
  align,
  carryMembers,
  distribute,
  groupAt,
  type Box,
  type Move,
} from '../../renderer/src/sections/diagrams/arrange';

const boxes: Box[] = [
  { id: 1, x: 0, y: 0, w: 100, h: 50 },
  { id: 2, x: 300, y: 40, w: 200, h: 70 },
  { id: 3, x: 120, y: 200, w: 60, h: 30 },
];
/** Where each box is after the moves. */
const after = (moves: Move[], from = boxes) =>
  from.map((b) => {
    const m = moves.find((x) => x.id === b.id);
    return m ? { ...b, x: m.x, y: m.y } : b;
  });

describe('align and distribute the selection', () => {
  it('aligns to the selection’s own bounds, moving only what is out of line', () => {
    expect(after(align(boxes, 'left')).map((b) => b.x)).toEqual([0, 0, 0]);
    expect(align(boxes, 'left').map((m) => m.id)).toEqual([2, 3]);
    expect(after(align(boxes, 'right')).map((b) => b.x + b.w)).toEqual([500, 500, 500]);
    expect(after(align(boxes, 'centre')).map((b) => b.x + b.w / 2)).toEqual([250, 250, 250]);
    expect(after(align(boxes, 'top')).map((b) => b.y)).toEqual([0, 0, 0]);
    expect(after(align(boxes, 'bottom')).map((b) => b.y + b.h)).toEqual([230, 230, 230]);
    expect(after(align(boxes, 'middle')).map((b) => b.y + b.h / 2)).toEqual([115, 115, 115]);
    // y is kept by a horizontal alignment, x by a vertical one.
    expect(after(align(boxes, 'left')).map((b) => b.y)).toEqual([0, 40, 200]);
    expect(align(boxes.slice(0, 1), 'left')).toEqual([]);
  });

  it('distributes with equal gaps between neighbours; the outermost stay', () => {
    const spaced = after(distribute(boxes, 'horizontal')).sort((a, b) => a.x - b.x);
    expect(spaced[0]!.x).toBe(0);
    expect(spaced[2]!.x + spaced[2]!.w).toBe(500);
    const gaps = [spaced[1]!.x - (spaced[0]!.x + spaced[0]!.w), spaced[2]!.x - (spaced[1]!.x + spaced[1]!.w)];
    expect(Math.abs(gaps[0]! - gaps[1]!)).toBeLessThanOrEqual(1);
    const down = after(distribute(boxes, 'vertical')).sort((a, b) => a.y - b.y);
    expect(down.map((b) => b.id)).toEqual([1, 2, 3]);
    expect(down[1]!.y - (down[0]!.y + down[0]!.h)).toBe(down[2]!.y - (down[1]!.y + down[1]!.h));
    expect(down.map((b) => b.x)).toEqual([0, 300, 120]);
    expect(distribute(boxes.slice(0, 2), 'vertical')).toEqual([]);
  });
});

describe('groups carry what they hold', () => {
  const diagram: Box[] = [
    { id: 10, x: 0, y: 0, w: 600, h: 400 },
    { id: 11, x: 20, y: 40, w: 300, h: 200, parentId: 10 },
    { id: 1, x: 40, y: 80, w: 100, h: 50, parentId: 11 },
    { id: 2, x: 400, y: 100, w: 100, h: 50, parentId: 10 },
    { id: 3, x: 700, y: 0, w: 100, h: 50 },
  ];
  const groups = new Set([10, 11]);

  it('a moved group brings its members and theirs, by as much; a member moved itself keeps its move', () => {
    const moves = carryMembers([{ id: 10, x: 100, y: 10 }], diagram);
    expect(Object.fromEntries(moves.map((m) => [m.id, [m.x, m.y]]))).toEqual({
      10: [100, 10],
      11: [120, 50],
      1: [140, 90],
      2: [500, 110],
    });
    const own = carryMembers(
      [
        { id: 10, x: 100, y: 10 },
        { id: 2, x: 0, y: 0 },
      ],
      diagram,
    );
    expect(own.find((m) => m.id === 2)).toEqual({ id: 2, x: 0, y: 0 });
  });

  it('a dropped node lands in the smallest group holding it whole, never in itself or its own member', () => {
    expect(groupAt({ id: 3, x: 50, y: 60, w: 50, h: 30 }, diagram, groups)).toBe(11);
    expect(groupAt({ id: 3, x: 350, y: 60, w: 50, h: 30 }, diagram, groups)).toBe(10);
    expect(groupAt({ id: 3, x: 580, y: 60, w: 50, h: 30 }, diagram, groups)).toBe(null);
    expect(groupAt({ id: 10, x: 0, y: 0, w: 100, h: 100 }, diagram, groups)).toBe(null);
  });
});
