import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { custodian } from '../helpers/cli';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { apply, diagramOf } from '../diagrams/helpers';
import { importFtm } from '../screening/ftm-lines';
import { lineage, propertiesOf, refTarget, SCHEMATA } from './ftm-schemata';

interface Line {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

describe('FollowTheMoney export', () => {
  let made: Awaited<ReturnType<typeof tempCase>>;
  let lines: Line[];
  let survivor = 0;
  let mergedAway = 0;
  let linkIds: number[] = [];
  let recordCount = 0;
  let shipperOf = new Map<number, number | null>();
  /** The screening hits when the case was exported: entity and list entry of each, by review status. */
  let hits: { entityId: number; externalId: string; status: string }[] = [];
  /** The same case exported again by the command line, as text. */
  let again: { status: number; stderr: string; lines: number; text: string; first: string };

  beforeAll(async () => {
    made = await tempCase();
    const { core } = made;
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const txt = join(made.dir, 'registry <b>.txt');
    writeFileSync(txt, 'Registry extract: the two companies share a director and an address in Ulan-Ude.');
    const [doc] = await must(core, 'documents.add', { paths: [txt], sourceUrl: 'https://example.org/registry' });
    const excerpt = await must(core, 'excerpts.create', { documentId: doc!.documentId, page: 1, quote: 'a director' });
    const [a, b, c, d] = (await must(core, 'entities.list', { limit: 4 })).map((e) => e.id) as number[];
    const records = (await must(core, 'records.list', { limit: 2 })).map((r) => r.id);
    const view = await diagramOf(core, [a!, b!, c!]);
    const [na, nb, nc] = view.nodes;
    const { created } = await apply(core, view.id, [
      { op: 'createLink', tempId: -1, source: na!.id, target: nb!.id, type: 'owns', grade: 'confirmed', records },
      {
        op: 'createLink',
        tempId: -2,
        source: nb!.id,
        target: nc!.id,
        type: 'custom',
        customLabel: 'shares an address with',
        grade: 'tentative',
        excerpts: [excerpt.id],
      },
    ]);
    linkIds = [created['-1'], created['-2']].map(Number);
    // A party merged away must be written as the entity it was merged into.
    await must(core, 'entities.merge', { ids: [c!, d!] });
    survivor = c!;
    mergedAway = d!;
    // Screened against a list: the plant's hit confirmed, another marked a false positive, the rest open.
    await importFtm(core, made.dir);
    await must(core, 'screening.run', {});
    const found = await must(core, 'hits.list', { limit: 1000 });
    const plant = found.find((h) => h.externalId === 'NK-uuaz')!;
    const other = found.find((h) => h.externalId !== 'NK-uuaz')!;
    await must(core, 'hits.review', { id: plant.id, status: 'confirmed', note: '' });
    await must(core, 'hits.review', { id: other.id, status: 'false_positive', note: '' });
    hits = (await must(core, 'hits.list', { limit: 1000 })).map((h) => ({
      entityId: h.entityId,
      externalId: h.externalId,
      status: h.status,
    }));
    await must(core, 'interchange.ftm', { path: join(made.dir, 'out.jsonl') });
    const first = readFileSync(join(made.dir, 'out.jsonl'), 'utf8');
    lines = first
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    recordCount = (await must(core, 'case.info', {})).counts.records;
    const mentions = await must(core, 'mentions.list', { limit: 100_000 });
    shipperOf = new Map(mentions.filter((m) => m.role === 'shipper').map((m) => [m.recordId, m.entityId]));
    // The temporary folder goes after the first test: the second export is made now.
    core.session?.close();
    core.session = null;
    const out = join(made.dir, 'again.jsonl');
    const run = custodian(['ftm', made.path, out, '--json']);
    again = {
      status: run.status,
      stderr: run.stderr,
      lines: run.status === 0 ? run.json<{ lines: number }>().lines : -1,
      text: run.status === 0 ? readFileSync(out, 'utf8') : '',
      first,
    };
  }, 120_000);

  it('writes entities valid for their schema, and every reference resolves inside the file', () => {
    const byId = new Map(lines.map((l) => [l.id, l]));
    expect(byId.size).toBe(lines.length);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['id', 'properties', 'schema']);
      expect(SCHEMATA[line.schema], line.schema).toBeDefined();
      const allowed = propertiesOf(line.schema);
      for (const [prop, values] of Object.entries(line.properties)) {
        expect(allowed.has(prop), `${line.schema}.${prop}`).toBe(true);
        expect(values.length).toBeGreaterThan(0);
        for (const v of values) expect(typeof v === 'string' && v.trim() !== '').toBe(true);
        if (/country$/i.test(prop)) for (const v of values) expect(v).toMatch(/^[a-z]{2}$/);
        if (prop === 'date') for (const v of values) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const target = refTarget(line.schema, prop);
        if (!target) continue;
        for (const v of values) {
          const to = byId.get(v);
          expect(to, `${line.id} ${prop} → ${v}`).toBeDefined();
          expect(lineage(to!.schema)).toContain(target);
        }
      }
    }
  });

