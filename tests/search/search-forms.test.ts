import { describe, expect, it } from 'vitest';
import { analyzeName } from '../../shared/names';
import {
  conceptSpellings,
  nameWords,
  namesCompany,
  queryWords,
  searchKeys,
  searchSkeleton,
} from '../../shared/names/search-forms';

describe('search forms: a word in the other scripts', () => {
  it('gives Latin and Cyrillic spellings of one word one skeleton, digits kept as written', () => {
    expect(searchSkeleton('Улан')).toBe(searchSkeleton('Ulan'));
    expect(new Set(['Удэнский', 'Udensky', 'Udenskiy', 'Udenskij', 'udenskii'].map(searchSkeleton)).size).toBe(1);
    // МИ-171Е is Cyrillic throughout, Е included; the Latin query is ASCII.
    expect(searchKeys('171е')).toEqual([searchSkeleton('171E')]);
    expect(searchSkeleton('ми')).toBe(searchSkeleton('mi'));
    expect(searchSkeleton('8807300000')).toBe('8807300000');
  });

  it('lists a Han run under the pinyin of each of its first parts', () => {
    const keys = searchKeys('保利科技有限公司');
    expect(keys[0]!.startsWith(searchSkeleton('baoli'))).toBe(true);
    expect(keys.some((k) => k.startsWith(searchSkeleton('keji')))).toBe(true);
  });

  it('spells a Cyrillic word the ways clerks write it in Latin, and a Han word in pinyin', () => {
    const [udensky] = queryWords('Удэнский');
    expect(udensky!.latin).toEqual(expect.arrayContaining(['udenskiy', 'udenskij', 'udenskii', 'udensky']));
    expect(udensky!.latinStems).toEqual(['udensk']);
    const [poly] = queryWords('保利科技有限公司');
    expect(poly!.cjk).toBe(true);
    expect(poly!.hanParts.map((p) => p.pinyin)).toEqual(['baoli', 'keji']);
    expect(queryWords('МИ-171Е').map((w) => w.text)).toEqual(['ми', '171е']);
  });

  it('knows the translations of ordinary company words, not of proper names', () => {
    expect(conceptSpellings('Текнолоджиз')?.whole).toContain('technologies');
    expect(conceptSpellings('ПОЛИ')?.whole).toEqual(expect.arrayContaining(['poly', 'baoli', '保利']));
    expect(conceptSpellings('Улан')).toBeNull();
  });

  it('sets legal forms aside from the words that name a company', () => {
    expect(nameWords('ООО Дальтрейд').map((w) => w.text)).toEqual(['дальтрейд']);
    expect(nameWords('Poly Technologies Inc.').map((w) => w.text)).toEqual(['poly', 'technologies']);
    expect(nameWords('ООО').map((w) => w.text)).toEqual(['ооо']);
  });

  it('says a query names a company when it covers half of a name or more, not when it shares a word', () => {
    const named = (q: string, name: string) => namesCompany(analyzeName(q), analyzeName(name));
    expect(named('Ulan Ude Aviation Plant', 'АО «Улан-Удэнский авиационный завод»')).toBe(true);
    expect(named('保利', 'Poly Technologies Corporation')).toBe(true);
    expect(named('ПОЛИ', 'POLY TECH')).toBe(true);
    expect(named('Ulan', 'АО «Улан-Удэнский авиационный завод»')).toBe(false);
    expect(named('Ulan', '"EVRODETAL PLJUS", ULAN-UDE')).toBe(false);
  });
});
