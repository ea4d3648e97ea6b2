// What the badges and HS texts of the app are read from: a table's rows' parties with hits in one call, HS
// texts of chapters and codes, and search hits with their goods.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { FTM_LINES, importFtm } from './ftm-lines';

describe('badges and goods for the app', () => {
  it('gives the parties with hits of many records at once, with the latest review; HS texts; search goods', async () => {
    const { core, dir } = await tempCase();
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const records = await must(core, 'records.list', { limit: 1000 });
    const ids = records.map((r) => r.id);
    // Before any screening: nothing to badge.
    expect(await must(core, 'hits.records', { recordIds: ids })).toEqual([]);

    await importFtm(core, dir, FTM_LINES);
    await must(core, 'screening.run', {});
    const plant = (await must(core, 'hits.list', { limit: 1000 })).find((h) => h.externalId === 'NK-uuaz')!;
    const parties = await must(core, 'hits.records', { recordIds: ids });
    const mentions = await must(core, 'mentions.list', { entityId: plant.entityId, limit: 100_000 });
    const plantRows = parties.filter((p) => p.summary.entityId === plant.entityId);
    // Every record naming the plant (in the rows asked for) has it, in the role it plays there.
    const expected = mentions.filter((m) => ids.includes(m.recordId));
    expect(expected.length).toBeGreaterThan(0);
    expect(plantRows.map((p) => `${p.recordId} ${p.role}`).sort()).toEqual(
      expected.map((m) => `${m.recordId} ${m.role}`).sort(),
    );
    expect(plantRows[0]!.summary).toMatchObject({ open: 1, confirmed: 0 });
    // Only records asked for, and only parties with hits.
    expect(parties.every((p) => ids.includes(p.recordId) && p.summary.hits > 0)).toBe(true);
    await must(core, 'hits.review', { id: plant.id, status: 'confirmed', note: '' });
    const after = await must(core, 'hits.records', { recordIds: [expected[0]!.recordId] });
    expect(after.find((p) => p.summary.entityId === plant.entityId)!.summary).toMatchObject({ confirmed: 1, open: 0 });

    const texts = await must(core, 'goods.describe', { codes: ['88', '8807', '8803300000', '77'] });
    expect(texts[0]).toEqual({ code: '88', text: expect.stringMatching(/aircraft/i) as string });
    expect(texts[1]!.text).toMatch(/parts/i);
    expect(texts[2]!.text).toMatch(/parts of ae/i); // a 2017 code (8803.30), described as its 2022 form (8807.30)
    expect(texts[3]).toEqual({ code: '77', text: null }); // reserved: HS has no chapter 77

    const withCode = records.find((r) => r.hsCode)!;
    const hits = await must(core, 'search.query', { query: withCode.hsCode!.slice(0, 6), limit: 20 });
    const recordHit = hits.find((h) => h.kind === 'record')!;
    expect(recordHit.hsCode).toMatch(/^\d{6,}/);
    expect(recordHit.hsText).toMatch(/\w{3,}/);
  }, 300_000);
});
