/**
 * Shipments between entities, summed from the records each time they are
 * asked for: per shipper → consignee pair, the number of records, their
 * total value in USD, first and last date, HS chapters, the most urgent
 * CHPL tier of their goods and the records themselves. Entities are taken
 * as they are now (merges followed), so an edge stays the sum of exactly
 * the rows behind it after a merge, a split or a new import.
 */
import type { Counterparty, DiagramFilters, ShipmentAggregate } from '../../../shared/domain/diagrams';
import { CHPL_TIERS, chplPrefixes } from '../../../shared/goods/hs-codes';
import { counterpartyRows, packedParties, shipmentDataVersion, shipmentFacts } from '../db/shipments';
import type { ReadDb } from '../db/types';
import { liveEntities } from './live-entities';

/** Cents: a sum of many values in floating point would otherwise show as 1234.5600000001. */
const money = (v: number) => Math.round(v * 100) / 100;

export const pairKey = (source: number, target: number) => `${source}>${target}`;

type PairSums = Map<string, ShipmentAggregate>;

/** A tier as its index in CHPL_TIERS (most urgent lowest); NOT_LISTED past the end. */
const NOT_LISTED = CHPL_TIERS.length;
const RANK_BY_HS6 = new Map(chplPrefixes().map(([hs6, tier]) => [Number(hs6), CHPL_TIERS.indexOf(tier)]));

/**
 * chplTierOf's answer as a rank, from the HS code's first six digits read as a number: a diagram reads
 * this for every record behind its edges, and a number's lookup is a tenth of a string's (the code comes
 * fresh from SQLite each row, so its hash is computed each time).
 */
function chplRank(hs: string): number {
  if (hs.length < 6) return NOT_LISTED;
  let hs6 = 0;
  for (let i = 0; i < 6; i++) {
    const digit = hs.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NOT_LISTED;
    hs6 = hs6 * 10 + digit;
  }
  return RANK_BY_HS6.get(hs6) ?? NOT_LISTED;
}

/** Recent sums per connection, valid while the case's shipment data version holds (db/shipments.ts). */
const recent = new WeakMap<ReadDb, Map<string, PairSums>>();
const RECENT = 16;

/**
 * Shipments from live entities to live entities (a diagram's view resolves
 * its nodes first), keyed by `pairKey`; a record whose shipper and consignee
 * are the same entity is no shipment between two. `only` (pair keys) limits
 * the sums to those pairs: a view needs its edges' pairs, a third of the
 * records behind every pair of a 1,000-node diagram. Moving a node answers the
 * whole view again: sums are kept per connection while no import, resolve,
 * merge, split or other audited change (and no other connection) could have
 * changed them, so only the first view of a big diagram pays for them.
 */
export function shipmentsAmongLive(
  db: ReadDb,
  sources: readonly number[],
  filters?: DiagramFilters,
  targets: readonly number[] = sources,
  only?: ReadonlySet<string>,
): PairSums {
  const { kept, keep, s, t } = recentSums(db, sources, filters, targets, only);
  return kept ?? keep(sumShipments(db, s, t, filters, only));
}

/** shipmentsAmongLive's answer if it is kept, else null (nothing is summed): what a quick view shows. */
export function keptShipmentsAmongLive(
  db: ReadDb,
  sources: readonly number[],
  filters: DiagramFilters | undefined,
  targets: readonly number[],
  only: ReadonlySet<string>,
): PairSums | null {
  return recentSums(db, sources, filters, targets, only).kept;
}

/** The kept sums for these arguments (or null), a way to keep new ones, and the sides as summed. */
function recentSums(
  db: ReadDb,
  sources: readonly number[],
  filters: DiagramFilters | undefined,
  targets: readonly number[],
  only: ReadonlySet<string> | undefined,
) {
  const s = [...new Set(sources)].sort((a, b) => a - b);
  const t = [...new Set(targets)].sort((a, b) => a - b);
  const pairs = only ? [...only].sort().join(',') : '*';
  const key = `${shipmentDataVersion(db)}|${JSON.stringify(filters ?? null)}|${s.join(',')}|${t.join(',')}|${pairs}`;
  const cache = recent.get(db) ?? recent.set(db, new Map()).get(db)!;
  const keep = (out: PairSums) => {
    cache.set(key, out);
    if (cache.size > RECENT) cache.delete(cache.keys().next().value!);
    return out;
  };
  return { kept: cache.get(key) ?? null, keep, s, t };
}

/**
 * The sums, uncached: both sides' mentions read index-only and joined here
 * on the record id (a hash join SQLite does not do: its nested loop would
 * look up each shipper mention's consignee in the 2.5M-row mentions table,
 * three times the work on a 1M-record case), then the matched records'
 * dates, values and HS codes read by id.
 */
