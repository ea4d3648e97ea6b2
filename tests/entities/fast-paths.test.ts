// The shortcuts resolution takes at scale must not change what a name analyzes or scores to.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysisKey, analyzeName, normalizeText, scorePair } from '../../shared/names';
import { PAIR_BASE } from '../../electron/core/entities/mentions/mention-reader';
import { buildUnits } from '../../electron/core/entities/clusters/units';
import type { RecordParties } from '../../electron/core/db/mentions';

// The replacement chain normalizeText had before its ASCII fast path.
const QUOTES = /["'`´‘’‚‛“”„‟«»‹›〈〉《》「」『』〝〞＂＇]/gu;
const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`´](?=\p{L})/gu;
const reference = (raw: string) =>
  raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(INNER_APOSTROPHE, '')
    .replace(QUOTES, ' ')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\s\u200b\u00a0]+/g, ' ')
    .trim();

describe('fast paths', () => {
  it('normalizeText equals the full replacement chain, ASCII or not', () => {
    for (const s of [
      '  Ege  Dis\tTicaret A.S. ',
      "INT'L TRADE",
      'Xi`an "Poly"',
      'АО «Улан-Удэнский»',
      'a\u000bb\fc\r\nd',
      '',
      '   ',
    ])
      expect(normalizeText(s)).toBe(reference(s));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeText(s) === reference(s)));
    fc.assert(fc.property(fc.string(), (s) => normalizeText(s) === reference(s)));
  });

  it('spellings with one analysis key analyze and score the same', () => {
    const a = [
      'АО «Улан-Удэнский авиационный завод»',
      'АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"',
      'АО   «Улан-Удэнский Авиационный Завод»',
    ];
    expect(new Set(a.map(analysisKey)).size).toBe(1);
    const keys = a.map((x) => analyzeName(x).key);
    expect(new Set(keys).size).toBe(1);
    const other = analyzeName('Ulan-Ude Aviation Plant JSC');
    expect(new Set(a.map((x) => scorePair(analyzeName(x), other).score)).size).toBe(1);
    // A cut-looking length is part of the key.
    expect(analysisKey('Ulan-Udenskiy aviatsionnyy zavod OA')).not.toBe(
      analysisKey('Ulan-Udenskiy aviatsionnyy zavod OAO»'),
    );
  });

  it('buildUnits counts mentions per unit and name, and keeps producer/shipper pairs', () => {
    const rec = (
      id: number,
      shipper: string | null,
      producer: string | null,
      consignee: string | null,
      consigneeId: string | null = null,
    ): RecordParties => ({
      id,
      declarationNo: null,
      shipper,
      shipperId: null,
      shipperCountry: 'CN',
      consignee,
      consigneeId,
      consigneeCountry: null,
      notify: null,
      producer,
    });
    const { set, mentions } = buildUnits([
      rec(1, 'Poly Technologies Inc.', 'POLY TECHNOLOGIES INC.', 'АО «Ромашка»', '7702333973'),
      rec(2, 'Poly Technologies Inc.', 'Baoli Keji', 'АО «Ромашка»', '7702333973'),
      rec(3, 'POLY TECHNOLOGIES INC.', 'n/a', 'АО «Ромашка»', null),
    ]);
    expect(mentions.recordId.length).toBe(8);
    expect([...mentions.recordId]).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    const unitOfMention = (i: number) => set.slotUnit[mentions.slot[i]!]!;
    const total = set.units.reduce((s, u) => s + u.mentions, 0);
    expect(total).toBe(8);
    set.units.forEach((u, i) => expect([...set.namesOf(i).values()].reduce((s, n) => s + n, 0)).toBe(u.mentions));
    const shipper = unitOfMention(0);
    expect(set.namesOf(shipper).get('Poly Technologies Inc.')).toBe(2);
    expect(set.namesOf(shipper).get('POLY TECHNOLOGIES INC.')).toBe(1);
    // With and without the INN: two units of one name.
    expect(set.unitOf('АО «Ромашка»', '7702333973', null)).not.toBe(set.unitOf('АО «Ромашка»', null, null));
    const pairs = [...set.producerShipper].map((p) => [Math.floor(p / PAIR_BASE), p % PAIR_BASE]);
    expect(pairs).toContainEqual([unitOfMention(5), unitOfMention(3)]);
  });
});
