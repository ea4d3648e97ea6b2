import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import type { CustomsRecord } from '../../shared/domain/records';
import { readLabels } from '../entities/evaluate';
import { must, SAMPLES, tempCase } from '../helpers/temp';

// One case with the Russian and the Chinese customs samples, resolved: the storyline companies are written
// in Cyrillic, Latin (several transliterations), pinyin and Chinese across its records.
let core: CoreContext;
let ru = 0;
let cn = 0;
let all: CustomsRecord[] = [];

const list = async (query: string) =>
  (await must(core, 'records.list', { query, limit: 100_000 })).map((r) => r.id).sort((a, b) => a - b);
const count = (query: string) => must(core, 'records.count', { query });
const textOf = (r: CustomsRecord) => [r.shipper, r.consignee, r.notify, r.producer, r.description].join(' | ');
/** The records of an entity, through its mentions. */
const recordsOf = async (entityId: number) =>
  new Set((await must(core, 'mentions.list', { entityId, limit: 100_000 })).map((m) => m.recordId));
/** The one entity listed for a query that has `name` among its names. */
async function entityNamed(query: string, name: string) {
  const found = (await must(core, 'entities.list', { query, limit: 1000 })).filter(
    (e) => e.name === name || e.aliases.includes(name),
  );
  expect(found, `${query} lists an entity named ${name}`).toHaveLength(1);
  return found[0]!;
}

