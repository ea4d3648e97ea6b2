import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { CustomsRecord } from '../../shared/domain/records';
import { CHPL_TIERS, chplTierOf } from '../../shared/goods/hs-codes';
import { hsDescriber } from '../../shared/goods/hs-describe';
import { custodian } from '../helpers/cli';
import { must, SAMPLES, SHARED, tempCase, tempDir } from '../helpers/temp';

const csv = (name: string) =>
  parse(readFileSync(join(SHARED, 'data', name), 'utf8'), { columns: true }) as Record<string, string>[];

describe('HS 2022 descriptions and CHPL tiers', () => {
  it('describe aircraft parts in their 2022 and 2017 forms and integrated circuits, with their tiers', async () => {
    const describe = await hsDescriber();
    const now = describe('8807300000')!;
    expect(now.code).toBe('880730');
    expect(now.levels.map((l) => l.code)).toEqual(['88', '8807', '880730']);
    expect(now.levels[2]!.text).toMatch(/parts of aeroplanes, helicopters/);
    expect(now).toMatchObject({ chplTier: '3.B', from2017: null });
    const old = describe('8803300000')!;
    expect(old).toMatchObject({ code: '880730', chplTier: '3.B', from2017: '880330', levels: now.levels });
    expect(describe('8542310000')).toMatchObject({ code: '854231', chplTier: '1' });
    expect(describe('8542310000')!.levels[2]!.text).toMatch(/^Electronic integrated circuits; processors/);
    // A heading alone, a code the nomenclature lacks below its heading, nothing known.
    expect(describe('8807')!.levels.map((l) => l.code)).toEqual(['88', '8807']);
    expect(describe('880798')!.code).toBe('8807');
    expect(describe('77')).toBeNull();
    expect(describe('')).toBeNull();
  });

  it('hold every code and text of hs2022.csv and every tier of chpl.csv', async () => {
    const describe = await hsDescriber();
    const rows = csv('hs2022.csv').filter((r) => /^\d+$/.test(r.hscode!));
    expect(rows.length).toBeGreaterThan(6900);
    for (const r of rows)
      expect(describe(r.hscode!)!.levels.at(-1)).toEqual({ code: r.hscode, text: r.description!.trim() });
    const listed = csv('chpl.csv');
    for (const r of listed) expect(chplTierOf(`${r.hs6}0000`), r.hs6).toBe(r.tier);
    expect(new Set(listed.map((r) => r.tier))).toEqual(new Set(CHPL_TIERS));
    expect(chplTierOf('8471300000')).toBeNull(); // laptops: not on the list
    expect(chplTierOf('85423')).toBeNull();
  });
});

describe('records of a real sample, by CHPL tier', () => {
  let core: CoreContext;
  let all: CustomsRecord[];
  beforeAll(async () => {
    ({ core } = await tempCase());
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
    all = await must(core, 'records.list', { limit: 100_000 });
  }, 120_000);

  it('carry their tier and HS text; aircraft parts in either form are tier 3.B, processors tier 1', () => {
    const byCode = (code: string) => all.filter((r) => r.hsCode === code);
    for (const code of ['8807300000', '8803300000']) {
      expect(byCode(code).length, code).toBeGreaterThan(0);
      for (const r of byCode(code)) {
        expect(r.chplTier).toBe('3.B');
        expect(r.hsText).toMatch(/parts of aeroplanes, helicopters/);
      }
    }
    expect(byCode('8542310000').length).toBeGreaterThan(0);
    for (const r of byCode('8542310000')) expect(r.chplTier).toBe('1');
    expect(all.filter((r) => r.hsCode && !r.hsText)).toEqual([]);
  });

  it('filter on a tier, or on any tier, exactly as the tiers they carry', async () => {
    for (const tier of CHPL_TIERS) {
      const expected = all.filter((r) => r.chplTier === tier).map((r) => r.id);
      const listed = await must(core, 'records.list', { chplTier: tier, limit: 100_000 });
      expect(
        listed.map((r) => r.id),
        tier,
      ).toEqual(expected);
      expect(await must(core, 'records.count', { chplTier: tier })).toBe(expected.length);
    }
    const any = all.filter((r) => r.chplTier !== null);
    expect(any.length).toBeGreaterThan(0);
    expect(await must(core, 'records.count', { chplTier: 'any' })).toBe(any.length);
    // Combined with another filter: still an AND.
    const aircraft = await must(core, 'records.list', { chplTier: '3.B', hsPrefix: '8803', limit: 1000 });
    expect(aircraft.map((r) => r.id)).toEqual(all.filter((r) => r.hsCode?.startsWith('8803')).map((r) => r.id));
    const refused = await call(core, 'records.list', { chplTier: '5' });
    expect(refused.ok).toBe(false);
  });

  it('sort by tier, most urgent first, records off the list last either way', async () => {
    const rank = (r: CustomsRecord) => (r.chplTier === null ? 99 : CHPL_TIERS.indexOf(r.chplTier));
    const asc = await must(core, 'records.list', { sort: 'chplTier', limit: 100_000 });
    expect(asc.map((r) => r.id)).toEqual([...all].sort((a, b) => rank(a) - rank(b) || a.id - b.id).map((r) => r.id));
    const desc = await must(core, 'records.list', { sort: 'chplTier', desc: true, limit: 50 });
    expect(desc[0]!.chplTier).toBe(
      all
        .map((r) => r.chplTier)
        .sort()
        .filter(Boolean)
        .at(-1),
    );
    const tail = await must(core, 'records.list', { sort: 'chplTier', desc: true, offset: all.length - 1, limit: 1 });
    expect(tail[0]!.chplTier).toBeNull();
  });

  it('give a record its HS code described chapter to subheading', async () => {
    const old = all.find((r) => r.hsCode === '8803300000')!;
    const detail = await must(core, 'records.get', { id: old.id });
    expect(detail.goods).toMatchObject({ code: '880730', from2017: '880330', chplTier: '3.B' });
    expect(detail.goods!.levels.map((l) => l.text)[0]).toBe('Aircraft, spacecraft, and parts thereof');
    expect(detail.record.hsText).toMatch(/parts of aeroplanes, helicopters/);
  });

  it('are filtered by tier from the command line too, each with its HS text', () => {
    const path = join(tempDir(), 'cli.case');
    expect(custodian(['new', path]).status).toBe(0);
    const imported = custodian(['import', path, join(SAMPLES, 'ru-customs-2k.csv'), '--preset', 'ru-customs']);
    expect(imported.status, imported.stderr).toBe(0);
    const run = custodian(['records', path, '--chpl', '1', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const listed = run.json<CustomsRecord[]>();
    expect(listed.map((r) => r.row)).toEqual(all.filter((r) => r.chplTier === '1').map((r) => r.row));
    for (const r of listed) expect(r.hsText).toMatch(/^Electronic integrated circuits/);
    expect(custodian(['records', path, '--chpl', '9', '--json']).status).not.toBe(0);
  }, 120_000);
});
