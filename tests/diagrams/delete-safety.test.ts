import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramToSvg } from '../../shared/diagrams/svg';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { apply, recordsWithParties } from './helpers';

type Row = Record<string, unknown>;

/** Takes rows out of the case file on a connection of its own (as another program could), answering them to put back. */
function takeOut(path: string, table: string, ids: number[]): Row[] {
  const db = new Database(path);
  try {
    const rows = ids.map((id) => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row);
    for (const id of ids) db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    return rows;
  } finally {
    db.close();
  }
}

function putBack(path: string, table: string, rows: Row[]): void {
  const db = new Database(path);
  try {
    for (const r of rows) {
      const cols = Object.keys(r);
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((c) => r[c]),
      );
    }
  } finally {
    db.close();
  }
}

describe('deleting what a diagram shows never breaks it', () => {
  it('an excerpt, records and a whole entity gone: the diagram loads with them marked removed, and heals when they come back', async () => {
    const { core, dir, path } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, 'Poly Technologies shipped helicopter parts to the Ulan-Ude plant.');
    const [doc] = await must(core, 'documents.add', { paths: [txt] });
    const excerpt = await must(core, 'excerpts.create', {
      documentId: doc!.documentId,
      page: 1,
      quote: 'shipped helicopter parts',
    });

    // Two pairs that trade: a big one (its edge will lose one record) and a small buyer (it will lose them all).
    const facts = recordsWithParties(path);
    const pairs = new Map<string, number[]>();
    for (const r of facts)
      if (r.shipper && r.consignee && r.shipper !== r.consignee)
        pairs.set(`${r.shipper}>${r.consignee}`, [...(pairs.get(`${r.shipper}>${r.consignee}`) ?? []), r.id]);
    const mentions = await must(core, 'mentions.list', { limit: 1_000_000 });
    /** Records naming the entity in any role (shipper, consignee, producer, notify). */
    const recordsOf = (entity: number) => new Set(mentions.filter((m) => m.entityId === entity).map((m) => m.recordId));
    const sorted = [...pairs].sort((x, y) => y[1].length - x[1].length);
    const [bigKey, bigRecords] = sorted[0]!;
    const [a, b] = bigKey.split('>').map(Number) as [number, number];
    // A buyer all of whose records come from one seller not in the big pair.
    const [smallKey] = sorted.find(([k, ids]) => {
      const [s, c] = k.split('>').map(Number) as [number, number];
      return (
        ![a, b].includes(s) &&
        ![a, b].includes(c) &&
        ids.length >= 2 &&
        [...recordsOf(c)].every((r) => ids.includes(r)) &&
        recordsOf(s).size > ids.length
      );
    })!;
    const [c, d] = smallKey.split('>').map(Number) as [number, number];

    const view = await must(core, 'diagrams.create', { name: 'Evidence' });
    const { created } = await apply(core, view.id, [
      ...[a, b, c, d].map((ref, i) => ({
        op: 'addNode' as const,
        tempId: -(i + 1),
        kind: 'entity' as const,
        ref,
        x: i * 300,
        y: 0,
      })),
      { op: 'addNode', tempId: -5, kind: 'excerpt', ref: excerpt.id, x: 0, y: 200 },
      { op: 'addEdge', kind: 'shipment', source: -1, target: -2 },
      { op: 'addEdge', kind: 'shipment', source: -3, target: -4 },
      {
        op: 'createLink',
        tempId: -6,
        source: -1,
        target: -2,
        type: 'supplier_of',
        grade: 'tentative',
        records: [bigRecords[0]!],
        excerpts: [excerpt.id],
      },
    ]);
    const before = await must(core, 'diagrams.get', { id: view.id });

    // The excerpt: deleted through the API (nothing refuses it), shown by its quote as removed, and the link's evidence says so.
    await must(core, 'excerpts.delete', { id: excerpt.id });
    let now = await must(core, 'diagrams.get', { id: view.id });
    expect(now.nodes.find((n) => n.id === created['-5'])).toMatchObject({
      kind: 'excerpt',
      label: 'shipped helicopter parts',
      missing: true,
    });
    expect(now.edges.find((e) => e.id === created['-6'])!.link!.evidence).toEqual([
      { kind: 'record', id: bigRecords[0] },
      { kind: 'excerpt', id: excerpt.id, missing: true },
    ]);

    // One record behind the big edge, and every record of the small buyer, gone.
    const oneRecord = takeOut(path, 'records', [bigRecords[0]!]);
    const smallRecords = takeOut(path, 'records', pairs.get(smallKey)!);
    await must(core, 'entities.resolve', {});
    now = await must(core, 'diagrams.get', { id: view.id });
    const big = now.edges.find((e) => e.kind === 'shipment' && e.source === created['-1'])!;
    expect(big.recordIds).toEqual(bigRecords.slice(1).sort((x, y) => x - y));
    expect(now.edges.find((e) => e.id === created['-6'])!.link!.evidence[0]).toEqual({
      kind: 'record',
      id: bigRecords[0],
      missing: true,
    });
    expect(now.nodes.find((n) => n.id === created['-4'])).toMatchObject({
      missing: true,
      label: before.nodes.find((n) => n.id === created['-4'])!.label,
    });
    expect(now.edges.find((e) => e.kind === 'shipment' && e.source === created['-3'])).toMatchObject({
      missing: true,
      count: 0,
    });
    // Still a diagram to work with: export it, remove the gone node and undo that.
    expect(diagramToSvg(now)).toContain('removed from the case');
    await apply(core, view.id, [{ op: 'removeNodes', ids: [created['-4']!] }]);
    expect(
      (await must(core, 'diagrams.undo', { id: view.id })).view.nodes.find((n) => n.id === created['-4'])?.missing,
    ).toBe(true);

    // Everything comes back (a restore, or an undo of the deletions): the diagram is whole again, the entity found by its anchor.
    putBack(path, 'records', [...oneRecord, ...smallRecords]);
    putBack(path, 'excerpts', [
      {
        id: excerpt.id,
        document_id: excerpt.documentId,
        page: 1,
        start: excerpt.start,
        end: excerpt.end,
        quote: excerpt.quote,
        note: '',
        created_at: excerpt.createdAt,
        created_by: excerpt.createdBy,
      },
    ]);
    await must(core, 'entities.resolve', {});
    const healed = await must(core, 'diagrams.get', { id: view.id });
    const counts = (v: typeof healed) =>
      v.edges.map((e) => [e.kind, e.count ?? null, e.recordIds ?? null, e.missing ?? false]);
    expect(counts(healed)).toEqual(counts(before));
    expect(healed.nodes.map((n) => [n.label, n.missing ?? false])).toEqual(before.nodes.map((n) => [n.label, false]));
  });
});
