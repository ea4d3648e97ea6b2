// From an entity to its records: the records filter by entity (every role, merged entities) and by counterparty,
// and the entity page's numbers, each checked against SQL over the case file.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import type { CustomsRecord } from '../../shared/domain/records';
import { must, SAMPLES, tempCase } from '../helpers/temp';

let core: CoreContext;
let db: Database.Database;

/** Ids of the records naming an entity, straight from the tables. */
const sqlRecordIds = (entityId: number, role?: string): number[] =>
  db
    .prepare(
      `SELECT DISTINCT m.record_id FROM mentions m JOIN mention_names n ON n.id = m.name_id
       WHERE n.entity_id = ? AND (? IS NULL OR m.role = ?) ORDER BY m.record_id`,
    )
    .pluck()
    .all(entityId, role ?? null, role ?? null) as number[];

const listed = async (filter: Record<string, unknown>): Promise<CustomsRecord[]> =>
  must(core, 'records.list', { ...filter, limit: 100_000 });
const ids = (rs: CustomsRecord[]) => rs.map((r) => r.id).sort((a, b) => a - b);

async function entityNamed(name: string): Promise<number> {
  const [e] = await must(core, 'entities.list', { query: name, limit: 1 });
  return e!.id;
}

// The sample case's customs file and bills of lading (they name notify parties), resolved: a real case file shared by
// the tests below (which only read, until the merge).
beforeAll(async () => {
  const made = await tempCase();
  core = made.core;
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
  await must(core, 'import.run', { path: join(SAMPLES, 'bol-2k.csv'), preset: 'bol' });
  await must(core, 'entities.resolve', {});
  db = new Database(made.path, { readonly: true });
}, 120_000);

describe('records filtered by entity', () => {
  it('lists every record that names the entity, in each role, and counts them as SQL does', async () => {
    for (const role of ['shipper', 'consignee', 'notify', 'producer']) {
      // The entity named most often in this role.
      const entityId = db
        .prepare(
          `SELECT n.entity_id FROM mentions m JOIN mention_names n ON n.id = m.name_id
           WHERE m.role = ? AND n.entity_id IS NOT NULL GROUP BY n.entity_id ORDER BY count(*) DESC LIMIT 1`,
        )
        .pluck()
        .get(role) as number | undefined;
      if (entityId === undefined) throw new Error(`No entity is named as ${role}`);
      const all = sqlRecordIds(entityId);
      const got = ids(await listed({ entityId }));
      expect(got.length).toBeGreaterThan(0);
      expect(got, role).toEqual(all);
      expect(got, role).toEqual(expect.arrayContaining(sqlRecordIds(entityId, role)));
      expect(await must(core, 'records.count', { entityId }), role).toBe(all.length);
    }
  });

  it('combines with the other filters and the search', async () => {
    const poly = await entityNamed('Poly Technologies');
    const all = await listed({ entityId: poly });
    const hs88 = all.filter((r) => r.hsCode?.startsWith('88'));
    expect(hs88.length).toBeGreaterThan(0);
    expect(hs88.length).toBeLessThan(all.length);
    expect(ids(await listed({ entityId: poly, hsPrefix: '88' }))).toEqual(ids(hs88));
    expect(await must(core, 'records.count', { entityId: poly, hsPrefix: '88' })).toBe(hs88.length);
  });

  it('lists the records behind each counterparty row of the entity page, and its numbers are their sums', async () => {
    const poly = await entityNamed('Poly Technologies');
    const detail = await must(core, 'entities.get', { id: poly });
    const uuaz = detail.counterparties.find((c) => /Ulan.?Ud\w+ avia/i.test(c.name));
    expect(uuaz, detail.counterparties.map((c) => c.name).join(', ')).toBeDefined();
    expect(new Set(detail.counterparties.map((c) => c.entityId)).size).toBe(detail.counterparties.length);
    for (const c of detail.counterparties) {
      const records = await listed({ entityId: poly, counterpartyId: c.entityId });
      const sql = db
        .prepare(
          `SELECT count(*) AS n, total(r.value_usd) AS value, min(r.date) AS first, max(r.date) AS last,
                  sum(s.entity_id = ?) AS sent
           FROM records r
           JOIN mentions sm ON sm.record_id = r.id AND sm.role = 'shipper' JOIN mention_names s ON s.id = sm.name_id
           JOIN mentions cm ON cm.record_id = r.id AND cm.role = 'consignee' JOIN mention_names k ON k.id = cm.name_id
           WHERE (s.entity_id = ? AND k.entity_id = ?) OR (s.entity_id = ? AND k.entity_id = ?)`,
        )
        .get(poly, poly, c.entityId, c.entityId, poly) as {
        n: number;
        value: number;
        first: string;
        last: string;
        sent: number;
      };
      expect(c.count, c.name).toBe(records.length);
      expect(c.count, c.name).toBe(sql.n);
      expect(c.sent + c.received, c.name).toBe(c.count);
      expect(c.sent, c.name).toBe(sql.sent);
      expect(c.valueUsd, c.name).toBeCloseTo(sql.value, 2);
      expect(c.valueUsd, c.name).toBeCloseTo(
        records.reduce((s, r) => s + (r.valueUsd ?? 0), 0),
        2,
      );
      expect([c.firstDate, c.lastDate], c.name).toEqual([sql.first, sql.last]);
      expect([...c.hsChapters].sort(), c.name).toEqual(
        [...new Set(records.map((r) => r.hsCode?.slice(0, 2)).filter(Boolean))].sort(),
      );
      expect(await must(core, 'records.count', { entityId: poly, counterpartyId: c.entityId })).toBe(c.count);
    }
    // Poly Technologies shipped to the Ulan-Ude plant (the sample's story), and got something back once.
    expect(uuaz!.sent).toBeGreaterThan(10);
  });

  it('shows every month from the first to the last, the empty ones too, each with its records', async () => {
    const poly = await entityNamed('Poly Technologies');
    const { timeline } = await must(core, 'entities.get', { id: poly });
    for (let i = 1; i < timeline.length; i++) {
      const [y, m] = timeline[i - 1]!.month.split('-').map(Number) as [number, number];
      expect(timeline[i]!.month).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
    }
    expect(timeline.some((t) => t.count === 0)).toBe(true);
    const dated = (await listed({ entityId: poly })).filter((r) => r.date);
    expect(timeline.reduce((s, t) => s + t.count, 0)).toBe(dated.length);
    for (const t of timeline.filter((x, i) => x.count > 0 && i % 3 === 0)) {
      const n = await must(core, 'records.count', {
        entityId: poly,
        dateFrom: `${t.month}-01`,
        dateTo: `${t.month}-31`,
      });
      expect(n, t.month).toBe(t.count);
    }
  });

  it('finds the records of both after a merge, by the survivor and by the id merged away', async () => {
    const [a, b] = (await must(core, 'entities.list', { limit: 2, offset: 10 })).map((e) => e.id) as [number, number];
    const union = [...new Set([...sqlRecordIds(a), ...sqlRecordIds(b)])].sort((x, y) => x - y);
    const { entity } = await must(core, 'entities.merge', { ids: [a, b], note: 'test' });
    const gone = entity.id === a ? b : a;
    expect(ids(await listed({ entityId: entity.id }))).toEqual(union);
    expect(ids(await listed({ entityId: gone }))).toEqual(union);
    expect(await must(core, 'records.count', { entityId: gone })).toBe(union.length);
  });
});