describe('search across scripts and entities (ru-customs-2k + cn-customs-1k, resolved)', () => {
  beforeAll(async () => {
    const c = await tempCase();
    core = c.core;
    ru = (await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' })).importId;
    cn = (await must(core, 'import.run', { path: join(SAMPLES, 'cn-customs-1k.csv'), preset: 'cn-customs' })).importId;
    await must(core, 'entities.resolve', {});
    all = await must(core, 'records.list', { limit: 100_000 });
  }, 180_000);

  it('finds the same records for Ulan and Улан: every record with a word starting so, in either script', async () => {
    const latin = await list('Ulan');
    expect(await list('Улан')).toEqual(latin);
    // Words starting so, or with a doubled letter typed (УЛЛАН-УДЭНСКИЙ): the skeletons compared fold doubled letters.
    const expected = all.filter((r) => /(^|[^\p{L}\p{N}])(ul+an|ул+ан)/iu.test(textOf(r))).map((r) => r.id);
    expect(expected.some((id) => /улан/i.test(textOf(all.find((r) => r.id === id)!)))).toBe(true);
    expect(expected.some((id) => /ulan/i.test(textOf(all.find((r) => r.id === id)!)))).toBe(true);
    expect(latin).toEqual(expect.arrayContaining(expected));
    // Nothing else: "Ulan" names no company in particular, so it adds no company's other records.
    expect(latin).toEqual(expected.sort((a, b) => a - b));
  });

  it('finds МИ-171Е (Cyrillic throughout) for Mi-171E: the rows of the file that say so', async () => {
    const rows = parse(readFileSync(join(SAMPLES, 'ru-customs-2k.csv')), {
      columns: true,
      bom: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    const withMi = new Set(rows.flatMap((r, i) => (r.GOODS_DESCRIPTION!.includes('МИ-171Е') ? [i + 1] : [])));
    expect(withMi.size).toBeGreaterThan(5);
    const expected = all.filter((r) => r.importId === ru && withMi.has(r.row)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(5);
    const found = await list('Mi-171E');
    expect(found).toEqual(expect.arrayContaining(expected));
    // And Chinese records that write the helicopter 米-171E (米 is mi in pinyin), where 米 starts a run of
    // Chinese: inside one (用于米-171E, "for the Mi-171E") the index holds no word for it.
    const chinese = all
      .filter((r) => r.importId === cn && /(^|[^\p{Script=Han}])米-171E/u.test(textOf(r)))
      .map((r) => r.id);
    expect(chinese.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(chinese));
    for (const id of found) expect(textOf(all.find((r) => r.id === id)!)).toMatch(/(МИ|MI|米)-171(Е|E)/i);
    expect(await list('МИ-171Е')).toEqual(found);
  });

  it('finds every record of a company by its Latin name, its Cyrillic and Chinese mentions included', async () => {
    const plant = await entityNamed('0326556918', 'АО «Улан-Удэнский авиационный завод»');
    const plantRecords = await recordsOf(plant.id);
    const found = new Set(await list('Ulan-Ude Aviation Plant'));
    for (const id of plantRecords) expect(found.has(id), `record ${id} of the plant`).toBe(true);
    const mentions = await must(core, 'mentions.list', { entityId: plant.id, limit: 1000 });
    expect(mentions.some((m) => /[А-Яа-я]/.test(m.rawName))).toBe(true);
    expect(mentions.some((m) => m.rawName === 'UUAZ' || /^[A-Za-z «»"-]+$/.test(m.rawName))).toBe(true);

    // Poly Technologies (E0001 in the fixtures' labels): its rows written in Chinese in the Chinese sample.
    const labels = readLabels(join(SAMPLES, 'cn-customs-1k.labels.csv'));
    const chinese = all.filter(
      (r) =>
        r.importId === cn &&
        ['shipper', 'consignee'].some(
          (role) => labels.get(`${r.row}:${role}`) === 'E0001' && /保利科技/.test(String(r[role as 'shipper'])),
        ),
    );
    expect(chinese.length).toBeGreaterThan(0);
    const poly = new Set(await list('Poly Technologies'));
    for (const r of chinese) expect(poly.has(r.id), `${r.shipper} → ${r.consignee}`).toBe(true);
    const polyEntity = await entityNamed('Poly Technologies', '保利科技有限公司');
    for (const id of await recordsOf(polyEntity.id)) expect(poly.has(id)).toBe(true);
  });

  it('finds Poly Technologies’ records for 保利 and for ПОЛИ', async () => {
    const polyEntity = await entityNamed('Poly Technologies', '保利科技有限公司');
    const records = await recordsOf(polyEntity.id);
    expect(records.size).toBeGreaterThan(10);
    for (const q of ['保利', 'ПОЛИ', '保利科技', 'Поли Текнолоджиз']) {
      const found = new Set(await list(q));
      for (const id of records) expect(found.has(id), `${q} finds record ${id}`).toBe(true);
    }
  });

  it('finds exactly the records whose HS code starts with a code, however it is written', async () => {
    // The case's own connection (its temporary folder is gone after the first test; the open file is not).
    const db = core.session!.db;
    {
      const byHs = (prefix: string) =>
        db
          .prepare('SELECT id FROM records WHERE substr(hs_code, 1, ?) = ? ORDER BY id')
          .pluck()
          .all(prefix.length, prefix) as number[];
      for (const [q, prefix] of [
        ['8807', '8807'],
        ['8807.30', '880730'],
        ['8807300000', '8807300000'],
        ['8411 91', '841191'],
      ] as const) {
        const expected = byHs(prefix);
        expect(expected.length, q).toBeGreaterThan(0);
        expect(await list(q), q).toEqual(expected);
        const hits = await must(core, 'search.query', { query: q, limit: 1000 });
        expect(
          hits
            .filter((h) => h.kind === 'record')
            .map((h) => h.id)
            .sort((a, b) => a - b),
        ).toEqual(expected.slice(0, 1000));
      }
    }
  });

  it('counts exactly what the list returns, and searches only among it', async () => {
    const queries = [
      'Ulan',
      'Улан',
      'Mi-171E',
      '8807',
      '保利',
      'ПОЛИ',
      'Poly Technologies',
      'Ulan Ude Aviation Plant',
      '0326556918',
      'подшипник',
      'Дальтрейд',
      'zzzz',
    ];
    for (const query of queries) {
      const ids = await list(query);
      expect(await count(query), query).toBe(ids.length);
      const hits = (await must(core, 'search.query', { query, limit: 1000 }))
        .filter((h) => h.kind === 'record')
        .map((h) => h.id);
      expect(hits.length, query).toBe(Math.min(ids.length, 1000));
      expect(ids, query).toEqual(expect.arrayContaining(hits));
    }
    const filtered = { query: 'Poly', dateFrom: '2022-01-01', party: 'Baoli' };
    const rows = await must(core, 'records.list', { ...filtered, limit: 100_000 });
    expect(rows.length).toBeGreaterThan(0);
    expect(await must(core, 'records.count', filtered)).toBe(rows.length);
    expect(await count('zzzz')).toBe(0);
  });

  it('finds entities by a Chinese name, a Cyrillic name and an INN, and says when nothing matches', async () => {
    const poly = await entityNamed('保利科技', '保利科技有限公司');
    expect((await entityNamed('Поли Текнолоджиз', '保利科技有限公司')).id).toBe(poly.id);
    expect((await entityNamed('0326556918', 'АО «Улан-Удэнский авиационный завод»')).identifiers).toContain(
      '0326556918',
    );
    for (const query of ['保利科技', 'Поли Текнолоджиз', '0326556918', 'авиационный', 'zzzz']) {
      const listed = await must(core, 'entities.list', { query, limit: 10_000 });
      expect(await must(core, 'entities.count', { query }), query).toBe(listed.length);
    }
    expect(await must(core, 'entities.list', { query: 'zzzz', limit: 10 })).toEqual([]);
    // Written as typed before translated: авиационный lists a plant named in Russian first.
    const [first] = await must(core, 'entities.list', { query: 'авиационный', limit: 10 });
    expect([first!.name, ...first!.aliases].some((n) => /авиационн/i.test(n))).toBe(true);
  });
});

describe('search on the sample case', () => {
  let sample: CoreContext;
  beforeAll(async () => {
    ({ core: sample } = await tempCase());
    await must(sample, 'case.openSample', {});
  }, 180_000);

  it('finds every record of the Ulan-Ude aviation plant by its English name, not only the three that write it so', async () => {
    const [plant] = await must(sample, 'entities.list', { query: '0326556918', limit: 10 });
    expect(plant!.identifiers).toContain('0326556918');
    const mentioned = new Set(
      (await must(sample, 'mentions.list', { entityId: plant!.id, limit: 1000 })).map((m) => m.recordId),
    );
    const found = await must(sample, 'records.list', { query: 'Ulan Ude Aviation Plant', limit: 1000 });
    expect(found.map((r) => r.id).sort((a, b) => a - b)).toEqual([...mentioned].sort((a, b) => a - b));
    expect(found.filter((r) => /Ulan.Ude Aviation Plant/i.test(`${r.shipper} ${r.consignee}`)).length).toBeLessThan(
      mentioned.size,
    );
  });

  it('finds Poly Technologies by 保利科技, Поли Текнолоджиз, 保利 and ПОЛИ, its records too', async () => {
    const [poly] = await must(sample, 'entities.list', { query: 'Poly Technologies', limit: 10 });
    expect(poly!.name).toMatch(/Poly Technologies/);
    const records = new Set(
      (await must(sample, 'mentions.list', { entityId: poly!.id, limit: 1000 })).map((m) => m.recordId),
    );
    for (const query of ['保利科技', 'Поли Текнолоджиз']) {
      expect(
        (await must(sample, 'entities.list', { query, limit: 100 })).map((e) => e.id),
        query,
      ).toContain(poly!.id);
    }
    for (const query of ['保利', 'ПОЛИ']) {
      const found = new Set((await must(sample, 'records.list', { query, limit: 10_000 })).map((r) => r.id));
      for (const id of records) expect(found.has(id), `${query}: record ${id}`).toBe(true);
    }
  });

  it('counts all the records a search matches, beyond the hits it lists', async () => {
    const hits = (await must(sample, 'search.query', { query: 'Улан', limit: 100 })).filter((h) => h.kind === 'record');
    const total = await must(sample, 'records.count', { query: 'Улан' });
    expect(total).toBeGreaterThan(hits.length);
    expect(total).toBe((await must(sample, 'records.list', { query: 'Улан', limit: 100_000 })).length);
  });
});
