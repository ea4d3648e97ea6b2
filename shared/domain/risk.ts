/**
 * The risk summary of a case: who of the case's counterparties a screening
 * found on a sanctions list and what they traded, the goods on the Common
 * High Priority List and where they went, and the largest flows into listed
 * companies. Every figure carries the records filter that lists the records
 * behind it (`records.list` / `records.count` with that filter), so a number
 * is never a dead end: it opens on its evidence.
 */
import type { RecordFilterInput } from '../api/records';
import type { ChplTier } from '../goods/hs-codes';

/** Review statuses that make an entity count as sanctioned; false positives never do. */
export const RISK_STATUSES = ['confirmed', 'open'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** A count of records and their summed USD value, with the filter that lists exactly those records. */
export interface RiskFigure {
  records: number;
  /** Sum of the records' USD values (records without one add nothing). */
  valueUsd: number;
  filter: RecordFilterInput;
}

/** The sanctions entry (or entries) an entity was found on. */
export interface RiskListing {
  entryId: number;
  entryName: string;
  listName: string;
  programs: string[];
  /** As the list gives it (YYYY-MM-DD), or null when the list does not say. */
  listedOn: string | null;
  status: RiskStatus;
}

export interface SanctionedCounterparty {
  entityId: number;
  name: string;
  country: string | null;
  /** `confirmed` when any of its hits is confirmed, else `open` (awaiting review). */
  status: RiskStatus;
  listings: RiskListing[];
  /** The earliest listing date over its listings: the date before/after counts are split on. */
  listedOn: string | null;
  /** Records that name the entity, in any role. */
  shipments: RiskFigure;
  firstDate: string | null;
  lastDate: string | null;
  /** Dated records before the listing date, and on or after it; null when no listing date is known. */
  beforeListing: RiskFigure | null;
  afterListing: RiskFigure | null;
}

export interface ChplTierRow {
  tier: ChplTier;
  shipments: RiskFigure;
}

/** CHPL records (any tier) from one origin country to one destination country; null: not recorded. */
export interface ChplRouteRow {
  origin: string | null;
  destination: string | null;
  shipments: RiskFigure;
}

/** Records where `from` is the shipper and `to`, a sanctioned entity, the consignee. */
export interface SanctionedFlow {
  from: { entityId: number; name: string; country: string | null };
  to: { entityId: number; name: string; country: string | null; status: RiskStatus };
  shipments: RiskFigure;
  firstDate: string | null;
  lastDate: string | null;
}

export interface RiskSummary {
  /** The screening the summary reads (the latest), or null when the case was never screened. */
  screening: { runId: number; at: string } | null;
  /** The review statuses counted as sanctioned in this summary. */
  statuses: RiskStatus[];
  counterparties: SanctionedCounterparty[];
  chpl: { total: RiskFigure; tiers: ChplTierRow[]; routes: ChplRouteRow[]; moreRoutes: number };
  flows: SanctionedFlow[];
}
