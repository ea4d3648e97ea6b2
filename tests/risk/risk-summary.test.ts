// The risk summary on generated records, screened for real: every figure equals records.count of the filter it
// carries (and the sum and dates of the records that filter lists), and the truth worked out here from the records
// and mentions themselves (CHPL tiers in JS, roles from mentions.list, dates split by hand) agrees with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { createCore } from '../../electron/core/create-core';
import { riskSummary, splitAt } from '../../electron/core/risk/risk-summary';
import type { RecordFilterInput } from '../../shared/api/records';
import type { CustomsRecord } from '../../shared/domain/records';
import type { RiskFigure, RiskSummary } from '../../shared/domain/risk';
import { chplTierOf } from '../../shared/goods/hs-codes';
import { importFtm } from '../screening/ftm-lines';
import { must, REPO, SHARED } from '../helpers/temp';
import { generate } from '../import/helpers';

let core: CoreContext;
let records: CustomsRecord[];
/** record id → role → entity id, from the mentions. */
const roles = new Map<number, Map<string, number>>();
let plantId: number;
let locomotiveId: number;

// One case for every test (the set-up takes seconds): made in a folder of this file's own, removed after all.
const dir = mkdtempSync(join(tmpdir(), 'custodian-risk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  core = createCore({ appDataDir: join(dir, 'app'), sampleDir: join(REPO, 'build', 'sample'), actor: 'tester' });
  await must(core, 'case.create', { path: join(dir, 'risk.case'), title: 'Risk' });
  const csv = join(dir, 'ru.csv');
  generate(['--rows', '3000', '--seed', 'risk', '--schema', 'ru-customs', '--format', 'csv'], csv);
  await must(core, 'import.run', { path: csv, preset: 'ru-customs' });
  await must(core, 'entities.resolve', {});
  await importFtm(core, dir); // the plant listed 2022-06-28, Poly Technologies 2019-05-23
  await must(core, 'lists.import', { paths: [join(SHARED, 'data', 'ofac-sample', 'sdn.csv')] });
  await must(core, 'screening.run', {});
  const hits = await must(core, 'hits.list', { limit: 10_000 });
  // The plant confirmed; its locomotive-works namesake in Ulan-Ude dismissed as a false positive.
  const plant = hits.find((h) => h.externalId === 'NK-uuaz' && /aviat|авиац/i.test(h.entityName))!;
  const locomotive = hits.find((h) => /lokomotiv|локомотив/i.test(h.entityName));
  plantId = plant.entityId;
  await must(core, 'hits.review', { id: plant.id, status: 'confirmed', note: '' });
  if (locomotive) {
    locomotiveId = locomotive.entityId;
    for (const h of hits.filter((x) => x.entityId === locomotive.entityId))
      await must(core, 'hits.review', { id: h.id, status: 'false_positive', note: 'locomotive works' });
  }
  records = await must(core, 'records.list', { limit: 100_000 });
  for (const m of await must(core, 'mentions.list', { limit: 1_000_000 })) {
    if (m.entityId === null) continue;
    const byRole = roles.get(m.recordId) ?? new Map<string, number>();
    byRole.set(m.role, m.entityId);
    roles.set(m.recordId, byRole);
  }
}, 240_000);

const summary = (confirmedOnly = false) => must(core, 'risk.summary', { confirmedOnly, limit: 1000 });

/** Every figure of a summary with a name saying where it is. */
function figures(s: RiskSummary): [string, RiskFigure][] {
  return [
    ['CHPL total', s.chpl.total],
    ...s.chpl.tiers.map((t): [string, RiskFigure] => [`tier ${t.tier}`, t.shipments]),
    ...s.chpl.routes.map((r): [string, RiskFigure] => [`route ${r.origin}→${r.destination}`, r.shipments]),
    ...s.counterparties.flatMap((c) =>
      (
        [
          [`${c.name} shipments`, c.shipments],
          [`${c.name} before`, c.beforeListing],
          [`${c.name} after`, c.afterListing],
        ] as [string, RiskFigure | null][]
      ).filter((f): f is [string, RiskFigure] => f[1] !== null),
    ),
    ...s.flows.map((f): [string, RiskFigure] => [`${f.from.name} → ${f.to.name}`, f.shipments]),
  ];
}

const listed = (filter: RecordFilterInput) => must(core, 'records.list', { ...filter, limit: 100_000 });
const sumUsd = (rs: CustomsRecord[]) => rs.reduce((s, r) => s + (r.valueUsd ?? 0), 0);
const recordsOf = (entityId: number) =>
  records.filter((r) => [...(roles.get(r.id)?.values() ?? [])].includes(entityId));

