/**
 * The case's risk summary (shared/domain/risk.ts), put together from the
 * queries of db/risk.ts. Each figure is given the records filter that
 * reproduces it: the queries read the records the way record-filter.ts
 * does, and the tests hold every figure to `records.count` of its filter.
 */
import { NO_COUNTRY, type RecordFilterInput } from '../../../shared/api/records';
import type {
  RiskFigure,
  RiskListing,
  RiskStatus,
  RiskSummary,
  SanctionedCounterparty,
} from '../../../shared/domain/risk';
import { CHPL_TIERS, type ChplTier } from '../../../shared/goods/hs-codes';
import { CustodianError } from '../../../shared/result';
import { survivorOf } from '../db/entities';
import {
  chplGroups,
  entityLabels,
  entityTrade,
  flowsInto,
  latestScreening,
  sanctionedHits,
  type EntitySplit,
  type FigureRow,
} from '../db/risk';
import type { ReadDb } from '../db/types';
import type { JobControl } from '../jobs/protocol';

export interface RiskOptions {
  confirmedOnly: boolean;
  limit: number;
}

const figure = (row: FigureRow | undefined, filter: RecordFilterInput): RiskFigure => ({
  records: row?.records ?? 0,
  valueUsd: row?.valueUsd ?? 0,
  filter,
});

/**
 * A listing date as the first day it can mean (`2019` → 2019-01-01, `2019-05` → 2019-05-01) and the day
 * before it: records up to that day are "before listing", from the date on "after" (the day itself is after:
 * a shipment on the day of listing was made to a listed company). Null for a date that cannot be read.
 */
