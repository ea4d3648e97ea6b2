import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { custodian } from '../helpers/cli';
import { SAMPLES, tempDir } from '../helpers/temp';

const ok = (args: string[]) => {
  const r = custodian([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return r.json<Record<string, unknown> & unknown[]>();
};

interface ShownEdge {
  id: number;
  kind: string;
  source: number;
  target: number;
  count?: number;
  valueUsd?: number;
  firstDate?: string | null;
  lastDate?: string | null;
  recordIds?: number[];
}

describe('custodian diagram …', () => {
  it('new, list, show and svg answer the contract’s fields, with shipment edges that add up to the records', () => {
    const dir = tempDir();
    const kase = join(dir, 'd.case');
    ok(['new', kase, '--title', 'Diagrams']);
    ok(['import', kase, join(SAMPLES, 'ru-customs-1k.clean.csv'), '--preset', 'ru-customs']);
    ok(['resolve', kase]);
    const entities = ok(['entities', kase]) as unknown as { id: number; name: string; aliases: string[] }[];
    const poly = entities.find((e) => [e.name, ...e.aliases].some((n) => /poly technologies/i.test(n)))!;

    expect(ok(['diagram', 'new', kase, '--name', 'Empty'])).toEqual({ diagramId: 1, nodes: 0, edges: 0, leftOut: 0 });
    const built = ok([
      'diagram',
      'new',
      kase,
      '--name',
      'Poly Technologies',
      '--from',
      String(poly.id),
      '--depth',
      '2',
    ]);
    expect(Object.keys(built)).toEqual(['diagramId', 'nodes', 'edges', 'leftOut']);
    expect(built).toMatchObject({ diagramId: 2 });
    expect(built.nodes).toBeGreaterThan(1);
    expect(built.edges).toBeGreaterThan(0);

    expect(ok(['diagram', 'list', kase])).toEqual([
      { diagramId: 1, name: 'Empty', nodes: 0, edges: 0 },
      { diagramId: 2, name: 'Poly Technologies', nodes: built.nodes, edges: built.edges },
    ]);

    const shown = ok(['diagram', 'show', kase, '2']) as unknown as {
      diagramId: number;
      name: string;
      nodes: Record<string, unknown>[];
      edges: ShownEdge[];
    };
    expect(Object.keys(shown)).toEqual(['diagramId', 'name', 'nodes', 'edges']);
    expect(shown.nodes).toHaveLength(built.nodes as number);
    for (const n of shown.nodes) expect(Object.keys(n)).toEqual(['id', 'kind', 'ref', 'label']);
    expect(shown.nodes[0]).toMatchObject({ kind: 'entity', ref: poly.id, label: poly.name });
    const records = ok(['records', kase, '--limit', '100000']) as unknown as {
      id: number;
      valueUsd: number | null;
      date: string | null;
    }[];
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const e of shown.edges) {
      expect(Object.keys(e)).toEqual([
        'id',
        'kind',
        'source',
        'target',
        'count',
        'valueUsd',
        'firstDate',
        'lastDate',
        'recordIds',
      ]);
      const behind = e.recordIds!.map((id) => byId.get(id)!);
      expect(e.count).toBe(behind.length);
      expect(e.valueUsd).toBeCloseTo(
        behind.reduce((s, r) => s + (r.valueUsd ?? 0), 0),
        2,
      );
      expect(e.firstDate).toBe(behind.map((r) => r.date!).sort()[0]);
    }

    const out = join(dir, 'poly.svg');
    expect(ok(['diagram', 'svg', kase, '2', '--out', out])).toMatchObject({ diagramId: 2, out });
    const svg = new JSDOM(readFileSync(out, 'utf8'), { contentType: 'image/svg+xml' }).window.document.documentElement;
    expect(svg.textContent).toContain(poly.name);
  });

  it('refuses bad usage with exit 2 and a missing diagram with exit 1 and one sentence', () => {
    const dir = tempDir();
    const kase = join(dir, 'd.case');
    ok(['new', kase, '--title', 'Diagrams']);
    expect(custodian(['diagram', 'new', kase]).status).toBe(2);
    expect(custodian(['diagram', 'new', kase, '--name', 'x', '--depth', '2']).status).toBe(2);
    expect(custodian(['diagram', 'svg', kase, '1']).status).toBe(2);
    const missing = custodian(['diagram', 'show', kase, '7']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('custodian diagram show: There is no diagram 7 in this case.');
    expect(custodian(['diagram', 'svg', kase, '7', '--out', join(dir, 'x.svg')]).status).toBe(1);
    expect(existsSync(join(dir, 'x.svg'))).toBe(false);
    expect(custodian(['help', 'diagram', 'new']).stdout).toMatch(
      /^custodian diagram new CASE --name N \[--from ENTITY_ID/,
    );
  });
});
