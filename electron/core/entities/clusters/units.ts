/**
 * From slots (mentions/mention-reader.ts) to what the resolver works on. Slots whose
 * names analyze the same (same comparison tokens and legal family) and carry
 * the same identifier and country form one unit, so 2.5M mentions collapse
 * to the far fewer distinct names the scorer has to compare.
 */
import { analysisKey, analyzeKeyed, type AnalyzedName } from '../../../../shared/names';
import type { RecordParties } from '../../db/mentions';
import {
  PAIR_BASE,
  readMentions,
  SlotTable,
  type MentionRows,
  type SlotBatch,
  type SlotFacts,
} from '../mentions/mention-reader';
import { cleanCountry, cleanIdentifier } from '../mentions/party-fields';

export interface Unit {
  key: string;
  analyzed: AnalyzedName;
  identifier: string | null;
  countries: string[];
  mentions: number;
  /** A cut-short name read within one declaration, which decides it (see readMentions): no name comparing. */
  inDeclaration: boolean;
}

export interface UnitSet {
  units: Unit[];
  /** The unit of each slot, or -1 (a name with nothing to compare). */
  slotUnit: Int32Array;
  /** Unit pairs [a0, b0, a1, b1, …] named by one declaration in one role. */
  declarationEdges: number[];
  /** For each declaration edge, which declaration made it. */
  edgeDeclaration: number[];
  /** producer·PAIR_BASE + shipper: unit pairs named on one record. */
  producerShipper: Set<number>;
  /** The legal form found in each raw name (for display), by raw name index. */
  legalOfRaw: (string | null)[];
  /** The units each raw name is in (of the names `wanted` says; a unit per identifier and country). */
  unitsOfNames(wanted: (raw: string) => boolean): Map<string, number[]>;
  /** A unit's raw names and their mentions. */
  namesOf(unit: number): Map<string, number>;
  /** The unit of a raw name with an identifier and country (as written), if that spelling made one. */
  unitOf(raw: string, identifier: string | null, country: string | null): number | undefined;
}

/** The unit of a name: names a judgement mentions get units of their own, so a split can hold names that analyze alike apart. */
function unitKey(
  analyzedKey: string,
  identifier: string | null,
  country: string | null,
  context: number,
  raw: string,
  pinned: ReadonlySet<string>,
): string {
  return `${analyzedKey}#${identifier ?? ''}#${country ?? ''}${context >= 0 ? `#@${context}` : ''}${pinned.has(raw) ? `#=${raw}` : ''}`;
}

/** One analysis shared by the spellings that differ only in case, quotes or spacing. */
interface Analysis {
  key: string;
  legal: string | null;
  /** Dropped once no new unit needs it: the units keep the analyses they use. */
  analyzed: AnalyzedName | null;
}

/**
 * Builds units as batches of names and slots arrive (analyzing each new
 * name once), then, at finish, counts mentions and maps the reader's
 * slot pairs to unit pairs.
 */
export class UnitBuilder {
  /** Per raw name: its analysis ('' key: nothing to compare). */
  private readonly rawAnalysis: (Analysis | null)[] = [];
  private readonly legalOfRaw: (string | null)[] = [];
  // 2.5M mentions: ~420k raw names, ~200k analysis keys.
  private readonly byAnalysisKey = new Map<string, Analysis>();
  private readonly unitIndex = new Map<string, number>();
  private readonly units: Unit[] = [];
  private readonly slotUnit: number[] = [];

  /** `slots` gets every batch added here: the caller reads the names and slots there. */
  constructor(
    private readonly pinned: ReadonlySet<string>,
    readonly slots = new SlotTable(),
  ) {}

  add(batch: SlotBatch): void {
    const firstSlot = this.slots.slotRaw.length;
    this.slots.add(batch);
    for (const raw of batch.names) {
      const ak = analysisKey(raw);
      let shared = this.byAnalysisKey.get(ak);
      if (!shared) {
        const a = analyzeKeyed(raw, ak);
        // A cut-looking spelling is a unit apart from the whole names with its words: its analysis (and so
        // the checks for ambiguous cuts) differs.
        shared = {
          key: a.tokens.length ? a.key + (a.maybeTruncated ? '#cut' : '') : '',
          legal: a.legal[0]?.display ?? null,
          analyzed: a,
        };
        this.byAnalysisKey.set(ak, shared);
      }
      this.legalOfRaw.push(shared.legal);
      this.rawAnalysis.push(shared);
    }
    const { slotRaw, slotIdentifier, slotCountry, slotContext } = this.slots;
    for (let s = firstSlot; s < slotRaw.length; s++)
      this.slotUnit.push(this.unitFor(slotRaw[s]!, slotIdentifier[s]!, slotCountry[s]!, slotContext[s]!));
  }

