import { describe, expect, it } from 'vitest';
import { layeredLayout, type LayoutNode } from '../../shared/diagrams/layout';

const box = (id: number, weight = 0): LayoutNode => ({ id, w: 220, h: 72, weight });

describe('layered layout', () => {
  it('puts suppliers before and customers after a node, splits a tall layer, overlaps nothing and answers the same every time', () => {
    // 1 ships to 2..31 (a hub's thirty customers) and receives from 40; 50–51 trade apart from them.
    const nodes = [
      box(1, 100),
      ...Array.from({ length: 30 }, (_, i) => box(i + 2, 30 - i)),
      box(40),
      box(50, 5),
      box(51),
    ];
    const edges = [
      ...Array.from({ length: 30 }, (_, i) => ({ source: 1, target: i + 2 })),
      { source: 40, target: 1 },
      { source: 50, target: 51 },
    ];
    const at = layeredLayout(nodes, edges, { maxRows: 12 });
    expect(at.size).toBe(nodes.length);
    for (let c = 2; c <= 31; c++) expect(at.get(c)!.x).toBeGreaterThan(at.get(1)!.x);
    expect(at.get(40)!.x).toBeLessThan(at.get(1)!.x);
    expect(at.get(50)!.x).toBeLessThan(at.get(51)!.x);
    // Thirty customers in three stacks of at most twelve.
    expect(new Set(Array.from({ length: 30 }, (_, i) => at.get(i + 2)!.x)).size).toBe(3);
    const placed = nodes.map((n) => ({ ...n, ...at.get(n.id)! }));
    const overlaps = placed.some((a, i) =>
      placed.slice(i + 1).some((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h),
    );
    expect(overlaps).toBe(false);
    expect(
      [...layeredLayout([...nodes].reverse(), [...edges].reverse(), { maxRows: 12 })].sort((a, b) => a[0] - b[0]),
    ).toEqual([...at].sort((a, b) => a[0] - b[0]));
  });
});
