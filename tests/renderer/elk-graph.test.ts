import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  ELK_OPTIONS,
  FAST_OPTIONS,
  LARGE_GRAPH,
  fromElkGraph,
  toElkGraph,
  type LayoutInputEdge,
  type LayoutInputNode,
} from '../../renderer/src/sections/diagrams/elk-graph';

const node = (id: string, x = 0, y = 0, extra: Partial<LayoutInputNode> = {}): LayoutInputNode => ({
  id,
  position: { x, y },
  ...extra,
});
const edge = (source: string, target: string, id = `${source}-${target}`): LayoutInputEdge => ({ id, source, target });

describe('React Flow → ELK graph', () => {
  it('sizes nodes by what React Flow measured, else their set size, else the default', () => {
    const g = toElkGraph(
      [
        node('a', 0, 0, { measured: { width: 210, height: 70 }, width: 5 }),
        node('b', 0, 0, { width: 90, height: 30 }),
        node('c'),
      ],
      [],
    );
    expect(g.children).toEqual([
      { id: 'a', width: 210, height: 70 },
      { id: 'b', width: 90, height: 30 },
      { id: 'c', ...DEFAULT_SIZE },
    ]);
    expect(g.layoutOptions?.['elk.algorithm']).toBe('layered');
  });

  it('lays out top-level nodes only; edges to a node in a group count as edges to the group; no self-loops or repeats', () => {
    const nodes = [
      node('g'),
      node('in-g', 10, 10, { parentId: 'g' }),
      node('x'),
      node('y'),
      node('orphan', 0, 0, { parentId: 'gone' }),
    ];
    const edges = [
      edge('x', 'in-g'),
      edge('in-g', 'g'),
      edge('x', 'y'),
      edge('x', 'y', 'link'),
      edge('y', 'x'),
      edge('x', 'nowhere'),
    ];
    const g = toElkGraph(nodes, edges);
    expect(g.children!.map((c) => c.id)).toEqual(['g', 'x', 'y', 'orphan']);
    expect(g.edges!.map((e) => [e.sources[0], e.targets[0]])).toEqual([
      ['x', 'g'],
      ['x', 'y'],
      ['y', 'x'],
    ]);
  });

  it('trades polish for time on a big diagram (the quality options take minutes on 1,000 nodes)', () => {
    const many = Array.from({ length: LARGE_GRAPH }, (_, i) => node(String(i)));
    expect(toElkGraph(many.slice(1), []).layoutOptions).toBe(ELK_OPTIONS);
    expect(toElkGraph(many, []).layoutOptions).toBe(FAST_OPTIONS);
  });

  it('with selectedOnly, takes the selected nodes and the edges among them', () => {
    const nodes = [node('a', 0, 0, { selected: true }), node('b', 0, 0, { selected: true }), node('c')];
    const g = toElkGraph(nodes, [edge('a', 'b'), edge('b', 'c')], { selectedOnly: true });
    expect(g.children!.map((c) => c.id)).toEqual(['a', 'b']);
    expect(g.edges!.map((e) => e.id)).toEqual(['a-b']);
  });
});

describe('ELK graph → positions', () => {
  it('reads each node’s position, rounded', () => {
    const pos = fromElkGraph({ id: 'root', children: [{ id: 'a', x: 12.4, y: 7.6 }, { id: 'b' }] }, []);
    expect([...pos]).toEqual([
      ['a', { x: 12, y: 8 }],
      ['b', { x: 0, y: 0 }],
    ]);
  });

  it('keeps a partial layout where the selection was (its top-left corner)', () => {
    const nodes = [node('a', 500, 300, { selected: true }), node('b', 800, 260, { selected: true })];
    const pos = fromElkGraph(
      {
        id: 'root',
        children: [
          { id: 'a', x: 12, y: 40 },
          { id: 'b', x: 272, y: 12 },
        ],
      },
      nodes,
      { selectedOnly: true },
    );
    expect(pos.get('a')).toEqual({ x: 500, y: 288 });
    expect(pos.get('b')).toEqual({ x: 760, y: 260 });
  });
});