describe('risk summary', () => {
  it('every figure is the count, and the value, of the records its filter lists', async () => {
    const s = await summary();
    const all = figures(s);
    expect(all.length).toBeGreaterThan(30);
    for (const [where, f] of all) {
      expect(await must(core, 'records.count', f.filter), where).toBe(f.records);
      const rs = await listed(f.filter);
      expect(rs.length, where).toBe(f.records);
      expect(sumUsd(rs), where).toBeCloseTo(f.valueUsd, 2);
    }
    for (const c of s.counterparties) {
      const dates = (await listed(c.shipments.filter)).map((r) => r.date).filter((d): d is string => d !== null);
      expect([c.firstDate, c.lastDate], c.name).toEqual([dates.sort()[0] ?? null, dates.at(-1) ?? null]);
    }
  }, 240_000);

  it('counts false positives out, open hits in unless only confirmed ones are asked for', async () => {
    const s = await summary();
    expect(s.statuses).toEqual(['confirmed', 'open']);
    const ids = s.counterparties.map((c) => c.entityId);
    expect(ids).toContain(plantId);
    if (locomotiveId) expect(ids).not.toContain(locomotiveId);
    expect(s.counterparties.some((c) => c.status === 'open')).toBe(true);
    const confirmed = await summary(true);
    expect(confirmed.statuses).toEqual(['confirmed']);
    expect(confirmed.counterparties.map((c) => [c.entityId, c.status])).toEqual([[plantId, 'confirmed']]);
    expect(confirmed.flows.every((f) => f.to.entityId === plantId)).toBe(true);
  });

  it('splits a counterparty’s records at its listing date, as worked out from its mentions', async () => {
    const plant = (await summary()).counterparties.find((c) => c.entityId === plantId)!;
    expect(plant).toMatchObject({ status: 'confirmed', listedOn: '2022-06-28' });
    expect(plant.listings[0]).toMatchObject({ listName: 'OFAC SDN (OpenSanctions)', programs: ['RUSSIA-EO14024'] });
    const mine = recordsOf(plantId);
    expect(plant.shipments.records).toBe(mine.length);
    const before = mine.filter((r) => r.date !== null && r.date < '2022-06-28');
    const after = mine.filter((r) => r.date !== null && r.date >= '2022-06-28');
    expect([plant.beforeListing!.records, plant.afterListing!.records]).toEqual([before.length, after.length]);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(plant.beforeListing!.filter).toEqual({ entityId: plantId, dateTo: '2022-06-27' });
    expect(plant.afterListing!.filter).toEqual({ entityId: plantId, dateFrom: '2022-06-28' });
  });

  it('sums CHPL goods by tier and by route as the HS codes of the records say', async () => {
    const s = await summary();
    const onList = records.filter((r) => chplTierOf(r.hsCode) !== null);
    expect(s.chpl.total.records).toBe(onList.length);
    const byTier = new Map<string, number>();
    for (const r of onList) byTier.set(chplTierOf(r.hsCode)!, (byTier.get(chplTierOf(r.hsCode)!) ?? 0) + 1);
    expect(Object.fromEntries(s.chpl.tiers.map((t) => [t.tier, t.shipments.records]))).toEqual(
      Object.fromEntries(byTier),
    );
    for (const route of s.chpl.routes) {
      const truth = onList.filter(
        (r) => r.originCountry === route.origin && r.destinationCountry === route.destination,
      );
      expect(route.shipments.records).toBe(truth.length);
    }
    const listedRoutes = s.chpl.routes.reduce((n, r) => n + r.shipments.records, 0);
    expect(s.chpl.moreRoutes === 0 ? listedRoutes : NaN).toBe(onList.length);
  });

  it('lists the flows into sanctioned entities one way: the sanctioned consignee and its shipper', async () => {
    const s = await summary();
    expect(s.flows.length).toBeGreaterThan(3);
    const values = s.flows.map((f) => f.shipments.valueUsd);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    for (const f of s.flows) {
      const truth = records.filter(
        (r) =>
          roles.get(r.id)?.get('consignee') === f.to.entityId && roles.get(r.id)?.get('shipper') === f.from.entityId,
      );
      expect(f.shipments.records, `${f.from.name} → ${f.to.name}`).toBe(truth.length);
      expect(s.counterparties.map((c) => c.entityId)).toContain(f.to.entityId);
    }
  });

  it('filters records by origin, destination (none: not recorded) and an entity’s role', async () => {
    const count = (filter: RecordFilterInput) => must(core, 'records.count', filter);
    expect(await count({ origin: 'cn' })).toBe(records.filter((r) => r.originCountry === 'CN').length);
    expect(await count({ destination: 'none' })).toBe(records.filter((r) => r.destinationCountry === null).length);
    expect(await count({ origin: 'none' })).toBe(records.filter((r) => r.originCountry === null).length);
    for (const role of ['shipper', 'consignee'] as const)
      expect(await count({ entityId: plantId, entityRole: role })).toBe(
        records.filter((r) => roles.get(r.id)?.get(role) === plantId).length,
      );
  });

  it('stops at its next step when cancelled, and splits partial listing dates at their first day', () => {
    const control = { progress: () => undefined, signal: AbortSignal.abort() };
    expect(() => riskSummary(core.session!.db, { confirmedOnly: false, limit: 5 }, control)).toThrow(/cancelled/);
    expect(splitAt('2024-03-01')).toEqual({ beforeTo: '2024-02-29', afterFrom: '2024-03-01' });
    expect(splitAt('2019')).toEqual({ beforeTo: '2018-12-31', afterFrom: '2019-01-01' });
    expect(splitAt('sometime')).toBeNull();
  });
});
