// Blocking and scoring of one entity against indexed entries, without a case.
import { describe, expect, it } from 'vitest';
import '../../electron/core/chinese-libraries';
import type { SanctionEntry } from '../../shared/domain/screening';
import { EntryIndex } from '../../electron/core/screening/entry-index';
import { soundSkeleton } from '../../electron/core/screening/match';
import { screenSubject } from '../../electron/core/screening/screen';

const entry = (id: number, name: string, more: Partial<SanctionEntry> = {}): SanctionEntry => ({
  id,
  versionId: 1,
  externalId: String(id),
  kind: 'organization',
  name,
  aliases: [],
  identifiers: [],
  countries: [],
  addresses: [],
  programs: [],
  listedOn: null,
  birthDates: [],
  remarks: '',
  line: id,
  ...more,
});

function indexOf(entries: SanctionEntry[]): EntryIndex {
  const index = new EntryIndex();
  for (const e of entries) index.add(e);
  index.finish();
  return index;
}

const subject = (names: string[], identifiers: string[] = []) => ({
  id: 7,
  name: names[0]!,
  country: null,
  identifiers,
  names,
});

describe('screening one entity', () => {
  const entries = [
    entry(1, 'BANCO NACIONAL DE CUBA', { aliases: ['NATIONAL BANK OF CUBA'] }),
    entry(2, 'AEROCARIBBEAN AIRLINES', { aliases: ['AERO-CARIBBEAN'] }),
    entry(3, 'ROSOBORONEKSPORT OAO', { identifiers: ['Tax ID No. 7718852163'] }),
    ...Array.from({ length: 50 }, (_, i) => entry(100 + i, `CUBA TRADING COMPANY ${i}`)),
  ];
  const index = indexOf(entries);

  it('spellings that transliteration writes differently meet through their sound skeleton', () => {
    expect(soundSkeleton('banco')).toBe(soundSkeleton('banko'));
    expect(soundSkeleton('aerocaribbean')).toBe(soundSkeleton('aerokaribian'));
    expect(soundSkeleton('nacional')).toBe(soundSkeleton('nasional'));
    const hits = screenSubject(index, subject(['Банко Насьональ де Куба']));
    expect(hits.map((h) => h.entryId)).toEqual([1]);
    expect(hits[0]!.reasons.join(' ')).toMatch(/Agree on/);
  });

  it('an alias matches, and the hit says which names met', () => {
    const [hit] = screenSubject(index, subject(['Unrelated Holdings', 'Aero Caribbean']));
    expect(hit).toMatchObject({ entryId: 2, entityName: 'Aero Caribbean', entryName: 'AERO-CARIBBEAN' });
  });

  it('an equal identifier is a hit whatever the names', () => {
    const [hit] = screenSubject(index, subject(['ООО Ромашка'], ['7718852163']));
    expect(hit).toMatchObject({ entryId: 3, score: 0.95, reasons: ['Same identifier 7718852163.'] });
  });

  it('a company that only shares ordinary words with entries is not a hit', () => {
    expect(screenSubject(index, subject(['Cuba Trading Plant LLC', 'National Export Company']))).toEqual([]);
  });

  it('meets a Chinese name across scripts and an acronym its expansion, not a name a character apart', () => {
    const chinese = indexOf([
      entry(1, '华宝利科技有限公司', { aliases: ['Huabaoli Keji Co., Ltd.'] }),
      entry(2, 'INTERNATIONAL BUSINESS MACHINES CORPORATION'),
      ...Array.from({ length: 30 }, (_, i) =>
        entry(100 + i, `${'永德海江宝'[i % 5]}${'恒泰鑫达联'[i % 3]}科技有限公司`),
      ),
    ]);
    const ids = (names: string[]) => screenSubject(chinese, subject(names)).map((h) => h.entryId);
    expect(ids(['Huabaoli Keji Co., Ltd.'])).toEqual([1]);
    expect(ids(['華寶利科技有限公司'])).toEqual([1]);
    expect(ids(['华宝义科技有限公司', 'Huabaoyi Keji Co., Ltd.'])).toEqual([]);
    expect(ids(['IBM'])).toEqual([2]);
  });
});
