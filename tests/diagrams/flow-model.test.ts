import { describe, expect, it } from 'vitest';
import type { ViewEdge, ViewNode } from '../../shared/domain/diagrams';
import {
  edgeKey,
  findInDiagram,
  keepUnchanged,
  nodeKey,
  shipmentLabel,
  toFlowEdges,
  toFlowNodes,
  usd,
} from '../../renderer/src/sections/diagrams/flow-model';
import { diagramView, viewEdge, viewNode } from './view-parts';

const node = viewNode;
const edge = viewEdge;
const view = (nodes: ViewNode[], edges: ViewEdge[]) => diagramView(nodes, edges);

describe('the canvas model of a diagram', () => {
  const v = view(
    [
      node(1, 'Poly Technologies'),
      node(2, 'Улан-Удэнский авиационный завод', { country: 'RU' }),
      node(3, 'Note', { kind: 'note' }),
    ],
    [
      edge(1, 1, 2, { count: 16, valueUsd: 565_730.54, firstDate: '2021-07-29', lastDate: '2024-12-25' }),
      edge(2, 2, 1, { count: 1, valueUsd: 29_200_000, firstDate: '2021-07-15', lastDate: '2021-07-15' }),
      edge(3, 1, 2, { kind: 'link', grade: 'tentative', label: 'supplies through an agent' }),
      edge(1 + 100, 1, 3, { kind: 'free', label: 'see note' }),
    ],
  );

  it('draws parallel edges bowed apart, and shipment width grows with value up to the biggest', () => {
    const edges = toFlowEdges(v, new Set(), new Set(['2']));
    // A bend bows to the left of the edge's own direction: on the canvas, the side is bend × direction.
    const side = edges.map((e) => e.data!.bend * (Number(e.source) < Number(e.target) ? 1 : -1));
    expect(side).toEqual([0, 1, -1, 0]);
    expect(edges[1]!.data!.width).toBeCloseTo(7.5);
    expect(edges[0]!.data!.width).toBeGreaterThan(1.5);
    expect(edges[0]!.data!.width).toBeLessThan(edges[1]!.data!.width);
    expect(edges[2]!.data!.width).toBe(1.5);
    expect(edges.map((e) => e.selected)).toEqual([false, true, false, false]);
    expect(edges.map((e) => e.type)).toEqual(['shipment', 'shipment', 'link', 'free']);
  });

  it('keeps node sizes, kinds and selection, and marks what find picked (nodes and edges apart)', () => {
    const found = new Set(findInDiagram(v, 'улан'));
    expect([...found]).toEqual([nodeKey(2)]);
    const nodes = toFlowNodes(v, found, new Set(['1']));
    expect(nodes.map((n) => [n.type, n.width, n.selected, n.data.found])).toEqual([
      ['entity', 220, true, false],
      ['entity', 220, false, true],
      ['note', 220, false, false],
    ]);
    expect(findInDiagram(v, 'AGENT')).toEqual([edgeKey(3)]);
    expect(findInDiagram(v, '  ')).toEqual([]);
  });

  it('writes shipment labels with count, short value and date range', () => {
    expect(shipmentLabel(v.edges[0]!)).toEqual(['16 shipments · $565.7K', '2021-07-29 – 2024-12-25']);
    expect(shipmentLabel(v.edges[1]!)).toEqual(['1 shipment · $29.2M', '2021-07-15']);
    expect([usd(950), usd(12_400), usd(3.1e9)]).toEqual(['$950', '$12.4K', '$3.1B']);
  });

  it('keeps the node objects an edit did not change, so that only the changed ones re-render', () => {
    const first = toFlowNodes(v, new Set(), new Set());
    const moved = view(
      v.nodes.map((n) => (n.id === 2 ? { ...n, y: 300 } : { ...n })),
      v.edges,
    );
    const next = keepUnchanged(first, toFlowNodes(moved, new Set(), new Set()));
    expect(next.map((n, i) => n === first[i])).toEqual([true, false, true]);
    expect(next[1]!.position).toEqual({ x: 200, y: 300 });
    const selected = keepUnchanged(next, toFlowNodes(moved, new Set(), new Set(['1'])));
    expect(selected.map((n, i) => n === next[i])).toEqual([false, true, true]);
  });
});
