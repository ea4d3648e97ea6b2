import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chplTierColour, chplTierKey } from '../../shared/diagrams/chpl-colours';
import { diagramToSvg } from '../../shared/diagrams/svg';
import { COLORS } from '../../shared/diagrams/svg-legend';
import type { ViewEdge } from '../../shared/domain/diagrams';
import { diagramView, viewEdge, viewNode } from './view-parts';

const parse = (svg: string) => new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
const HOSTILE = '<script>alert(1)</script> & "tier"';

const node = (id: number, label: string) =>
  viewNode(id, label, { ref: id, x: (id % 3) * 300, y: Math.floor(id / 3) * 200 });
const shipment = (id: number, source: number, target: number, extra: Partial<ViewEdge>) =>
  viewEdge(id, source, target, { count: 3, valueUsd: 1_234_567, ...extra });
const viewOf = (edges: ViewEdge[]) =>
  diagramView(
    [1, 2, 3, 4, 5, 6].map((id) => node(id, `Firm ${id}`)),
    edges,
    'Tiers',
  );

describe('diagram svg: shipment edges coloured by their CHPL tier', () => {
  const view = viewOf([
    shipment(1, 1, 2, { chplTier: '1' }),
    shipment(2, 2, 3, { chplTier: '3.B', label: HOSTILE }),
    shipment(3, 3, 4, { chplTier: '3.A', valueUsd: 500 }),
    shipment(4, 4, 5, { chplTier: null }),
    // No record within the filters, or removed: drawn as such, whatever tier it had.
    shipment(5, 5, 6, { chplTier: '2', filteredOut: true, count: 0, valueUsd: 0 }),
    shipment(6, 6, 1, { chplTier: '4.A', missing: true }),
  ]);
  const svg = diagramToSvg(view);
  const doc = parse(svg);
  const edge = (id: number) => doc.querySelectorAll('g.edge')[id - 1]!;
  const stroke = (id: number) => edge(id).querySelector('line')!.getAttribute('stroke');

  it('draws a tier-1 edge dark red (line and arrowhead), its label naming the tier in a readable ink', () => {
    expect(chplTierColour('1')!.line).toBe('#8e1b1b');
    expect(stroke(1)).toBe('#8e1b1b');
    expect(edge(1).querySelector('path')!.getAttribute('fill')).toBe('#8e1b1b');
    expect(edge(1).getAttribute('data-chpl-tier')).toBe('1');
    const label = edge(1).querySelector('text')!;
    expect(label.textContent).toBe('3 · $1.2M · CHPL 1');
    expect(label.getAttribute('fill')).toBe(chplTierColour('1')!.ink);
    expect(edge(1).querySelector('title')!.textContent).toContain('most urgent tier 1');
  });

  it('gives 3.A and 3.B one colour, plain shipments their blue, filtered and removed edges their own', () => {
    expect(stroke(2)).toBe(chplTierColour('3.A')!.line);
    expect(stroke(3)).toBe(chplTierColour('3.A')!.line);
    expect(new Set(['1', '2', '3.A', '4.B'].map((t) => chplTierColour(t as '1')!.line)).size).toBe(4);
    expect(stroke(4)).toBe(COLORS.shipment);
    expect(stroke(5)).toBe(COLORS.filtered);
    expect(stroke(6)).toBe(COLORS.missing);
    expect(edge(4).hasAttribute('data-chpl-tier')).toBe(false);
  });

  it('keeps a hand-set label as escaped text on a tiered edge', () => {
    expect(edge(2).querySelector('text')!.textContent).toBe(HOSTILE);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;tier&quot;');
  });

  it('keys only the tiers the drawn shipments carry, named as the CHPL names them', () => {
    const entries = [...doc.querySelectorAll('g.legend g.legend-chpl')];
    expect(entries.map((g) => g.textContent)).toEqual(['tier 1', 'tier 3.A / 3.B']);
    expect(entries.map((g) => g.querySelector('line')!.getAttribute('stroke'))).toEqual([
      chplTierColour('1')!.line,
      chplTierColour('3.B')!.line,
    ]);
    expect(doc.querySelector('g.legend')!.textContent).toContain('Colour by CHPL tier:');
    expect(chplTierKey(['4.B', null, '2', '4.A', '2']).map((k) => k.label)).toEqual([
      'CHPL tier 2',
      'CHPL tier 4.A / 4.B',
    ]);
  });

  it('says so when no shipment carries listed goods', () => {
    const plain = parse(diagramToSvg(viewOf([shipment(1, 1, 2, { chplTier: null })])));
    expect(plain.querySelectorAll('g.legend-chpl')).toHaveLength(0);
    expect(plain.querySelector('g.legend')!.textContent).toContain(
      'No shipment here carries goods on the CHPL (Common High Priority List).',
    );
  });
});