  private unitFor(r: number, identifier: string | null, country: string | null, context: number): number {
    const shared = this.rawAnalysis[r]!;
    if (!shared?.key) return -1;
    const raw = this.slots.rawNames[r]!;
    // Country is part of the unit: one spelling used by two companies in two countries stays two units.
    const key = unitKey(shared.key, identifier, country, context, raw, this.pinned);
    let u = this.unitIndex.get(key);
    if (u === undefined) {
      u = this.units.length;
      this.unitIndex.set(key, u);
      const analyzed = shared.analyzed ?? analyzeKeyed(raw, analysisKey(raw));
      this.units.push({
        key,
        analyzed,
        identifier,
        countries: country ? [country] : [],
        mentions: 0,
        inDeclaration: context >= 0,
      });
      shared.analyzed = analyzed;
    } else if (shared.analyzed !== this.units[u]!.analyzed) {
      // The analysis is kept only by the units that need it (a later unit of this spelling analyzes again).
      shared.analyzed = null;
    }
    return u;
  }

  finish(facts: SlotFacts): UnitSet {
    const { units } = this;
    const { rawNames, slotRaw } = this.slots;
    this.byAnalysisKey.clear();
    this.rawAnalysis.length = 0;
    const slotUnit = Int32Array.from(this.slotUnit);
    for (let s = 0; s < slotUnit.length; s++)
      if (slotUnit[s]! >= 0) units[slotUnit[s]!]!.mentions += facts.slotCount[s]!;
    const declarationEdges: number[] = [];
    const edgeDeclaration: number[] = [];
    for (let k = 0; k < facts.edgeDeclaration.length; k++) {
      const a = slotUnit[facts.declarationEdges[2 * k]!]!;
      const b = slotUnit[facts.declarationEdges[2 * k + 1]!]!;
      if (a < 0 || b < 0 || a === b) continue;
      declarationEdges.push(a, b);
      edgeDeclaration.push(facts.edgeDeclaration[k]!);
    }
    const producerShipper = new Set<number>();
    for (const ps of facts.producerShipper) {
      const p = slotUnit[Math.floor(ps / PAIR_BASE)]!;
      const sh = slotUnit[ps % PAIR_BASE]!;
      if (p >= 0 && sh >= 0 && p !== sh) producerShipper.add(p * PAIR_BASE + sh);
    }
    return {
      units,
      slotUnit,
      declarationEdges,
      edgeDeclaration,
      producerShipper,
      legalOfRaw: this.legalOfRaw,
      unitsOfNames(wanted) {
        const out = new Map<string, number[]>();
        for (let s = 0; s < slotUnit.length; s++) {
          const raw = rawNames[slotRaw[s]!]!;
          if (slotUnit[s]! < 0 || !wanted(raw)) continue;
          const list = out.get(raw) ?? out.set(raw, []).get(raw)!;
          if (!list.includes(slotUnit[s]!)) list.push(slotUnit[s]!);
        }
        return out;
      },
      namesOf(u) {
        const names = new Map<string, number>();
        for (let s = 0; s < slotUnit.length; s++) {
          const raw = rawNames[slotRaw[s]!]!;
          if (slotUnit[s] === u) names.set(raw, (names.get(raw) ?? 0) + facts.slotCount[s]!);
        }
        return names;
      },
      unitOf(raw, identifier, country) {
        const id = cleanIdentifier(identifier);
        const c = cleanCountry(country);
        return this.unitsOfNames((r) => r === raw)
          .get(raw)
          ?.find((u) => units[u]!.identifier === id && (units[u]!.countries[0] ?? null) === c);
      },
    };
  }
}

/** Reader and unit builder in one thread, for a list of records (tests and small cases). */
export function buildUnits(
  records: Iterable<RecordParties>,
  pinned: ReadonlySet<string> = new Set(),
): { set: UnitSet; mentions: MentionRows } {
  const builder = new UnitBuilder(pinned);
  const { rows, facts } = readMentions(records, (b) => builder.add(b));
  return { set: builder.finish(facts), mentions: rows };
}
