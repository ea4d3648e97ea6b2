// Screening real resolved entities against a list: a Cyrillic name of a Latin-listed company is flagged, a
// company that merely shares words is not, and a review survives a re-screen and a new version of the list.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { FTM_LINES, importFtm } from './ftm-lines';

describe('screening', () => {
  it('flags the entity a list names in another script, not its namesakes, and keeps reviews across re-screens and versions', async () => {
    const { core, dir } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    // The list writes the plant in Latin letters only.
    const latinOnly = FTM_LINES.map((l) => l.replace(',"Улан-Удэнский авиационный завод"', ''));
    expect(latinOnly.join('\n')).not.toContain('Улан');
    await importFtm(core, dir, latinOnly);
    const summary = await must(core, 'screening.run', {});
    expect(summary.entities).toBeGreaterThan(50);
    expect(summary.hits).toBeGreaterThan(0);
    const hits = await must(core, 'hits.list', { limit: 1000 });
    const plant = hits.filter((h) => h.externalId === 'NK-uuaz');
    expect(plant.length).toBeGreaterThan(0);
    const flagged = plant.map((h) => h.entityName).join(' | ');
    // Shown by its display name (a Latin transliteration since the display-name rule); its records say it in Cyrillic.
    expect(flagged).toMatch(
      /УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД|Улан-Удэнский авиационный завод|Ulan-Udenskiy aviatsionnyy zavod/i,
    );
    expect(plant[0]).toMatchObject({
      listName: 'OFAC SDN (OpenSanctions)',
      programs: ['RUSSIA-EO14024'],
      listedOn: '2022-06-28',
      status: 'open',
    });
    expect(plant[0]!.reasons.join(' ')).toMatch(/Agree on/);
    expect(plant[0]!.remarks).toContain('aerospace');
    // The locomotive repair plant of the same town shares Ulan-Ude and Plant with the entry: not a hit.
    expect(hits.filter((h) => /локомотив|lokomotiv|locomotive/i.test(h.entityName + h.matchedEntityName))).toEqual([]);

    const open = await must(core, 'hits.summary', { entityIds: [plant[0]!.entityId] });
    expect(open).toMatchObject([{ entityId: plant[0]!.entityId, open: plant.length, confirmed: 0, falsePositive: 0 }]);
    const reviewed = await must(core, 'hits.review', { id: plant[0]!.id, status: 'confirmed', note: 'INN matches' });
    expect(reviewed.status).toBe('confirmed');
    const again = await must(core, 'screening.run', {});
    expect(again.runId).toBeGreaterThan(summary.runId);
    expect(again.reviewed).toBe(1);
    const after = await must(core, 'hits.list', { entityId: plant[0]!.entityId });
    expect(after.find((h) => h.externalId === 'NK-uuaz')).toMatchObject({
      status: 'confirmed',
      note: 'INN matches',
      runId: again.runId,
    });

    // A newer version of the list (one entry removed) keeps the review on the entry that stays.
    const v2 = await importFtm(
      core,
      dir,
      latinOnly.filter((l) => !l.includes('NK-person')),
      '2024-09-01',
      'us_ofac_sdn-2.json',
    );
    expect(v2).toMatchObject({ entries: 2, added: 0, removed: 1 });
    const third = await must(core, 'screening.run', {});
    expect(third.versionIds).toEqual([v2.versionId]);
    const latest = await must(core, 'hits.list', { entityId: plant[0]!.entityId });
    expect(latest.find((h) => h.externalId === 'NK-uuaz')).toMatchObject({
      status: 'confirmed',
      versionId: v2.versionId,
      asOf: '2024-09-01',
    });
    // The first run still shows the version it was made against.
    const old = await must(core, 'hits.list', { runId: summary.runId, entityId: plant[0]!.entityId });
    expect(old[0]!.asOf).toBe('2024-03-01');
    const badges = await must(core, 'hits.summary', { entityIds: [plant[0]!.entityId] });
    expect(badges).toMatchObject([{ entityId: plant[0]!.entityId, confirmed: 1, programs: ['RUSSIA-EO14024'] }]);
  }, 300_000);
});