export function sumShipments(
  db: ReadDb,
  sources: readonly number[],
  targets: readonly number[],
  filters?: DiagramFilters,
  only?: ReadonlySet<string>,
): PairSums {
  const out: PairSums = new Map();
  if (sources.length === 0 || targets.length === 0) return out;
  // Both sides' entities in one list, read in one pass; per index, which side(s) it is on.
  const ends = [...new Set([...sources, ...targets])];
  const onSide = (side: readonly number[]) => {
    const set = new Set(side);
    return Uint8Array.from(ends, (id) => (set.has(id) ? 1 : 0));
  };
  const isSource = onSide(sources);
  const isTarget = onSide(targets);
  const scale = 2 ** Math.ceil(Math.log2(ends.length + 1));
  const packed = packedParties(db, ends, scale);
  // Record → consignee's index in ends (+1; 0 for none), in an array by record id: a Map of a hundred
  // thousand records cost as much as reading their mentions.
  let maxRecord = 0;
  for (const v of packed) if (v % 2 === 1) maxRecord = Math.max(maxRecord, Math.floor((v - 1) / 2 / scale));
  const consignee = new Int32Array(maxRecord + 1);
  for (const v of packed) {
    if (v % 2 === 0) continue;
    const m = (v - 1) / 2;
    const i = m % scale;
    if (isTarget[i]) consignee[(m - i) / scale] = i + 1;
  }
  const pairOf = new Map<number, string>();
  for (const v of packed) {
    if (v % 2 === 1) continue;
    const m = v / 2;
    const i = m % scale;
    if (!isSource[i]) continue;
    const record = (m - i) / scale;
    const j = (consignee[record] ?? 0) - 1;
    if (j < 0 || j === i) continue;
    const key = pairKey(ends[i]!, ends[j]!);
    if (!only || only.has(key)) pairOf.set(record, key);
  }
  const sums = new Map<
    string,
    {
      n: number;
      value: number;
      first: string | null;
      last: string | null;
      chapters: Set<string>;
      tier: number;
      ids: number[];
    }
  >();
  for (const [id, date, value, hs] of shipmentFacts(db, [...pairOf.keys()], filters)) {
    const key = pairOf.get(id)!;
    const p =
      sums.get(key) ??
      sums
        .set(key, { n: 0, value: 0, first: null, last: null, chapters: new Set(), tier: NOT_LISTED, ids: [] })
        .get(key)!;
    p.n++;
    p.value += value ?? 0;
    if (date !== null && (p.first === null || date < p.first)) p.first = date;
    if (date !== null && (p.last === null || date > p.last)) p.last = date;
    if (hs) {
      p.chapters.add(hs.slice(0, 2));
      p.tier = Math.min(p.tier, chplRank(hs));
    }
    p.ids.push(id);
  }
  for (const [key, p] of sums) {
    const [source, target] = key.split('>').map(Number) as [number, number];
    out.set(key, {
      source,
      target,
      count: p.n,
      valueUsd: money(p.value),
      firstDate: p.first,
      lastDate: p.last,
      hsChapters: [...p.chapters].sort(),
      chplTier: CHPL_TIERS[p.tier] ?? null,
      recordIds: p.ids,
    });
  }
  return out;
}

/** Shipments among any entities (ids as stored anywhere: merged-away ones count as their survivor). */
export function aggregateShipments(
  db: ReadDb,
  entityIds: readonly number[],
  filters?: DiagramFilters,
): ShipmentAggregate[] {
  const live = liveEntities(db);
  const ids = entityIds.map((id) => live(id)?.id).filter((id): id is number => id !== undefined);
  return [...shipmentsAmongLive(db, ids, filters).values()].sort(
    (a, b) => b.valueUsd - a.valueUsd || a.source - b.source || a.target - b.target,
  );
}

/** An entity's counterparties, one line per direction, the biggest by value first. */
export function counterparties(
  db: ReadDb,
  entityId: number,
  filters?: DiagramFilters,
  onDiagram: ReadonlySet<number> = new Set(),
): Counterparty[] {
  return counterpartyRows(db, entityId, filters)
    .map((r) => ({
      entityId: r.entity_id,
      name: r.name,
      country: r.country,
      direction: r.direction,
      count: r.n,
      valueUsd: money(r.value),
      firstDate: r.first,
      lastDate: r.last,
      onDiagram: onDiagram.has(r.entity_id),
    }))
    .sort((a, b) => b.valueUsd - a.valueUsd || b.count - a.count || a.entityId - b.entityId);
}

/** Counterparties merged across directions (in + out), for choosing whom to add; the main direction carries more value (or rows). */
export function counterpartyTotals(
  cps: readonly Counterparty[],
): { entityId: number; valueUsd: number; count: number; mainDirection: 'in' | 'out' }[] {
  const by = new Map<number, { valueUsd: number; count: number; out: [number, number]; in: [number, number] }>();
  for (const c of cps) {
    const t = by.get(c.entityId) ?? { valueUsd: 0, count: 0, out: [0, 0], in: [0, 0] };
    t.valueUsd += c.valueUsd;
    t.count += c.count;
    t[c.direction] = [c.valueUsd, c.count];
    by.set(c.entityId, t);
  }
  const outWins = (t: { out: [number, number]; in: [number, number] }) =>
    t.out[0] !== t.in[0] ? t.out[0] > t.in[0] : t.out[1] >= t.in[1];
  return [...by]
    .map(([entityId, t]) => ({
      entityId,
      valueUsd: money(t.valueUsd),
      count: t.count,
      mainDirection: (outWins(t) ? 'out' : 'in') as 'in' | 'out',
    }))
    .sort((a, b) => b.valueUsd - a.valueUsd || b.count - a.count || a.entityId - b.entityId);
}
