import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramToSvg } from '../../shared/diagrams/svg';
import type { DiagramView, ViewNode } from '../../shared/domain/diagrams';
import { custodian } from '../helpers/cli';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { apply } from './helpers';
import { viewNode } from './view-parts';

/** Parses as a strict XML parser does (jsdom throws on anything malformed) and answers the document. */
const parse = (svg: string) => new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
const HOSTILE = '<script>alert(1)</script>';

describe('diagram svg', () => {
  it('writes a standalone SVG that parses, with every label as text (Chinese and Cyrillic), hostile labels escaped, and a legend', async () => {
    const { core, dir, path } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'cn-customs-1k.csv'), preset: 'cn-customs' });
    await must(core, 'entities.resolve', {});
    const chinese = (await must(core, 'entities.list', { limit: 1000 })).find((e) => /[\u4e00-\u9fff]/.test(e.name))!;
    const { view } = await must(core, 'diagrams.neighbourhood', {
      name: 'Trade of a Chinese firm',
      entityId: chinese.id,
      perNode: 5,
    });
    const [first, second] = view.nodes;
    await apply(core, view.id, [
      { op: 'addNode', tempId: -1, kind: 'note', text: 'Ask the analyst', label: HOSTILE, x: 0, y: 400 },
      { op: 'addNode', kind: 'note', text: 'Завод в Улан-Удэ & «кавычки»', x: 300, y: 400 },
      { op: 'updateNode', id: second!.id, label: 'АО «Улан-Удэнский авиационный завод»' },
      {
        op: 'createLink',
        source: first!.id,
        target: second!.id,
        type: 'custom',
        customLabel: 'same "director" & <b>address</b>',
        grade: 'tentative',
      },
      { op: 'annotate', target: 'node', targetId: first!.id, text: 'check ]]> & <!-- this -->' },
    ]);
    const shown = await must(core, 'diagrams.get', { id: view.id });
    const out = join(dir, 'd.svg');
    const run = custodian(['diagram', 'svg', path, String(view.id), '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ diagramId: view.id, out });

    const svg = readFileSync(out, 'utf8');
    const doc = parse(svg);
    const root = doc.documentElement;
    expect([root.localName, root.namespaceURI]).toEqual(['svg', 'http://www.w3.org/2000/svg']);
    const text = root.textContent!;
    for (const n of shown.nodes) expect(text).toContain(n.label);
    expect(shown.nodes.some((n) => /[\u4e00-\u9fff]/.test(n.label))).toBe(true);
    expect(text).toContain('АО «Улан-Удэнский авиационный завод»');
    expect(text).toContain(HOSTILE);
    expect(text).toContain('same "director" & <b>address</b>');
    expect(text).toContain('check ]]> & <!-- this -->');
    expect(root.getElementsByTagName('script')).toHaveLength(0);
    expect(root.getElementsByTagName('b')).toHaveLength(0);
    // Nothing outside the file: no links, images, remote styles or fonts.
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|href|<image|@import|url\(/i);
    expect(root.getAttribute('font-family')).toMatch(/Noto Sans, Noto Sans SC, .*sans-serif$/);
    expect(root.querySelector('g.legend')!.textContent).toMatch(/tentative/);
    // The link is dashed (tentative); shipment edges say count · value.
    expect(root.querySelector('g.edge-link line')!.getAttribute('stroke-dasharray')).toBe('8 5');
    const shipment = shown.edges.find((e) => e.kind === 'shipment')!;
    expect(text).toContain(`${shipment.count} · $`);
  });

  it('survives what a strict parser refuses: control characters, lone surrogates, huge and empty labels, an empty diagram', () => {
    const node = (id: number, label: string, extra: Partial<ViewNode> = {}) =>
      viewNode(id, label, { ref: id, x: id * 300, ...extra });
    const view: DiagramView = {
      id: 1,
      name: 'Edge cases \u0007',
      viewport: { x: 0, y: 0, zoom: 1 },
      filters: { dateFrom: '2022-01-01', dateTo: null, hsChapters: ['88'] },
      createdAt: '',
      updatedAt: '',
      folded: [],
      history: { position: 0, size: 0, undo: null, redo: null },
      nodes: [
        node(1, 'bell\u0007 and \uD800 lone'),
        node(2, '保利科技有限公司'.repeat(40)),
        node(3, '', { missing: true, style: { color: 'url(javascript:alert(1))' } }),
      ],
      edges: [
        {
          id: 1,
          kind: 'shipment',
          source: 1,
          target: 2,
          label: null,
          style: {},
          count: 3,
          valueUsd: 1_234_567,
          annotations: [],
        },
        {
          id: 2,
          kind: 'shipment',
          source: 2,
          target: 1,
          label: null,
          style: {},
          count: 1,
          valueUsd: 0,
          filteredOut: true,
          annotations: [],
        },
        { id: 3, kind: 'free', source: 2, target: 3, label: 'x', style: {}, missing: true, annotations: [] },
      ],
    };
    const doc = parse(diagramToSvg(view));
    expect(doc.documentElement.textContent).toContain('bell\uFFFD and \uFFFD lone');
    expect(doc.documentElement.textContent).toContain('3 · $1.2M');
    expect(doc.documentElement.textContent).toContain('Shown: records 2022-01-01 – …; HS chapters 88');
    expect(diagramToSvg(view)).not.toContain('javascript');
    expect(parse(diagramToSvg({ ...view, nodes: [], edges: [] })).documentElement.localName).toBe('svg');
  });
});
