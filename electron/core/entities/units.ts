/**
 * From records to what the resolver works on. Every party name is a mention;
 * mentions whose names analyze the same (same comparison tokens and legal
 * family) and carry the same identifier form one unit, so 2M mentions
 * collapse to the far fewer distinct names the scorer has to compare.
 */
import { analysisKey, analyzeKeyed, analyzeName, type AnalyzedName } from '../../../shared/names';
import type { MentionRole } from '../../../shared/domain/entities';
import type { RecordParties } from '../db/mentions';

/** Party fields that name nobody. */
const PLACEHOLDER = new RegExp(
  '^(?:неизвестен|неизвестно|отсутствует|не указан[оа]?|нет|same as consignee|same as shipper|same as above|to order|to the order of.*|' +
    'n/?a|none|unknown|not available|-+|\\?+|0)$',
  'iu',
);

export function namesSomebody(raw: string | null): raw is string {
  if (!raw) return false;
  const t = raw.trim();
  return t.length > 0 && /\p{L}/u.test(t) && !PLACEHOLDER.test(t.replace(/\s+/g, ' '));
}

/**
 * All mentions, column by column (2M mention objects would not fit the
 * memory budget): mention i is record recordId[i], role ROLES[role[i]],
 * in unit unit[i], written rawNames[slotRaw[slot[i]]]. A slot is one raw
 * name in one unit (slotUnit); identifier and country are the unit's.
 */
export interface MentionColumns {
  recordId: Int32Array;
  role: Uint8Array;
  slot: Int32Array;
  unit: Int32Array;
  slotRaw: Int32Array;
  slotUnit: Int32Array;
  rawNames: string[];
}

