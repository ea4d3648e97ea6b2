import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { must, SAMPLES, tempCase } from '../helpers/temp';

let core: CoreContext;
let ru = 0;
let cn = 0;

describe('record search (FTS5: Cyrillic, Chinese, filters)', () => {
  beforeAll(async () => {
    ({ core } = await tempCase());
    ru = (await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' })).importId;
    cn = (await must(core, 'import.run', { path: join(SAMPLES, 'cn-customs-1k.csv'), preset: 'cn-customs' })).importId;
  });

  it('indexes an import in a few large segments, CJK rows included (FTS5 writes one per statement)', () => {
    const segments = core
      .session!.db.prepare('SELECT count(DISTINCT segid) FROM records_fts_idx')
      .pluck()
      .get() as number;
    // Two small imports, 3,000 records (1,000 of them Chinese): a statement per batch or per row would leave dozens or thousands.
    expect(segments).toBeGreaterThan(0);
    expect(segments).toBeLessThanOrEqual(4);
  });

  it('finds Cyrillic words whatever their case, by prefix', async () => {
    const hits = await must(core, 'search.query', { query: 'подшипник', limit: 1000 });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.every((h) => h.kind === 'record' && /ПОДШИПНИК/i.test(h.snippet))).toBe(true);
    const exact = await must(core, 'records.count', { importId: ru, query: 'ПОДШИПНИКИ' });
    expect(exact).toBeGreaterThan(5);
  });

  it('folds ё to е', async () => {
    const all = await must(core, 'records.list', { importId: ru, limit: 5000 });
    const withYo = all.find((r) => /[ёЁ]/.test(`${r.shipper} ${r.consignee} ${r.producer}`));
    expect(withYo).toBeDefined();
    const word = `${withYo!.shipper} ${withYo!.consignee} ${withYo!.producer}`
      .split(/[^\p{L}-]+/u)
      .find((w) => /[ёЁ]/.test(w))!
      .split('-')[0]!;
    const plain = word.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
    const ids = (await must(core, 'search.query', { query: plain, limit: 1000 })).map((h) => h.id);
    expect(ids).toContain(withYo!.id);
  });

  it('finds Chinese by any run of two or more characters, and by one', async () => {
    const all = await must(core, 'records.list', { importId: cn, limit: 5000 });
    const poly = all.filter((r) => `${r.shipper}${r.consignee}`.includes('保利科技'));
    expect(poly.length).toBeGreaterThan(0);
    // A record's names may be written in pinyin instead (Baoli Keji), which a Chinese query also finds.
    const pinyin: Record<string, string> = { 保利科技: 'baoli', 保利: 'baoli', 利科技: 'keji' };
    for (const q of ['保利科技', '保利', '利科技']) {
      const ids = new Set((await must(core, 'search.query', { query: q, limit: 1000 })).map((h) => h.id));
      for (const r of poly) expect(ids.has(r.id), `${q} finds record ${r.id}`).toBe(true);
      for (const id of ids) {
        const rec = (await must(core, 'records.get', { id })).record;
        const text = `${rec.shipper}${rec.consignee}${rec.notify}${rec.producer}${rec.description}`;
        expect(text.includes(q) || text.toLowerCase().includes(pinyin[q]!), `${q} in ${text}`).toBe(true);
      }
    }
    const heli = await must(core, 'search.query', { query: '直升机', limit: 1000 });
    expect(heli.length).toBeGreaterThan(0);
    expect(heli.every((h) => h.snippet.includes('直升机'))).toBe(true);
    const one = await must(core, 'search.query', { query: '保', limit: 1000 });
    expect(one.length).toBeGreaterThanOrEqual(poly.length);
  });

  it('filters by date range, HS prefix, country, party and value', async () => {
    const q = { query: 'части', limit: 1000 };
    const all = await must(core, 'search.query', q);
    const hs = await must(core, 'search.query', { ...q, hsPrefix: '8807.30' });
    expect(hs.length).toBeGreaterThan(0);
    expect(hs.length).toBeLessThan(all.length);
    for (const h of hs)
      expect((await must(core, 'records.get', { id: h.id })).record.hsCode!.startsWith('880730')).toBe(true);
    const dated = await must(core, 'records.list', {
      query: 'части',
      dateFrom: '2022-01-01',
      dateTo: '2022-12-31',
      limit: 5000,
    });
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((r) => r.date! >= '2022-01-01' && r.date! <= '2022-12-31')).toBe(true);
    const cnOnly = await must(core, 'records.list', { importId: ru, country: 'CN', limit: 5000 });
    expect(cnOnly.length).toBeGreaterThan(0);
    expect(
      cnOnly.every((r) =>
        [r.shipperCountry, r.originCountry, r.tradingCountry, r.consigneeCountry, r.destinationCountry].includes('CN'),
      ),
    ).toBe(true);
    const rich = await must(core, 'records.list', { importId: ru, valueMin: 1_000_000, limit: 5000 });
    expect(rich.every((r) => r.valueUsd! >= 1_000_000)).toBe(true);
    const party = await must(core, 'records.list', { importId: ru, party: 'Poly Technologies', limit: 5000 });
    expect(party.length).toBeGreaterThan(0);
    expect(party.every((r) => /poly/i.test(`${r.shipper} ${r.consignee} ${r.producer} ${r.notify}`))).toBe(true);
  });

  it('never fails on FTS syntax in what a person types', async () => {
    for (const q of ['"', 'AND', 'a OR', '*', '(', 'NEAR(', ':', '-']) {
      const r = await must(core, 'search.query', { query: q, limit: 5 });
      expect(Array.isArray(r)).toBe(true);
    }
  });

  it('sorts and counts records', async () => {
    const top = await must(core, 'records.list', { importId: ru, sort: 'valueUsd', desc: true, limit: 3 });
    expect(top[0]!.valueUsd!).toBeGreaterThanOrEqual(top[1]!.valueUsd!);
    expect(await must(core, 'records.count', { importId: ru, flagged: true })).toBe(29);
    expect(await must(core, 'records.count', { importId: ru, flag: 'formula' })).toBe(5);
  });
});