export function splitAt(listedOn: string): { beforeTo: string; afterFrom: string } | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(listedOn);
  if (!m) return null;
  const afterFrom = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  const day = new Date(`${afterFrom}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return null;
  day.setUTCDate(day.getUTCDate() - 1);
  return { beforeTo: day.toISOString().slice(0, 10), afterFrom };
}

interface Sanctioned {
  entityId: number;
  listings: RiskListing[];
}

/** The latest screening's hits in the statuses asked, gathered per entity (an entity merged away counts as its survivor). */
function sanctionedEntities(db: ReadDb, runId: number, statuses: RiskStatus[]): Sanctioned[] {
  const byEntity = new Map<number, Sanctioned>();
  for (const hit of sanctionedHits(db, runId, statuses)) {
    const entityId = survivorOf(db, hit.entityId);
    if (entityId === null) continue;
    const s = byEntity.get(entityId) ?? { entityId, listings: [] };
    if (!s.listings.some((l) => l.entryId === hit.entryId)) {
      const { entityId: _, ...listing } = hit;
      s.listings.push(listing);
    }
    byEntity.set(entityId, s);
  }
  return [...byEntity.values()];
}

const earliest = (dates: (string | null)[]): string | null =>
  dates.reduce<string | null>((a, d) => (d !== null && (a === null || d < a) ? d : a), null);

function counterparties(db: ReadDb, sanctioned: Sanctioned[]): SanctionedCounterparty[] {
  const splits: (EntitySplit & { listedOn: string | null })[] = sanctioned.map((s) => {
    const listedOn = earliest(s.listings.map((l) => l.listedOn));
    const split = listedOn === null ? null : splitAt(listedOn);
    return { entityId: s.entityId, listedOn, beforeTo: split?.beforeTo ?? null, afterFrom: split?.afterFrom ?? null };
  });
  const trade = new Map(entityTrade(db, splits).map((t) => [t.entityId, t]));
  const labels = entityLabels(
    db,
    sanctioned.map((s) => s.entityId),
  );
  return sanctioned
    .map((s, i): SanctionedCounterparty => {
      const { listedOn, beforeTo, afterFrom } = splits[i]!;
      const t = trade.get(s.entityId);
      const entity = { entityId: s.entityId };
      return {
        entityId: s.entityId,
        name: labels.get(s.entityId)?.name ?? `entity ${s.entityId}`,
        country: labels.get(s.entityId)?.country ?? null,
        status: s.listings.some((l) => l.status === 'confirmed') ? 'confirmed' : 'open',
        listings: s.listings,
        listedOn,
        shipments: figure(t, entity),
        firstDate: t?.firstDate ?? null,
        lastDate: t?.lastDate ?? null,
        beforeListing:
          beforeTo === null
            ? null
            : figure(t && { records: t.beforeRecords, valueUsd: t.beforeValue }, { ...entity, dateTo: beforeTo }),
        afterListing:
          afterFrom === null
            ? null
            : figure(t && { records: t.afterRecords, valueUsd: t.afterValue }, { ...entity, dateFrom: afterFrom }),
      };
    })
    .sort(
      (a, b) =>
        (a.status === b.status ? 0 : a.status === 'confirmed' ? -1 : 1) ||
        b.shipments.valueUsd - a.shipments.valueUsd ||
        b.shipments.records - a.shipments.records ||
        a.entityId - b.entityId,
    );
}

const add = (sum: FigureRow, row: FigureRow): FigureRow => ({
  records: sum.records + row.records,
  valueUsd: sum.valueUsd + row.valueUsd,
});

/** CHPL goods by tier (in tier order) and by route (the largest by value first, `limit` of them). */
function chpl(db: ReadDb, limit: number): RiskSummary['chpl'] {
  const byTier = new Map<ChplTier, FigureRow>();
  const byRoute = new Map<string, FigureRow & { origin: string | null; destination: string | null }>();
  let total: FigureRow = { records: 0, valueUsd: 0 };
  for (const g of chplGroups(db)) {
    byTier.set(g.tier, add(byTier.get(g.tier) ?? { records: 0, valueUsd: 0 }, g));
    const key = JSON.stringify([g.origin, g.destination]);
    const route = byRoute.get(key) ?? { origin: g.origin, destination: g.destination, records: 0, valueUsd: 0 };
    byRoute.set(key, { ...route, ...add(route, g) });
    total = add(total, g);
  }
  const routes = [...byRoute.values()].sort((a, b) => b.valueUsd - a.valueUsd || b.records - a.records);
  return {
    total: figure(total, { chplTier: 'any' }),
    tiers: CHPL_TIERS.filter((t) => byTier.has(t)).map((tier) => ({
      tier,
      shipments: figure(byTier.get(tier), { chplTier: tier }),
    })),
    routes: routes.slice(0, limit).map((r) => ({
      origin: r.origin,
      destination: r.destination,
      shipments: figure(r, {
        chplTier: 'any',
        origin: r.origin ?? NO_COUNTRY,
        destination: r.destination ?? NO_COUNTRY,
      }),
    })),
    moreRoutes: Math.max(0, routes.length - limit),
  };
}

/**
 * The summary, read from the latest screening with the hits in the statuses asked. On a million records it
 * takes seconds (the CHPL pass reads every record), so it runs as a job: progress between its steps, and a
 * cancel stops it at the next one (it writes nothing, so there is nothing to undo).
 */
export function riskSummary(db: ReadDb, { confirmedOnly, limit }: RiskOptions, control?: JobControl): RiskSummary {
  const step = (progress: number, message: string) => {
    if (control?.signal.aborted) throw new CustodianError('cancelled', 'The risk summary was cancelled.');
    control?.progress(progress, message);
  };
  const statuses: RiskStatus[] = confirmedOnly ? ['confirmed'] : ['confirmed', 'open'];
  step(0.05, 'Reading the latest screening…');
  const screening = latestScreening(db);
  const sanctioned = screening ? sanctionedEntities(db, screening.runId, statuses) : [];
  step(0.1, `Counting the records of ${sanctioned.length} sanctioned counterparties…`);
  const parties = counterparties(db, sanctioned);
  step(0.35, 'Summing the flows into sanctioned entities…');
  const status = new Map(parties.map((p) => [p.entityId, p.status]));
  const flows = flowsInto(db, [...status.keys()], limit);
  const labels = entityLabels(db, [...new Set(flows.flatMap((f) => [f.fromId, f.toId]))]);
  const label = (id: number) => ({
    entityId: id,
    name: labels.get(id)?.name ?? `entity ${id}`,
    country: labels.get(id)?.country ?? null,
  });
  step(0.5, 'Reading the goods on the Common High Priority List…');
  const goods = chpl(db, limit);
  step(1, 'Done');
  return {
    screening,
    statuses,
    counterparties: parties,
    chpl: goods,
    flows: flows.map((f) => ({
      from: label(f.fromId),
      to: { ...label(f.toId), status: status.get(f.toId) ?? 'open' },
      // The consignee in the filter's `entityId`, the shipper as its counterparty: one way, into the listed company.
      shipments: figure(f, { entityId: f.toId, entityRole: 'consignee', counterpartyId: f.fromId }),
      firstDate: f.firstDate,
      lastDate: f.lastDate,
    })),
  };
}
