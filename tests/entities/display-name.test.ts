// The name an entity is shown by: the most-used full name in the investigator's script, never a fragment.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../electron/core/entities/resolve/display-name';
import { analyzeName } from '../../shared/names';
import type { MentionRow } from '../../shared/domain/entities';
import { must, SAMPLES, tempCase } from '../helpers/temp';

const named = (entries: [string, number][]) => displayName(new Map(entries));

describe('displayName', () => {
  it('never shows a name with a city a clerk added, even the longest', () => {
    // Entity 192 of the sample, Russian Helicopters: each spelling written once.
    const spellings: [string, number][] = [
      ['AO "VERTOLETY ROSSII"', 1],
      ['AO VERTOLETY ROSSII', 1],
      ['JSC Russian Helicopters', 1],
      ['АО «ВЕРТОЛЁТЫ РОССИИ», ОМСКВА', 1],
    ];
    expect(named(spellings)).toBe('AO "VERTOLETY ROSSII"');
    // In Cyrillic too, a clean spelling beats the one with a city.
    expect(displayName(new Map(spellings), 'Cyrillic')).toBe('AO "VERTOLETY ROSSII"');
    expect(
      displayName(
        new Map([
          ['АО «ВЕРТОЛЁТЫ РОССИИ», ОМСКВА', 3],
          ['АО «Вертолёты России»', 1],
        ]),
        'Cyrillic',
      ),
    ).toBe('АО «Вертолёты России»');
  });

  it('counts a name with its spellings in other case, punctuation, order and legal-form wording', () => {
    expect(
      named([
        ['Baoli Keji Inc.', 3],
        ['INC. POLY TECHNOLOGIES', 2],
        ['Inc. Poly Technologies', 2],
        ['POLY TECHNOLOGIES INC.', 1],
        ['Poly Technologies Corporation', 1],
      ]),
    ).toBe('Poly Technologies Corporation');
  });

  it('prefers the reading script, a full name over a bare one, and the abbreviated legal form', () => {
    expect(
      named([
        ['ООО «Северпоставка»', 9],
        ['SEVERPOSTAVKA', 4],
        ['Severpostavka LLC', 1],
        ['Obshchestvo s ogranichennoy otvetstvennostyu Severpostavka', 1],
      ]),
    ).toBe('Severpostavka LLC');
    expect(named([['ООО «Северпоставка»', 2]])).toBe('ООО «Северпоставка»');
    expect(
      named([
        ['  Kaida  International Trading Limited ', 1],
        ['KAIDA INTERNATIONAL TRADING LIMITED', 1],
      ]),
    ).toBe('KAIDA INTERNATIONAL TRADING LIMITED');
  });
});

describe('display names after resolving the sample customs file', () => {
  it('shows each company by a clean name of its own, in Latin where it has one', async () => {
    const { core } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const mentions: MentionRow[] = await must(core, 'mentions.list', { limit: 1_000_000 });
    const spellings = new Map<number, Set<string>>();
    for (const m of mentions)
      if (m.entityId !== null)
        (spellings.get(m.entityId) ?? spellings.set(m.entityId, new Set()).get(m.entityId)!).add(m.rawName);
    const entities = await must(core, 'entities.list', { limit: 10_000 });
    expect(entities.length).toBeGreaterThan(100);
    for (const e of entities) {
      const own = [...spellings.get(e.id)!].map((s) => ({ raw: s.trim(), a: analyzeName(s) }));
      expect(
        own.map((s) => s.raw),
        `entity ${e.id}`,
      ).toContain(e.name);
      const clean = own.filter((s) => !s.a.location && !s.a.maybeTruncated);
      if (clean.length) expect(analyzeName(e.name).location, `entity ${e.id}: ${e.name}`).toBe('');
      if (clean.some((s) => s.a.scripts.join() === 'Latin'))
        expect(analyzeName(e.name).scripts, `entity ${e.id}: ${e.name}`).toEqual(['Latin']);
    }
    const byName = (re: RegExp) => entities.find((e) => [e.name, ...e.aliases].some((n) => re.test(n)))!;
    expect(byName(/ВЕРТОЛЁТЫ РОССИИ/).name).toBe('AO "VERTOLETY ROSSII"');
    expect(byName(/^Poly Technologies Corporation$/).name).toBe('Poly Technologies Corporation');
    expect(byName(/^Baoli Keji Fazhan Youxian Gongsi$/).name).toBe('Poly Technology Development Co., Ltd.');

    // Names split off by hand make an entity named by the same rule, whatever order they were ticked in.
    const helicopters = byName(/ВЕРТОЛЁТЫ РОССИИ/);
    const { entity } = await must(core, 'entities.split', {
      id: helicopters.id,
      names: ['АО «ВЕРТОЛЁТЫ РОССИИ», ОМСКВА', 'JSC Russian Helicopters'],
    });
    expect(entity.name).toBe('JSC Russian Helicopters');
  }, 120_000);
});
