import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { exportTo, verify } from './helpers';

/** Canaries: lowercase single words (an index stores them as they are), unlike anything in the data. */
const CANARY = {
  record: 'qqzrecordcanary',
  reject: 'qqzrejectcanary',
  document: 'qqzdocumentcanary',
  excerpt: 'qqzexcerptcanary',
  nodeNote: 'qqznodeannotationcanary',
  recordNote: 'qqzrecordannotationcanary',
  link: 'qqzlinkcanary',
  diagram: 'qqzdiagramcanary',
  entity: 'qqzentitycanary',
  judgement: 'qqzjudgementcanary',
  mapping: 'qqzmappingcanary',
  deleted: 'qqzdeletedcanary',
};
const KEPT = { document: 'qqzkeptdocument', note: 'qqzkeptnote' };

/** Whether the bytes hold a canary (whole, or its tail: an index stores a word after the prefix it shares with the one before). */
const holds = (bytes: Buffer, word: string) =>
  bytes.includes(Buffer.from(word)) || bytes.includes(Buffer.from(word.slice(4)));

interface Pair {
  s: number;
  t: number;
  n: number;
}

/** A case whose excluded evidence carries a canary in every table that holds text, and a kept diagram with its own. */
async function caseWithCanaries() {
  const { core, dir, path } = await tempCase('Redaction');
  const lines = readFileSync(join(SAMPLES, 'ru-customs-1k.clean.csv'), 'utf8').split('\n');
  const row = parse(lines[40]!)[0] as string[];
  lines[40] = lines[40]!.replace(row[10]!, `${row[10]} ${CANARY.record}`);
  lines.splice(lines.length - 1, 0, `broken,notadate,ИМ,${CANARY.reject}`);
  const csv = join(dir, 'customs.csv');
  writeFileSync(csv, lines.join('\n'));
  await must(core, 'import.run', { path: csv, preset: 'ru-customs' });
  await must(core, 'entities.resolve', {});

  const db = new Database(path, { readonly: true });
  const entityOf = db.prepare(
    `SELECT n.entity_id FROM mentions m JOIN mention_names n ON n.id = m.name_id WHERE m.record_id = ? AND m.role = ?`,
  );
  const canaryRecord = (
    db.prepare(`SELECT id FROM records WHERE description LIKE '%${CANARY.record}%'`).get() as { id: number }
  ).id;
  const excluded = {
    s: (entityOf.get(canaryRecord, 'shipper') as { entity_id: number }).entity_id,
    t: (entityOf.get(canaryRecord, 'consignee') as { entity_id: number }).entity_id,
  };
  const pairs = db
    .prepare(
      `SELECT sn.entity_id AS s, tn.entity_id AS t, count(*) AS n FROM mentions sm
       JOIN mention_names sn ON sn.id = sm.name_id JOIN mentions tm ON tm.record_id = sm.record_id AND tm.role = 'consignee'
       JOIN mention_names tn ON tn.id = tm.name_id WHERE sm.role = 'shipper' GROUP BY 1, 2 ORDER BY 3 DESC`,
    )
    .all() as Pair[];
  const rejects = (
    db.prepare(`SELECT count(*) AS n FROM rejects WHERE raw LIKE '%${CANARY.reject}%'`).get() as { n: number }
  ).n;
  db.close();
  expect(rejects).toBe(1);
  const shared = new Set([excluded.s, excluded.t]);
  const kept = pairs.find((p) => !shared.has(p.s) && !shared.has(p.t) && p.s !== p.t)!;
  const other = pairs.find(
    (p) => !shared.has(p.s) && !shared.has(p.t) && ![kept.s, kept.t].includes(p.s) && ![kept.s, kept.t].includes(p.t),
  )!;

  const doc = async (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, `A note for the case.\n\n${text} and more words.\n`);
    return (await must(core, 'documents.add', { paths: [file] }))[0]!.documentId;
  };
  const keptDoc = await doc('kept.txt', KEPT.document);
  const excludedDoc = await doc('other.txt', CANARY.document);
  const excerpt = await must(core, 'excerpts.create', {
    documentId: excludedDoc,
    page: 1,
    quote: CANARY.document,
    note: CANARY.excerpt,
  });

  const diagram = async (name: string, pair: { s: number; t: number }, docId: number, more: unknown[] = []) => {
    const d = await must(core, 'diagrams.create', { name });
    const change = await must(core, 'diagrams.apply', {
      id: d.id,
      label: name,
      ops: [
        { op: 'addNode', tempId: -1, kind: 'entity', ref: pair.s, x: 0, y: 0 },
        { op: 'addNode', tempId: -2, kind: 'entity', ref: pair.t, x: 300, y: 0 },
        { op: 'addNode', tempId: -3, kind: 'document', ref: docId, x: 0, y: 300 },
        { op: 'addEdge', kind: 'shipment', source: -1, target: -2 },
        ...more,
      ],
    });
    return { id: d.id, created: change.created };
  };
  const a = await diagram('Kept diagram', kept, keptDoc, [
    { op: 'annotate', target: 'node', targetId: -1, text: KEPT.note },
  ]);
  await diagram(CANARY.diagram, excluded, excludedDoc, [
    { op: 'addNode', tempId: -4, kind: 'excerpt', ref: excerpt.id, x: 300, y: 300 },
    { op: 'annotate', target: 'node', targetId: -2, text: CANARY.nodeNote },
    {
      op: 'createLink',
      source: -1,
      target: -2,
      type: 'associated',
      grade: 'tentative',
      note: CANARY.link,
      records: [canaryRecord],
    },
  ]);
  await must(core, 'annotations.create', { target: 'record', targetId: canaryRecord, text: CANARY.recordNote });
  await must(core, 'entities.rename', { id: other.s, name: CANARY.entity });
  await must(core, 'review.decide', {
    entityA: other.s,
    entityB: other.t,
    decision: 'not_same',
    note: CANARY.judgement,
  });
  const preset = (await must(core, 'import.presets', {}))[0]!;
  await must(core, 'import.saveMapping', { name: CANARY.mapping, mapping: preset.mapping });
  const gone = await doc('gone.txt', CANARY.deleted);
  await must(core, 'documents.delete', { id: gone });
  return { core, dir, path, diagramA: a.id, kept };
}

