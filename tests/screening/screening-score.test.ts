import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeName } from '../../shared/names/analyze';
import { scorePair } from '../../shared/names/score';
import {
  prepareScreeningName,
  SCREENING_REVIEW_THRESHOLD,
  screeningScore,
  screeningScorePrepared,
} from '../../shared/names/screening-score';
import { screeningText } from '../../shared/names/screening-text';
import { pinyinSyllables } from '../../shared/names/pinyin-words';
import { REPO } from '../helpers/temp';

interface Pair {
  label: string;
  kind: string;
  a: string;
  b: string;
}
const pairs = (file: string) =>
  parse(readFileSync(join(REPO, 'bench', 'data', file), 'utf8'), { columns: true }) as Pair[];

describe('screening score', () => {
  it('scores the issue’s own examples high enough to review, each with its reason', () => {
    const examples: [string, string, RegExp][] = [
      ['J.P. Morgan Chase & Co.', 'JP Morgan Chase & Co.', /J\.P\. → JP/],
      ['A.B.C. Trading', 'ABC Trading', /A\.B\.C\. → ABC/],
      ['U.S. Steel', 'United States Steel', /US → united states/],
      ['First Avenue Logistics', '1st Avenue Logistics', /First → 1/],
      ['Forty-Four Holdings', '44 Holdings', /Forty-Four → 44/],
      ['Organisation for Tanker Safety', 'Organization for Tanker Safety', /Organisation → organization/],
      ['Acme', 'ACME EUROPE Sp. z o.o.', /says where or what kind/],
      ['JSC Tupolev', 'Акционерное общество Туполев', /tupolev/],
      ['Instrument-Making Plant', 'приборостроительный завод', /instrumentmaking~priborostroitelni/],
      ['Instrument-Making Plant', '仪器制造厂', /plant~chang/],
      ['приборостроительный завод', '仪器制造厂', /Agree/],
      ['The Boeing Company', 'Boeing Company', /The → \(nothing\)/],
      ['IBM', 'International Business Machines Corporation', /initials of the other \(IBM\)/],
    ];
    for (const [a, b, reason] of examples) {
      const s = screeningScore(a, b);
      expect(s.score, `${a} / ${b}: ${s.reasons.join(' ')}`).toBeGreaterThanOrEqual(SCREENING_REVIEW_THRESHOLD);
      expect(s.reasons.join(' ')).toMatch(reason);
    }
  });

  it('scores every listed phenomenon at or above the review threshold and every near-miss below', () => {
    const all = pairs('screening-pairs.phenomena.csv');
    const kinds = new Set(all.map((p) => p.kind));
    for (const kind of [
      'initials',
      'acronym',
      'article',
      'numbers',
      'spelling',
      'brand-region',
      'branch',
      'legal-form-language',
      'translation',
      'near-miss',
    ])
      expect(kinds.has(kind), kind).toBe(true);
    for (const p of all) {
      const s = screeningScore(p.a, p.b);
      const why = `${p.kind}: ${p.a} / ${p.b} → ${s.score} (${s.reasons.join(' ')})`;
      if (p.label === '1') expect(s.score, why).toBeGreaterThanOrEqual(SCREENING_REVIEW_THRESHOLD);
      else expect(s.score, why).toBeLessThan(SCREENING_REVIEW_THRESHOLD);
    }
  });

  it('is symmetric and the same from prepared names', () => {
    for (const p of pairs('screening-pairs.phenomena.csv')) {
      const ab = screeningScore(p.a, p.b).score;
      expect(screeningScore(p.b, p.a).score, `${p.a} / ${p.b}`).toBe(ab);
      expect(screeningScorePrepared(prepareScreeningName(p.a), prepareScreeningName(p.b)).score).toBe(ab);
    }
  });

  it('finds more OFAC aliases than the resolver’s score, at the same precision (real list data)', () => {
    const ofac = pairs('screening-pairs.ofac.csv');
    expect(ofac.length).toBeGreaterThan(6000);
    const count = (score: (a: string, b: string) => number) => {
      let tp = 0;
      let fp = 0;
      for (const p of ofac) {
        if (score(p.a, p.b) < SCREENING_REVIEW_THRESHOLD) continue;
        if (p.label === '1') tp++;
        else fp++;
      }
      return { precision: tp / (tp + fp), recall: tp / ofac.filter((p) => p.label === '1').length };
    };
    const screening = count((a, b) => screeningScore(a, b).score);
    const resolver = count((a, b) => scorePair(analyzeName(a), analyzeName(b)).score);
    expect(screening.precision).toBeGreaterThan(0.97);
    expect(screening.recall).toBeGreaterThan(resolver.recall + 0.1);
  }, 120_000);
});