/** A column of integers that grows by doubling (2.5M mentions as plain arrays cost several times the memory). */
function growable<T extends Int32Array | Uint8Array>(make: (n: number) => T) {
  let data = make(1 << 16);
  return {
    push(i: number, v: number) {
      if (i === data.length) {
        const bigger = make(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[i] = v;
    },
    /** The first n values, in an array of their own. */
    done: (n: number): T => {
      const out = data.slice(0, n) as T;
      data = make(0);
      return out;
    },
  };
}

/** Unit pairs as one number: first·PAIR_BASE + second (2^52 fits in a double exactly). */
export const PAIR_BASE = 2 ** 26;

/** What a unit's analysis becomes once resolution no longer needs it (see releaseAnalyses). */
const RELEASED: AnalyzedName = analyzeName('');

/**
 * Drops the units' analyses once the clusters are known: writing needs the names, identifiers and counts
 * only, and 80k analyses are ~100 MB that would otherwise sit under the write's own peak of memory.
 */
export function releaseAnalyses(set: UnitSet): void {
  for (const u of set.units) u.analyzed = RELEASED;
}

export const ROLES: readonly MentionRole[] = ['shipper', 'consignee', 'notify', 'producer'];

export interface Unit {
  key: string;
  analyzed: AnalyzedName;
  identifier: string | null;
  countries: string[];
  mentions: number;
  /** raw name → mention count */
  names: Map<string, number>;
}

export interface UnitSet {
  units: Unit[];
  mentions: MentionColumns;
  /** Unit pairs [a0, b0, a1, b1, …] named by one declaration in one role (a declaration has one sender, one receiver). */
  declarationEdges: number[];
  /** For each declaration edge, which declaration made it (an ordinal: equal for edges of one declaration). */
  edgeDeclaration: number[];
  /** producer·PAIR_BASE + shipper: unit pairs named on one record (a producer is often the shipper itself). */
  producerShipper: Set<number>;
  /** The unit of a (raw name, identifier) as written in the records. */
  unitOf(raw: string, identifier: string | null, country: string | null): number | undefined;
  /** The legal form found in a raw name (for display). */
  legalOf(raw: string): string | null;
}


/** The unit of a name: names a judgement mentions get units of their own, so a split can hold names that analyze alike apart. */
export function unitKey(analyzedKey: string, identifier: string | null, country: string | null, raw: string, pinned: ReadonlySet<string>): string {
  return `${analyzedKey}#${identifier ?? ''}#${country ?? ''}${pinned.has(raw) ? `#=${raw}` : ''}`;
}

/** A 2-letter country code, or null. */
export function cleanCountry(c: string | null): string | null {
  const t = c?.trim().toUpperCase();
  return t && /^[A-Z]{2}$/.test(t) ? t : null;
}

export function cleanIdentifier(id: string | null): string | null {
  const t = id?.replace(/\s+/g, '').toUpperCase();
  return t && /^[0-9A-Z]{6,}$/.test(t) ? t : null;
}

export function buildUnits(records: Iterable<RecordParties>, pinned: ReadonlySet<string> = new Set(), onProgress?: (n: number) => void): UnitSet {
  // Per distinct raw name: its index, analyzed key ('' when it names nobody or nothing comparable), legal form,
  // and the unit it falls in for each identifier+country seen with it (so most mentions cost two map lookups).
  interface RawInfo {
    idx: number;
    key: string;
    legal: string | null;
    shared: Analysis | null;
    /**
     * identifier+country → slot (a slot is one raw name in one unit; it counts the mentions): the first seen
     * here, any others in a map (most names have one, and 400k maps cost memory).
     */
    firstSub: string;
    firstSlot: number;
    moreSubs: Map<string, number> | null;
    /** The identifier and country last seen with this name, and their slot: most mentions repeat them. */
    lastId: string | null;
    lastCountry: string | null;
    lastSlot: number;
  }
  interface Analysis {
    key: string;
    legal: string | null;
    /** Dropped once no new unit needs it: the units keep the analyses they use. */
    analyzed: AnalyzedName | null;
  }
  const rawInfo = new Map<string, RawInfo>();
  // Spellings that differ only in case, quotes or spacing analyze once (2.5M mentions: ~420k raw names, ~200k keys).
  const byAnalysisKey = new Map<string, Analysis>();
  const rawNames: string[] = [];
  const unitIndex = new Map<string, number>();
  const units: Unit[] = [];
  const recordIds = growable((n) => new Int32Array(n));
  const roles = growable((n) => new Uint8Array(n));
  const slots = growable((n) => new Int32Array(n));
  const unitCol = growable((n) => new Int32Array(n));
  let count = 0;
  const declarationEdges: number[] = [];
  const edgeDeclaration: number[] = [];
  const lastDeclOrdinal: number[] = [-1, -1, -1, -1];
  let declarations = 0;
  const producerShipper = new Set<number>();
  // Lines of one declaration are consecutive: remember the last declaration's unit per role.
  const lastDecl: (string | null)[] = [null, null, null, null];
  const lastUnit: number[] = [-1, -1, -1, -1];
  const slotUnit: number[] = [];
  const slotRaw: number[] = [];
  const slotCount: number[] = [];
  // The last name seen in each role: lines of one declaration repeat their parties.
  const prevRaw: (string | null)[] = [null, null, null, null];
  const prevInfo: (RawInfo | null)[] = [null, null, null, null];
  let n = 0;
  const add = (recordId: number, role: number, raw: string | null, id: string | null, country: string | null, decl: string | null) => {
    if (!raw) return undefined;
    let info = prevRaw[role] === raw ? prevInfo[role]! : rawInfo.get(raw);
    if (!info) {
      let shared: Analysis | undefined;
      if (namesSomebody(raw)) {
        const ak = analysisKey(raw);
        shared = byAnalysisKey.get(ak);
        if (!shared) {
          const a = analyzeKeyed(raw, ak);
          shared = { key: a.tokens.length ? a.key : '', legal: a.legal[0]?.display ?? null, analyzed: a };
          byAnalysisKey.set(ak, shared);
        }
      }
      info = {
        idx: rawNames.length,
        key: shared?.key ?? '',
        legal: shared?.legal ?? null,
        shared: shared ?? null,
        firstSub: '',
        firstSlot: -1,
        moreSubs: null,
        lastId: null,
        lastCountry: null,
        lastSlot: -1,
      };
      rawNames.push(raw);
      rawInfo.set(raw, info);
    }
    prevRaw[role] = raw;
    prevInfo[role] = info;
    if (!info.key) return undefined;
    let slot = info.lastSlot >= 0 && info.lastId === id && info.lastCountry === country ? info.lastSlot : -1;
    if (slot < 0) {
      const sub = id || country ? `${id ?? ''}\u0000${country ?? ''}` : '';
      slot = info.firstSlot >= 0 && info.firstSub === sub ? info.firstSlot : (info.moreSubs?.get(sub) ?? -1);
      if (slot < 0) slot = newSlot(info, raw, sub, id, country);
      info.lastId = id;
      info.lastCountry = country;
      info.lastSlot = slot;
    }
    const u = slotUnit[slot]!;
    slotCount[slot]!++;
    units[u]!.mentions++;
    recordIds.push(count, recordId);
    roles.push(count, role);
    slots.push(count, slot);
    unitCol.push(count, u);
    count++;
    if (decl && role !== 3) {
      if (lastDecl[role] !== decl) lastDeclOrdinal[role] = declarations++;
      else if (lastUnit[role] !== u) {
        declarationEdges.push(lastUnit[role]!, u);
        edgeDeclaration.push(lastDeclOrdinal[role]!);
      }
      lastDecl[role] = decl;
      lastUnit[role] = u;
    }
    return u;
  };
  const newSlot = (info: RawInfo, raw: string, sub: string, id: string | null, country: string | null): number => {
    let u: number | undefined;
    {
      const identifier = cleanIdentifier(id);
      const c = cleanCountry(country);
      // Country is part of the unit: one spelling used by two companies in two countries stays two units.
      const key = unitKey(info.key, identifier, c, raw, pinned);
      u = unitIndex.get(key);
      if (u === undefined) {
        u = units.length;
        unitIndex.set(key, u);
        const analyzed = info.shared?.analyzed ?? analyzeKeyed(raw, analysisKey(raw));
        units.push({ key, analyzed, identifier, countries: c ? [c] : [], mentions: 0, names: new Map() });
        if (info.shared) info.shared.analyzed = analyzed;
      } else if (info.shared && info.shared.analyzed !== units[u]!.analyzed) {
        // The analysis is kept only by the units that need it (a later unit of this spelling analyzes again).
        info.shared.analyzed = null;
      }
    }
    const slot = slotUnit.length;
    slotUnit.push(u);
    slotRaw.push(info.idx);
    slotCount.push(0);
    if (info.firstSlot < 0) {
      info.firstSub = sub;
      info.firstSlot = slot;
    } else (info.moreSubs ??= new Map()).set(sub, slot);
    return slot;
  };
  for (const r of records) {
    const decl = r.declarationNo?.trim() || null;
    const shipper = add(r.id, 0, r.shipper, r.shipperId, r.shipperCountry, decl);
    add(r.id, 1, r.consignee, r.consigneeId, r.consigneeCountry, decl);
    add(r.id, 2, r.notify, null, null, decl);
    const producer = add(r.id, 3, r.producer, null, null, null);
    if (producer !== undefined && shipper !== undefined && producer !== shipper) producerShipper.add(producer * PAIR_BASE + shipper);
    if (++n % 50_000 === 0) onProgress?.(n);
  }
  byAnalysisKey.clear();
  // What outlives the reading, per raw name: its index, analysis key and legal form. The reading state
  // (first and last identifiers seen, analyses the units did not keep) is ~100 MB at 1M records.
  const rawIndex = new Map<string, number>();
  const keyOfRaw: string[] = new Array<string>(rawNames.length);
  const legalOfRaw: (string | null)[] = new Array<string | null>(rawNames.length);
  for (const [raw, info] of rawInfo) {
    rawIndex.set(raw, info.idx);
    keyOfRaw[info.idx] = info.key;
    legalOfRaw[info.idx] = info.legal;
  }
  rawInfo.clear();
  prevInfo.fill(null);
  const mentions: MentionColumns = {
    recordId: recordIds.done(count),
    role: roles.done(count),
    slot: slots.done(count),
    unit: unitCol.done(count),
    slotRaw: Int32Array.from(slotRaw),
    slotUnit: Int32Array.from(slotUnit),
    rawNames,
  };
  // Each unit's raw names and their mentions, in the order they were first seen.
  for (let s = 0; s < slotUnit.length; s++) {
    const names = units[slotUnit[s]!]!.names;
    const raw = rawNames[slotRaw[s]!]!;
    names.set(raw, (names.get(raw) ?? 0) + slotCount[s]!);
  }
  return {
    units,
    mentions,
    declarationEdges,
    edgeDeclaration,
    producerShipper,
    legalOf: (raw) => {
      const i = rawIndex.get(raw);
      return i === undefined ? null : legalOfRaw[i]!;
    },
    unitOf: (raw, identifier, country) => {
      const i = rawIndex.get(raw);
      if (i === undefined || !keyOfRaw[i]) return undefined;
      const u = unitIndex.get(unitKey(keyOfRaw[i], cleanIdentifier(identifier), cleanCountry(country), raw, pinned));
      // Only a unit this spelling was seen in (another spelling may have made a unit of that key).
      return u !== undefined && units[u]!.names.has(raw) ? u : undefined;
    },
  };
}