  it('writes one EconomicActivity per record, its parties as the entities they were resolved to', () => {
    const activities = lines.filter((l) => l.schema === 'EconomicActivity');
    expect(activities).toHaveLength(recordCount);
    const entityNo = (id: string) => Number(/-entity-(\d+)$/.exec(id)![1]);
    let checked = 0;
    for (const a of activities) {
      const recordId = Number(/-record-(\d+)$/.exec(a.id)![1]);
      const expected = shipperOf.get(recordId);
      if (expected == null) continue;
      expect(entityNo(a.properties.sender![0]!)).toBe(expected === mergedAway ? survivor : expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(lines.some((l) => l.id.endsWith(`-entity-${mergedAway}`))).toBe(false);
    const first = activities[0]!.properties;
    expect(first.recordId).toEqual(['ru-customs-2k.csv row 1']);
    expect(first.vedCode?.[0]).toMatch(/^\d{10}$/);
  });

  it('writes the links with grade, label and evidence, and the documents with their hash', () => {
    const links = linkIds.map((id) => lines.find((l) => l.id.endsWith(`-link-${id}`))!);
    expect(links.map((l) => l.schema)).toEqual(['Ownership', 'UnknownLink']);
    expect(links[0]!.properties.status).toEqual(['confirmed']);
    expect(links[0]!.properties.recordId).toHaveLength(2);
    expect(links[1]!.properties.role).toEqual(['shares an address with']);
    const doc = lines.find((l) => l.id === links[1]!.properties.proof![0])!;
    expect(doc.properties.fileName).toEqual(['registry <b>.txt']);
    expect(doc.properties.sourceUrl).toEqual(['https://example.org/registry']);
    expect(doc.properties.notes![0]).toMatch(/^SHA-256 [0-9a-f]{64}$/);
    const source = lines.find((l) => l.schema === 'Table')!;
    expect(source.properties.notes![0]).toMatch(/^SHA-256 [0-9a-f]{64}$/);
  });

  it('writes a Sanction per hit that stands: the company, the list authority, program and listing date', () => {
    const sanctions = lines.filter((l) => l.schema === 'Sanction');
    const standing = hits.filter((h) => h.status !== 'false_positive');
    expect(standing.length).toBeGreaterThan(0);
    expect(sanctions).toHaveLength(new Set(standing.map((h) => `${h.entityId} ${h.externalId}`)).size);
    for (const h of standing) {
      const s = sanctions.find(
        (l) =>
          l.properties.entity![0]!.endsWith(`-entity-${h.entityId}`) && l.properties.authorityId![0] === h.externalId,
      );
      expect(s, `${h.entityId} ${h.externalId}`).toBeDefined();
      expect(s!.properties.status![0]).toMatch(h.status === 'confirmed' ? /confirmed/ : /open/);
      expect(lines.find((l) => l.id === s!.properties.entity![0])!.schema).toBe('Company');
    }
    const plant = sanctions.find((l) => l.properties.authorityId![0] === 'NK-uuaz')!;
    expect(plant.properties).toMatchObject({
      authority: ['OpenSanctions'],
      status: ['confirmed by review'],
      program: ['RUSSIA-EO14024'],
      listingDate: ['2022-06-28'],
    });
    // The list's file is the proof: a source written in the same file.
    expect(lines.find((l) => l.id === plant.properties.proof![0])!.properties.fileName).toEqual(['us_ofac_sdn.json']);
    const falsePositive = hits.find((h) => h.status === 'false_positive')!;
    expect(
      sanctions.some(
        (l) =>
          l.properties.entity![0]!.endsWith(`-entity-${falsePositive.entityId}`) &&
          l.properties.authorityId![0] === falsePositive.externalId,
      ),
    ).toBe(false);
  });

  it('names everything the same way in a second export, from the command line too', () => {
    expect(again.status, again.stderr).toBe(0);
    expect(again.lines).toBe(lines.length);
    expect(again.text).toBe(again.first);
  });
});