describe('round trip through ELK (the library the worker runs)', () => {
  it('puts shippers left of their consignees, with no two nodes overlapping', async () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => node(id));
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('a', 'd'), edge('d', 'c'), edge('e', 'a')];
    const laidOut = await new ELK().layout(toElkGraph(nodes, edges));
    const pos = fromElkGraph(laidOut, nodes);
    for (const e of edges) expect(pos.get(e.source)!.x).toBeLessThan(pos.get(e.target)!.x);
    const boxes = [...pos.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        const apart = Math.abs(p.x - q.x) >= DEFAULT_SIZE.width || Math.abs(p.y - q.y) >= DEFAULT_SIZE.height;
        expect(apart).toBe(true);
      }
  });
});

describe('a big diagram is laid out by its backbone (elk-large.ts)', () => {
  // 100 connected nodes (each ships to the next three, the nearer the more), 250 with no edge at all.
  const nodes = Array.from({ length: 350 }, (_, i) => node(String(i)));
  const edges: LayoutInputEdge[] = [];
  for (let i = 0; i < 100; i++)
    for (let k = 1; k <= 3; k++)
      if (i + k < 100) edges.push({ ...edge(String(i), String(i + k)), data: { view: { valueUsd: 1000 / k } } });

  it('gives ELK the strongest ties only (a spanning forest) and none of the nodes without edges', () => {
    const g = toElkGraph(nodes, edges);
    expect(g.children).toHaveLength(100);
    expect(g.edges).toHaveLength(99);
    // Every kept edge is a strongest tie: to the next node (value 1000), never the weaker ones.
    for (const e of g.edges!) expect(Number(e.targets[0]) - Number(e.sources[0])).toBe(1);
  });

  it('places every node, the ones ELK was not given in rows below, none overlapping', async () => {
    const laidOut = await new ELK().layout(toElkGraph(nodes, edges));
    const pos = fromElkGraph(laidOut, nodes);
    expect(pos.size).toBe(350);
    const elkBottom = Math.max(...laidOut.children!.map((c) => (c.y ?? 0) + DEFAULT_SIZE.height));
    for (let i = 100; i < 350; i++) expect(pos.get(String(i))!.y).toBeGreaterThan(elkBottom);
    const boxes = [...pos.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        expect(Math.abs(p.x - q.x) >= DEFAULT_SIZE.width || Math.abs(p.y - q.y) >= DEFAULT_SIZE.height).toBe(true);
      }
  });
});

describe('a hub’s many one-edge partners are laid out as a block', () => {
  it('stands them in for one box in ELK, then fills the box with them: no tall column, no overlap', async () => {
    // Node 0 ships to 1..40 (each has no other edge); 300 nodes with no edge make the diagram big.
    const nodes = Array.from({ length: 341 }, (_, i) => node(String(i)));
    const edges = Array.from({ length: 40 }, (_, i) => ({
      ...edge('0', String(i + 1)),
      data: { view: { valueUsd: 1 } },
    }));
    const g = toElkGraph(nodes, edges);
    expect(g.children).toHaveLength(2);
    expect(g.edges).toHaveLength(1);
    const laidOut = await new ELK().layout(g);
    const pos = fromElkGraph(laidOut, nodes);
    expect(pos.size).toBe(341);
    const partners = Array.from({ length: 40 }, (_, i) => pos.get(String(i + 1))!);
    for (const p of partners) expect(p.x).toBeGreaterThan(pos.get('0')!.x);
    // A grid of 7 columns (√40), not a column of 40.
    expect(new Set(partners.map((p) => p.x)).size).toBe(7);
    const boxes = [...pos.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        expect(Math.abs(p.x - q.x) >= DEFAULT_SIZE.width || Math.abs(p.y - q.y) >= DEFAULT_SIZE.height).toBe(true);
      }
  });
});