const fileBytes = (path: string) =>
  Buffer.concat([path, `${path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));

describe('redacted export', () => {
  it('carries only the chosen diagram and what it rests on: no canary of excluded evidence is in the file’s bytes', async () => {
    const { core, dir, path, diagramA, kept } = await caseWithCanaries();
    // Every canary (but the deleted one) is in the case itself, so their absence below means something.
    const source = fileBytes(path);
    for (const [name, word] of Object.entries(CANARY))
      if (name !== 'deleted') expect(holds(source, word), name).toBe(true);

    const out = join(dir, 'redacted.case');
    const r = await exportTo(core as CoreContext, out, { onlyDiagrams: [diagramA] });
    expect(r.kept).toMatchObject({ diagrams: [diagramA], entities: 2 });
    expect(r.kept!.records).toBe(kept.n);
    const bytes = readFileSync(out);
    for (const [name, word] of Object.entries(CANARY)) expect(holds(bytes, word), `${name} leaked`).toBe(false);
    expect(holds(bytes, KEPT.document)).toBe(true);
    expect(holds(bytes, KEPT.note)).toBe(true);

    const v = await verify(core, out);
    expect(v.ok && v.value).toMatchObject({ ok: true, problems: [] });
    const db = new Database(out, { readonly: true });
    const audit = db.prepare('SELECT action, detail FROM audit_log').all() as { action: string; detail: string }[];
    expect(audit.map((e) => e.action)).toEqual(['exchange.export']);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ redacted: true, kept: { diagrams: [diagramA] } });
    expect(db.prepare('SELECT count(*) AS n FROM diagrams').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 });
    // The full-text index finds the kept records and nothing else.
    const indexed = db
      .prepare(`SELECT count(*) AS n FROM records_fts WHERE records_fts MATCH 'цилиндрические OR ноутбуки OR poly'`)
      .get() as { n: number };
    const inRecords = db
      .prepare(
        `SELECT count(*) AS n FROM records WHERE description LIKE '%ЦИЛИНДРИЧЕСКИЕ%' OR description LIKE '%НОУТБУКИ%' OR shipper LIKE '%POLY%' OR consignee LIKE '%POLY%' OR notify LIKE '%POLY%' OR producer LIKE '%POLY%'`,
      )
      .get() as { n: number };
    expect(indexed.n).toBe(inRecords.n);
    db.close();
  }, 180_000);

  it('a whole-case export carries no content deleted before it', async () => {
    const { core, dir } = await caseWithCanaries();
    const out = join(dir, 'whole.case');
    await exportTo(core, out);
    const bytes = readFileSync(out);
    expect(holds(bytes, CANARY.deleted)).toBe(false);
    expect(holds(bytes, CANARY.record)).toBe(true);
    const r = await verify(core, out);
    expect(r.ok ? r.value.problems : r.error.message).toEqual([]);
  }, 180_000);

  it('refuses a diagram the case does not have, writing nothing', async () => {
    const { core, dir } = await tempCase('Redaction');
    const { callToEnd } = await import('../../electron/core/dispatch');
    const r = await callToEnd(core, 'exchange.export', { path: join(dir, 'x.case'), onlyDiagrams: [42] });
    expect(r.ok || r.error.message).toMatch(/no diagram 42/);
    expect(existsSync(join(dir, 'x.case'))).toBe(false);
  });
});