describe('screening text', () => {
  it('rewrites numbers, initials, articles and spellings of the core, and keeps legal forms as written', () => {
    const text = (raw: string) => screeningText(raw).text;
    expect(text('One Hundred and Five Trading')).toBe('105 Trading');
    expect(text('Twenty-First Century Fox')).toBe('21 Century Fox');
    expect(text('One One Logistics')).toBe('One One Logistics'); // not one number
    expect(text('The J. P. Harbour Centre')).toBe('JP harbor center');
    expect(text('Playa Mar S.A. de C.V.')).toBe('Playa Mar S.A. de C.V.');
    // Initials opening a name are joined; a form there still reads as one.
    expect(text('O.O.O. Priborprom M')).toBe('OOO Priborprom M');
    expect(analyzeName(text('O.O.O. Priborprom M')).family).toBe('LLC');
    expect(text('Foo A.S.')).toBe('Foo A.S.');
    expect(text('Bank of Omaha')).toBe('Bank Omaha');
    // A word that is a property of every object (constructor, toString) is a word, nothing more.
    expect(text('GRUPO CONSTRUCTOR SEGUNDO MILENIO, S.A. DE C.V.')).toBe(
      'GRUPO CONSTRUCTOR SEGUNDO MILENIO, S.A. DE C.V.',
    );
    expect(text('Bank of the United States of America')).toBe('Bank United States');
  });

  it('leaves the resolver’s own score as it was: screening reads loosely, resolution does not', () => {
    expect(scorePair(analyzeName('Acme'), analyzeName('ACME EUROPE Sp. z o.o.')).score).toBeLessThan(0.7);
    expect(scorePair(analyzeName('J.P. Morgan'), analyzeName('JP Morgan')).score).toBeLessThan(0.7);
  });
});

describe('Chinese names a character apart', () => {
  it('reads a Latin word as pinyin by its syllables, the fewest way', () => {
    expect(pinyinSyllables('huabaoli')).toBe(3);
    expect(pinyinSyllables('xian')).toBe(1);
    expect(pinyinSyllables('zhongxingtongxun')).toBe(4);
    expect(pinyinSyllables('kuba')).toBe(2); // by chance: too short to count as Chinese
    expect(pinyinSyllables('rosoboronexport')).toBe(0);
  });

  it('keeps a short Chinese name one character apart below review, in Han and in pinyin alike', () => {
    const apart: [string, string][] = [
      ['华宝利科技有限公司', '华宝义科技有限公司'],
      ['山泰信科技有限公司', '山泰鑫科技有限公司'], // one pinyin (shantaixin), two names
      ['Huabaoli Keji Co., Ltd.', '华宝义科技有限公司'],
      ['Huabaolikeji Co., Ltd.', 'Huabaoyikeji Co., Ltd.'],
      ['江宝利机械有限公司', '宝利昌机械有限公司'],
      ['永德海电子有限公司', '永德远电子有限公司'],
    ];
    for (const [a, b] of apart) {
      const s = screeningScore(a, b);
      expect(s.score, `${a} / ${b}: ${s.reasons.join(' ')}`).toBeLessThan(SCREENING_REVIEW_THRESHOLD);
      expect(s.reasons.join(' ')).toMatch(/Chinese names a character apart/);
    }
  });

  it('still meets the same Chinese name across scripts, and leaves Latin look-alikes to the resolver', () => {
    for (const [a, b] of [
      ['华宝利科技有限公司', 'Huabaoli Keji Co., Ltd.'],
      ['華寶利科技有限公司', '华宝利科技有限公司'],
      ['Huawei Technologies', '华为技术有限公司'],
      ['Банко Насьональ де Куба', 'BANCO NACIONAL DE CUBA'],
      // Latin words that read as pinyin by chance, in names not written as Chinese companies write theirs.
      ['TALIBAN', 'TALEBAN'],
      ['KOREA DAESONG BANK', 'TAESONG BANK'],
    ]) {
      const s = screeningScore(a!, b!);
      expect(s.score, `${a} / ${b}: ${s.reasons.join(' ')}`).toBeGreaterThanOrEqual(SCREENING_REVIEW_THRESHOLD);
      expect(s.reasons.join(' ')).not.toMatch(/Chinese/);
    }
  });
});
