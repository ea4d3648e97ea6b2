/**
 * The second half of resolving: everything that needs the names' analyses
 * (units, the investigator's judgements mapped onto them, comparing and
 * clustering). It takes the reader's batches as they come, so that on a
 * big case it analyzes while another thread reads (mentions/mention-thread.ts), and
 * answers in unit numbers: what the writing needs, and no analysis.
 */
import type { NameRef, StoredJudgement } from '../../db/judgements';
import { cleanIdentifier } from '../mentions/party-fields';
import { resolveUnits, type JudgementUnits, type Resolution, type ReviewCandidate } from '../clusters/resolver';
import { SlotTable, type SlotBatch, type SlotFacts } from '../mentions/mention-reader';
import { UnitBuilder, type UnitSet } from '../clusters/units';

export interface NameResolution {
  /** The unit of each slot, or -1 (a name with nothing to compare). */
  slotUnit: Int32Array;
  /** Cluster root of each unit. */
  rootOf: Int32Array;
  /** How each unit joined its cluster. */
  decidedBy: Resolution['decidedBy'];
  /** The legal form found in each raw name (for display), by raw name index. */
  legalOfRaw: (string | null)[];
  /** The review queue's pairs (by unit), the "unsure" judgements' among them. */
  review: ReviewCandidate[];
  autoMerged: number;
  pairsScored: number;
  judgementsApplied: number;
}

/** The raw names the judgements name: each gets units of its own (see unitKey). */
const pinnedNames = (judgements: readonly StoredJudgement[]): Set<string> =>
  new Set(judgements.flatMap((j) => [...j.sideA, ...j.sideB].map((r) => r.name)));

function judgementUnits(
  judgements: readonly StoredJudgement[],
  set: UnitSet,
  pinned: ReadonlySet<string>,
): JudgementUnits[] {
  // A judged name is pinned to its own units (one per country it was seen with).
  const byName = new Map<string, number[]>();
  for (const [raw, units] of set.unitsOfNames((r) => pinned.has(r)))
    for (const u of units) {
      const k = `${raw}\u0000${set.units[u]!.identifier ?? ''}`;
      byName.set(k, [...(byName.get(k) ?? []), u]);
    }
  const toUnits = (side: NameRef[]) => [
    ...new Set(side.flatMap((r) => byName.get(`${r.name}\u0000${cleanIdentifier(r.identifier) ?? ''}`) ?? [])),
  ];
  return judgements.map((j) => ({
    id: j.id,
    decision: j.decision,
    unitsA: toUnits(j.sideA),
    unitsB: toUnits(j.sideB),
  }));
}

export class NameSide {
  /** Every name and slot added: what the writing reads, after the analyses are gone. */
  readonly slots = new SlotTable();
  private readonly pinned: Set<string>;
  /** Gone after finish: the analyses are ~150 MB at a million records, and the writing needs none. */
  private builder: UnitBuilder | null;

  constructor(private readonly judgements: StoredJudgement[]) {
    this.pinned = pinnedNames(judgements);
    this.builder = new UnitBuilder(this.pinned, this.slots);
  }

  add(batch: SlotBatch): void {
    this.builder!.add(batch);
  }

  /** collect: collect garbage between the steps of comparing (big cases; see collectGarbage). */
  finish(facts: SlotFacts, progress?: (message: string) => void, collect = false): NameResolution {
    const set = this.builder!.finish(facts);
    this.builder = null;
    const judged = judgementUnits(this.judgements, set, this.pinned);
    const res = resolveUnits(set, judged, progress, collect);
    return {
      slotUnit: set.slotUnit,
      rootOf: res.rootOf,
      decidedBy: res.decidedBy,
      legalOfRaw: set.legalOfRaw,
      review: res.review,
      autoMerged: res.autoMerged,
      pairsScored: res.pairsScored,
      judgementsApplied: judged.length,
    };
  }
}
