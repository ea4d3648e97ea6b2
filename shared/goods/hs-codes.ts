/**
 * HS codes and the Common High Priority List (CHPL): which tier a code is
 * on, and the few HS 2017 subheadings that the 2022 revision moved and that
 * matter here. Small enough to load with any module that asks; the HS 2022
 * texts (800 kB) are loaded on first use only, by hs-describe.ts.
 */
import chplTable from './chpl.data.json';

/** The CHPL's tiers, most urgent first; their text sorts in this order too. */
export const CHPL_TIERS = ['1', '2', '3.A', '3.B', '4.A', '4.B'] as const;
export type ChplTier = (typeof CHPL_TIERS)[number];

/**
 * HS 2017 subheadings that HS 2022 renumbered one to one. Customs records
 * keep the code of the year they were declared in, and parts of aircraft
 * are the case in point: 8803.30 (2017) is 8807.30 (2022), on the CHPL.
 * Codes that 2022 split in several (8541.40, 8525.80) are not mapped: no
 * one of the new subheadings can be told from the old code alone.
 */
export const HS2017_TO_2022: Readonly<Record<string, string>> = {
  '880310': '880710', // propellers and rotors and parts thereof
  '880320': '880720', // under-carriages and parts thereof
  '880330': '880730', // other parts of aeroplanes or helicopters
  '880390': '880790', // other parts of chapter 88 aircraft
};

/** A record's HS code, digits only: its first six digits in HS 2022 form, when it has six. */
export function hs6Of(hsCode: string | null | undefined): string | null {
  if (!hsCode || hsCode.length < 6 || !/^\d{6}/.test(hsCode)) return null;
  const hs6 = hsCode.slice(0, 6);
  return HS2017_TO_2022[hs6] ?? hs6;
}

const TIER_BY_HS6: ReadonlyMap<string, ChplTier> = new Map(chplTable as [string, ChplTier][]);

/** The CHPL tier of a record's HS code (HS 2022 or a mapped 2017 form), or null when it is not on the list. */
export function chplTierOf(hsCode: string | null | undefined): ChplTier | null {
  const hs6 = hs6Of(hsCode);
  return hs6 === null ? null : (TIER_BY_HS6.get(hs6) ?? null);
}

/**
 * The HS 6 prefixes that put a record on the list (in the `tiers` given, or
 * any), each with its tier: the subheadings themselves and the HS 2017
 * forms that map onto them. SQL filters and sorts records with these.
 */
export function chplPrefixes(tiers?: readonly ChplTier[]): [string, ChplTier][] {
  const out: [string, ChplTier][] = [];
  for (const [hs6, tier] of TIER_BY_HS6) if (!tiers || tiers.includes(tier)) out.push([hs6, tier]);
  for (const [old, now] of Object.entries(HS2017_TO_2022)) {
    const tier = TIER_BY_HS6.get(now);
    if (tier && (!tiers || tiers.includes(tier))) out.push([old, tier]);
  }
  return out;
}

/** What the HS 2022 nomenclature says of a code, level by level. */
export interface HsDescription {
  /** The code described, in HS 2022 form (a 2017 subheading mapped), 2 to 6 digits. */
  code: string;
  /** Chapter, heading and subheading, as far as the code goes and the nomenclature knows them. */
  levels: { code: string; text: string }[];
  /** The HS 2017 subheading the record was declared with, when it was mapped to `code`. */
  from2017: string | null;
  chplTier: ChplTier | null;
}
