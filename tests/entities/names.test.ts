import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeName, scorePair } from '../../shared/names';

const keyOf = (s: string) =>
  analyzeName(s)
    .tokens.map((t) => t.key)
    .sort()
    .join(' ');
const score = (a: string, b: string) => scorePair(analyzeName(a), analyzeName(b)).score;

describe('name analysis', () => {
  it('makes GOST, BGN and ad-hoc transliterations and the Cyrillic original meet', () => {
    const forms = [
      'Улан-Удэнский авиационный завод',
      'Ulan-Udenskij aviacionnyj zavod',
      'Ulan-Udenskiy aviatsionnyy zavod',
      'Ulan Udensky aviatsionny zavod',
    ];
    expect(new Set(forms.map(keyOf)).size).toBe(1);
    expect(keyOf('Obedinjonnaja dvigatelestroitelnaja')).toBe(keyOf('Объединённая двигателестроительная'));
  });

  it('reads Chinese as pinyin, traditional as simplified, and sets 有限公司 aside as a legal form', () => {
    const a = analyzeName('保利科技有限公司');
    expect(a.family).toBe('LLC');
    expect(keyOf('保利科技有限公司')).toBe(keyOf('BAOLI KEJI YOUXIAN GONGSI'));
    expect(keyOf('中國航空發動機')).toBe(keyOf('中国航空发动机'));
  });

  it('recognizes legal forms in several scripts as a feature, also typo-ed or cut short', () => {
    expect(analyzeName('ООО «Ромашка»').family).toBe('LLC');
    expect(analyzeName('Aktsionernoe obshchestvo Romashka').family).toBe('JSC');
    expect(analyzeName('JIONT STOCK COMPANY ROMASHKA').family).toBe('JSC');
    expect(keyOf('Zhongguo Baoli Jituan Youxian Gongs')).toBe(keyOf('Zhongguo Baoli Jituan'));
    expect(analyzeName('ТОО "Евроресурс-2000"').tokens.map((t) => t.key)).toContain('2000');
  });

  it('takes a slip in a short legal form for the form, but not a name word near one', () => {
    const words = (n: string) => analyzeName(n).tokens.map((t) => t.surface);
    expect(words('POLY TECHNOLOGIES ICN.')).toEqual(words('POLY TECHNOLOGIES INC.'));
    expect(words('Alpen GMHB')).toEqual(['alpen']);
    expect(words('Weser Limtied')).toHaveLength(1);
    // INN is no slip of INC (a swap only counts in three-letter forms); a slip at either edge is a form, inside the name a word.
    expect(words('Grand Inn')).toHaveLength(2);
    expect(words('Icn Poly Trading')).toHaveLength(2);
    expect(words('Poly Icn Trading')).toHaveLength(3);
  });

  it('removes a trailing branch or city note but keeps it for display', () => {
    const a = analyzeName('AVIC Aero-Engine Group Shenyang Branch');
    expect(a.location).toMatch(/shenyang branch/i);
    expect(keyOf('AVIC Aero-Engine Group Shenyang Branch')).toBe(keyOf('AVIC Aero-Engine Group'));
    expect(analyzeName('Xinyuan Electronics (Hong Kong) Limited').tokens.map((t) => t.key)).toContain('#hongkong');
  });
});

describe('pair scorer', () => {
  it('treats a differing distinctive word and a differing number as strong evidence against', () => {
    expect(score('АО «Улан-Удэнский авиационный завод»', 'АО «Улан-Удэнский локомотиворемонтный завод»')).toBeLessThan(
      0.5,
    );
    expect(score('Евроресурс-2000', 'Евроресурс-2')).toBeLessThan(0.6);
    expect(score('UEC-Saturn', 'JSC UEC')).toBeLessThan(0.6);
  });

  it('decides on identifiers: equal is the same, different is not', () => {
    const a = analyzeName('Romashka LLC');
    const b = analyzeName('Something Else');
    expect(scorePair(a, b, undefined, { identifiersA: ['7701234567'], identifiersB: ['7701234567'] }).score).toBe(1);
    expect(scorePair(a, a, undefined, { identifiersA: ['7701234567'], identifiersB: ['7709999999'] }).score).toBe(0);
  });

  it('explains itself', () => {
    const s = scorePair(analyzeName('JSC Ulan-Ude Aviation Plant'), analyzeName('Ulan-Udenskiy aviatsionnyy zavod'));
    expect(s.score).toBeGreaterThan(0.9);
    expect(s.reasons.join(' ')).toMatch(/Agree on/);
  });

  it('never throws and stays within 0..1 on any input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = scorePair(analyzeName(a), analyzeName(b)).score;
        return s >= 0 && s <= 1;
      }),
      { numRuns: 300 },
    );
  });
});
