// The evidence rules that keep look-alike companies apart in large cases (found at 1M generated records).
import { describe, expect, it } from 'vitest';
import type { RecordParties } from '../../electron/core/db/mentions';
import { resolveUnits } from '../../electron/core/entities/clusters/resolver';
import { buildUnits } from '../../electron/core/entities/clusters/units';

interface Party {
  name: string;
  country?: string;
  decl?: string;
  producer?: string;
}

/** One record per party as shipper (optionally with a producer and a declaration number). */
function records(parties: Party[]): RecordParties[] {
  return parties.map((p, i) => ({
    id: i + 1,
    declarationNo: p.decl ?? null,
    shipper: p.name,
    shipperId: null,
    shipperCountry: p.country ?? null,
    consignee: null,
    consigneeId: null,
    consigneeCountry: null,
    notify: null,
    producer: p.producer ?? null,
  }));
}

const times = (n: number, p: Party): Party[] => Array.from({ length: n }, () => ({ ...p }));

/** Whether two raw names (as shipper, with their countries) ended in one cluster. */
function together(parties: Party[], a: [string, string | null], b: [string, string | null]): boolean {
  const { set } = buildUnits(records(parties));
  const res = resolveUnits(set, []);
  const ua = set.unitOf(a[0], null, a[1]);
  const ub = set.unitOf(b[0], null, b[1]);
  expect(ua).toBeDefined();
  expect(ub).toBeDefined();
  return res.rootOf[ua!] === res.rootOf[ub!];
}

describe('evidence at scale', () => {
  it('two established names met in one declaration only stay apart; in two declarations they join', () => {
    const base = [
      ...times(6, { name: 'ООО «Альфатрейд»', country: 'RU' }),
      ...times(6, { name: 'ООО «Бетасервис»', country: 'RU' }),
    ];
    const once = [
      ...base,
      { name: 'ООО «Альфатрейд»', country: 'RU', decl: 'D1' },
      { name: 'ООО «Бетасервис»', country: 'RU', decl: 'D1' },
    ];
    expect(together(once, ['ООО «Альфатрейд»', 'RU'], ['ООО «Бетасервис»', 'RU'])).toBe(false);
    const twice = [
      ...once,
      { name: 'ООО «Альфатрейд»', country: 'RU', decl: 'D2' },
      { name: 'ООО «Бетасервис»', country: 'RU', decl: 'D2' },
    ];
    expect(together(twice, ['ООО «Альфатрейд»', 'RU'], ['ООО «Бетасервис»', 'RU'])).toBe(true);
  });

  it('a one-off spelling still joins its company through a single declaration', () => {
    const parties = [
      ...times(6, { name: 'ООО «Альфатрейд»', country: 'RU' }),
      { name: 'ООО «Альфатрейд»', country: 'RU', decl: 'D1' },
      { name: 'ООО «Бетасервис»', country: 'RU', decl: 'D1' },
    ];
    expect(together(parties, ['ООО «Альфатрейд»', 'RU'], ['ООО «Бетасервис»', 'RU'])).toBe(true);
  });

  it('a name written Limited goes with the Hong Kong namesake, not the mainland Co., Ltd.', () => {
    const mainland = times(8, { name: 'Galaxy Technology Co., Ltd.', country: 'CN' });
    const hk = times(8, { name: 'Galaxy Technology Limited', country: 'HK' });
    const producers = times(3, {
      name: 'Sunrise Trading Co., Ltd.',
      country: 'CN',
      producer: 'GALAXY TECHNOLOGY LIMITED',
    });
    const { set } = buildUnits(records([...mainland, ...hk, ...producers]));
    const res = resolveUnits(set, []);
    const producer = set.unitOf('GALAXY TECHNOLOGY LIMITED', null, null)!;
    expect(res.rootOf[producer]).toBe(res.rootOf[set.unitOf('Galaxy Technology Limited', null, 'HK')!]);
    expect(res.rootOf[producer]).not.toBe(res.rootOf[set.unitOf('Galaxy Technology Co., Ltd.', null, 'CN')!]);
  });

  it('without a namesake, Limited and Co., Ltd. are spellings of one company', () => {
    const parties = [
      ...times(8, { name: 'Galaxy Technology Co., Ltd.', country: 'CN' }),
      ...times(2, { name: 'GALAXY TECHNOLOGY LIMITED', country: 'CN' }),
    ];
    expect(together(parties, ['Galaxy Technology Co., Ltd.', 'CN'], ['GALAXY TECHNOLOGY LIMITED', 'CN'])).toBe(true);
  });

  it('a producer name of cut-looking length is not taken for the shipper when it has a word of its own in front', () => {
    // "Guangzhou Galaxy Semiconductor" is 30 characters: it looks cut, but what it has more is no cut tail.
    const parties = [
      ...times(8, { name: 'Galaxy Semiconductor', country: 'CN', producer: 'Guangzhou Galaxy Semiconductor' }),
      ...times(8, { name: 'Guangzhou Galaxy Semiconductor', country: 'CN' }),
    ];
    const { set } = buildUnits(records(parties));
    const res = resolveUnits(set, []);
    expect(res.rootOf[set.unitOf('Guangzhou Galaxy Semiconductor', null, null)!]).not.toBe(
      res.rootOf[set.unitOf('Galaxy Semiconductor', null, 'CN')!],
    );
  });
  it('two spellings in steady use that differ only loosely (a letter more, an extra Group) stay two companies', () => {
    const letter = [
      ...times(8, { name: 'Huaxin Import & Export Co., Ltd.', country: 'CN' }),
      ...times(8, { name: 'Huaxing Import & Export Co., Ltd.', country: 'CN' }),
    ];
    expect(
      together(letter, ['Huaxin Import & Export Co., Ltd.', 'CN'], ['Huaxing Import & Export Co., Ltd.', 'CN']),
    ).toBe(false);
    const group = [
      ...times(8, { name: 'ООО «Спецлогистик»', country: 'RU' }),
      ...times(8, { name: 'ООО «Спецлогистик Групп»', country: 'RU' }),
    ];
    expect(together(group, ['ООО «Спецлогистик»', 'RU'], ['ООО «Спецлогистик Групп»', 'RU'])).toBe(false);
    // A slip written once still joins: the rule is for names both in steady use.
    const slip = [
      ...times(8, { name: 'Huaxin Import & Export Co., Ltd.', country: 'CN' }),
      { name: 'Huaxing Import & Export Co., Ltd.', country: 'CN' },
    ];
    expect(
      together(slip, ['Huaxin Import & Export Co., Ltd.', 'CN'], ['Huaxing Import & Export Co., Ltd.', 'CN']),
    ).toBe(true);
  });

  it('typos of two established names that look alike do not bridge them', () => {
    const parties = [
      ...times(6, { name: 'ООО «Балттрейд-Восток»', country: 'RU' }),
      ...times(6, { name: 'ООО «Дальтрейд-Восток»', country: 'RU' }),
      ...times(2, { name: 'ООО «Балттрйд-Восток»', country: 'RU' }),
      ...times(2, { name: 'ООО «Дальтрйд-Восток»', country: 'RU' }),
    ];
    expect(together(parties, ['ООО «Балттрейд-Восток»', 'RU'], ['ООО «Балттрйд-Восток»', 'RU'])).toBe(true);
    expect(together(parties, ['ООО «Балттрейд-Восток»', 'RU'], ['ООО «Дальтрейд-Восток»', 'RU'])).toBe(false);
  });

  it('established names a declaration joins are kept apart when one is the other plus a word of its own', () => {
    const line = (name: string, decl: string): Party => ({ name, country: 'RU', decl });
    const parties = [
      ...times(6, { name: 'ООО «Телекомимпорт»', country: 'RU' }),
      ...times(6, { name: 'ООО «Телекомимпорт-М»', country: 'RU' }),
      ...['D1', 'D2', 'D3'].flatMap((d) => [line('ООО «Телекомимпорт-М»', d), line('ООО «Телекомимпорт»', d)]),
    ];
    expect(together(parties, ['ООО «Телекомимпорт»', 'RU'], ['ООО «Телекомимпорт-М»', 'RU'])).toBe(false);
  });

  it('a stray typo of a company written in hundreds of ways is compared with its most common spellings', () => {
    // Hundreds of units share every blocking key of the typo (here: the name traded from 400 countries), so its
    // blocks are too crowded to compare in full.
    const letters = 'ABDEFGHIJKLMOPQRSTUVWXYZ';
    const spellings = Array.from({ length: 400 }, (_, i) => ({
      name: 'POLY TECHNOLOGIES INC.',
      country: letters[i % 24]! + letters[Math.floor(i / 24)]!,
    }));
    const parties = [
      ...times(50, { name: 'POLY TECHNOLOGIES INC.', country: 'CN' }),
      ...spellings,
      { name: 'POLY TECHNOLGIES INC.', country: 'CN' },
    ];
    expect(together(parties, ['POLY TECHNOLOGIES INC.', 'CN'], ['POLY TECHNOLGIES INC.', 'CN'])).toBe(true);
  });
  it('a name two registered companies are written with goes, without an identifier, with the one most of it names', () => {
    const consignee = (name: string, inn: string | null, id: number): RecordParties => ({
      id,
      declarationNo: null,
      shipper: null,
      shipperId: null,
      shipperCountry: null,
      consignee: name,
      consigneeId: inn,
      consigneeCountry: 'RU',
      notify: null,
      producer: null,
    });
    const rows: RecordParties[] = [];
    // Спецлогистик (INN 7701000001) mostly written SPETSLOGISTIK LTD.; Спецлогистик Групп once written so too, with its INN.
    for (let i = 0; i < 6; i++) rows.push(consignee('ООО «Спецлогистик Групп»', '7702000002', rows.length + 1));
    rows.push(consignee('SPETSLOGISTIK LTD.', '7702000002', rows.length + 1));
    for (let i = 0; i < 8; i++) rows.push(consignee('SPETSLOGISTIK LTD.', '7701000001', rows.length + 1));
    for (let i = 0; i < 5; i++) rows.push(consignee('SPETSLOGISTIK LTD.', null, rows.length + 1));
    const { set } = buildUnits(rows);
    const res = resolveUnits(set, []);
    const root = (inn: string | null) => res.rootOf[set.unitOf('SPETSLOGISTIK LTD.', inn, 'RU')!];
    expect(root(null)).toBe(root('7701000001'));
    expect(root(null)).not.toBe(root('7702000002'));
  });
});
