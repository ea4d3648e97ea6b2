/**
 * The first half of resolving: read every record's parties into mention
 * columns. Each distinct raw name gets an index and each (raw name,
 * identifier, country) as written a "slot"; mentions point at slots. New
 * names and slots go out in batches to the name side (resolve/name-side.ts), which
 * analyzes them into units meanwhile; on a big case the reading runs in a
 * thread of its own (mention-thread.ts), so that the two overlap.
 */
import type { RecordParties } from '../../db/mentions';
import { isCutShort, looksCut } from '../../../../shared/names';
import { cleanCountry, cleanIdentifier, namesSomebody } from './party-fields';
import { growable } from './growable';

/**
 * Names and slots first seen since the last batch. A slot is one raw name with one identifier and country
 * (cleaned), so it falls in exactly one unit, and a mention's name row is its slot's.
 */
export interface SlotBatch {
  /** New raw names, in index order. */
  names: string[];
  slotRaw: number[];
  slotIdentifier: (string | null)[];
  slotCountry: (string | null)[];
  /** The declaration (an ordinal) a cut-short name was read in, or -1 (see readMentions). */
  slotContext: number[];
}

/** What the name side needs beyond the batches, once all records are read (slot numbers throughout). */
export interface SlotFacts {
  /** Mentions per slot. */
  slotCount: Int32Array;
  /** Slot pairs [a0, b0, a1, b1, …] named by one declaration in one role (a declaration has one sender, one receiver). */
  declarationEdges: Int32Array;
  /** For each declaration edge, which declaration made it (an ordinal: equal for edges of one declaration). */
  edgeDeclaration: Int32Array;
  /** producer·PAIR_BASE + shipper: slot pairs named on one record (a producer is often the shipper itself). */
  producerShipper: Float64Array;
}

/**
 * All mentions, column by column (2.5M mention objects would not fit the memory budget): mention i is record
 * recordId[i], role MENTION_ROLES[role[i]], written as slot slot[i] (see SlotTable).
 */
export interface MentionRows {
  recordId: Int32Array;
  role: Uint8Array;
  slot: Int32Array;
}

/** The names and slots of the batches, put together: slot s is raw name rawNames[slotRaw[s]] with slotIdentifier[s] and slotCountry[s]. */
export class SlotTable {
  readonly rawNames: string[] = [];
  readonly slotRaw: number[] = [];
  readonly slotIdentifier: (string | null)[] = [];
  readonly slotCountry: (string | null)[] = [];
  readonly slotContext: number[] = [];

  add(batch: SlotBatch): void {
    for (const n of batch.names) this.rawNames.push(n);
    for (let i = 0; i < batch.slotRaw.length; i++) {
      this.slotRaw.push(batch.slotRaw[i]!);
      this.slotIdentifier.push(batch.slotIdentifier[i]!);
      this.slotCountry.push(batch.slotCountry[i]!);
      this.slotContext.push(batch.slotContext[i]!);
    }
  }
}

/** Unit or slot pairs as one number: first·PAIR_BASE + second (2^52 fits in a double exactly). */
export const PAIR_BASE = 2 ** 26;

/** Records read between two batches: small enough that the name side starts early, big enough to cost nothing. */
const BATCH_RECORDS = 8192;

/** Lines of one declaration looked at together, at most (a declaration has 1–5 lines, rarely hundreds). */
const MAX_GROUP = 1000;

/** The party fields a declaration has one of: shipper, consignee, notify (roles 0–2; producers vary by line). */
const DECLARATION_ROLES = 3;
const partyOf = (r: RecordParties, role: number): string | null =>
  role === 0 ? r.shipper : role === 1 ? r.consignee : r.notify;

export function readMentions(
  records: Iterable<RecordParties>,
  onBatch: (batch: SlotBatch) => void,
  onProgress?: (records: number) => void,
): { rows: MentionRows; facts: SlotFacts } {
  // Per raw name as read: its index, or -1 when it names nobody (kept column-wise: 400k small objects and a
  // second map at the end would cost ~50 MB).
  const rawIndex = new Map<string, number>();
  const rawNames: string[] = [];
  // Per name index, the slots it was seen in: cleaned identifier\0country → slot, the first seen here and
  // any others in a map (most names have one); and the last identifier, country and slot (most mentions repeat them).
  const firstSub: string[] = [];
  const firstSlot: number[] = [];
  const moreSubs = new Map<number, Map<string, number>>();
  const lastId: (string | null)[] = [];
  const lastCountry: (string | null)[] = [];
  const lastContext: number[] = [];
  const lastSlot: number[] = [];
  const recordIds = growable((n) => new Int32Array(n));
  const roles = growable((n) => new Uint8Array(n));
  const slots = growable((n) => new Int32Array(n));
  const slotRaw: number[] = [];
  const slotIdentifier: (string | null)[] = [];
  const slotCountry: (string | null)[] = [];
  const slotContext: number[] = [];
  const edges = growable((n) => new Int32Array(n));
  const edgeDeclaration = growable((n) => new Int32Array(n));
  const producerShipper = new Set<number>();
  let sentNames = 0;
  let sentSlots = 0;
  const flush = () => {
    if (sentNames === rawNames.length && sentSlots === slotRaw.length) return;
    onBatch({
      names: rawNames.slice(sentNames),
      slotRaw: slotRaw.slice(sentSlots),
      slotIdentifier: slotIdentifier.slice(sentSlots),
      slotCountry: slotCountry.slice(sentSlots),
      slotContext: slotContext.slice(sentSlots),
    });
    sentNames = rawNames.length;
    sentSlots = slotRaw.length;
  };

  // Lines of one declaration are consecutive: remember the last declaration and slot per role.
  const lastDecl: (string | null)[] = [null, null, null, null];
  const lastDeclOrdinal = [-1, -1, -1, -1];
  const declSlot = [-1, -1, -1, -1];
  let declarations = 0;
  // The last name seen in each role: lines of one declaration repeat their parties.
  const prevRaw: (string | null)[] = [null, null, null, null];
  const prevIdx = [-1, -1, -1, -1];

  const newSlot = (
    idx: number,
    sub: string,
    identifier: string | null,
    country: string | null,
    context: number,
  ): number => {
    const slot = slotRaw.length;
    slotRaw.push(idx);
    slotIdentifier.push(identifier);
    slotCountry.push(country);
    slotContext.push(context);
    if (firstSlot[idx]! < 0) {
      firstSub[idx] = sub;
      firstSlot[idx] = slot;
    } else (moreSubs.get(idx) ?? moreSubs.set(idx, new Map()).get(idx)!).set(sub, slot);
    return slot;
  };

  /** Records one mention; returns its slot, or -1 when the field names nobody. context: see below. */
  const add = (
    recordId: number,
    role: number,
    raw: string | null,
    id: string | null,
    country: string | null,
    decl: string | null,
    context = -1,
  ): number => {
    if (!raw) return -1;
    let idx = prevRaw[role] === raw ? prevIdx[role]! : rawIndex.get(raw);
    if (idx === undefined) {
      idx = -1;
      if (namesSomebody(raw)) {
        idx = rawNames.length;
        rawNames.push(raw);
        firstSub.push('');
        firstSlot.push(-1);
        lastId.push(null);
        lastCountry.push(null);
        lastContext.push(-1);
        lastSlot.push(-1);
      }
      rawIndex.set(raw, idx);
    }
    prevRaw[role] = raw;
    prevIdx[role] = idx;
    if (idx < 0) return -1;
    let slot =
      lastSlot[idx]! >= 0 && lastId[idx] === id && lastCountry[idx] === country && lastContext[idx] === context
        ? lastSlot[idx]!
        : -1;
    if (slot < 0) {
      // Slots are told apart by the cleaned identifier and country: an INN written with or without spaces is one slot.
      const cleanId = cleanIdentifier(id);
      const cleanC = cleanCountry(country);
      const sub =
        cleanId || cleanC || context >= 0
          ? `${cleanId ?? ''}\u0000${cleanC ?? ''}${context >= 0 ? `\u0000${context}` : ''}`
          : '';
      slot = firstSlot[idx]! >= 0 && firstSub[idx] === sub ? firstSlot[idx]! : (moreSubs.get(idx)?.get(sub) ?? -1);
      if (slot < 0) slot = newSlot(idx, sub, cleanId, cleanC, context);
      lastId[idx] = id;
      lastCountry[idx] = country;
      lastContext[idx] = context;
      lastSlot[idx] = slot;
    }
    recordIds.push(recordId);
    roles.push(role);
    slots.push(slot);
    if (decl && role !== 3) {
      if (lastDecl[role] !== decl) lastDeclOrdinal[role] = declarations++;
      else if (declSlot[role] !== slot) {
        edges.push(declSlot[role]!);
        edges.push(slot);
        edgeDeclaration.push(lastDeclOrdinal[role]!);
      }
      lastDecl[role] = decl;
      declSlot[role] = slot;
    }
    return slot;
  };

  let n = 0;
  const read = (r: RecordParties, decl: string | null, context: readonly number[]) => {
    const shipper = add(r.id, 0, r.shipper, r.shipperId, r.shipperCountry, decl, context[0]);
    add(r.id, 1, r.consignee, r.consigneeId, r.consigneeCountry, decl, context[1]);
    add(r.id, 2, r.notify, null, null, decl, context[2]);
    const producer = add(r.id, 3, r.producer, null, null, null);
    if (producer >= 0 && shipper >= 0 && producer !== shipper) producerShipper.add(producer * PAIR_BASE + shipper);
    if (++n % BATCH_RECORDS === 0) {
      onProgress?.(n);
      flush();
    }
  };

  // A name cut short by a customs system (АО «УЛАН-УДЭНСКИЙ) may fit two companies, but on a line of a
  // declaration that names its party in full on another line it is that party. Such a cut name gets a slot
  // (and so a unit) of its own per declaration, decided by the declaration rather than pooled with the same
  // cut text of every other declaration. (Whether a raw name is cut, remembered: a name ending in its legal
  // form was not, whatever its length.)
  const cutNames = new Map<string, boolean>();
  const isCut = (raw: string | null): boolean => {
    if (!raw || !looksCut(raw)) return false;
    let cut = cutNames.get(raw);
    if (cut === undefined) cutNames.set(raw, (cut = isCutShort(raw)));
    return cut;
  };
  const group: RecordParties[] = [];
  let groupDecl: string | null = null;
  let contexts = 0;
  const lineContext = [-1, -1, -1];
  const readGroup = () => {
    // Roles in which the declaration has a cut name on one line and a whole one on another.
    let cutRoles = 0;
    if (group.length > 1)
      for (let role = 0; role < DECLARATION_ROLES; role++) {
        if (!group.some((r) => isCut(partyOf(r, role)))) continue;
        if (group.some((r) => !isCut(partyOf(r, role)) && namesSomebody(partyOf(r, role)))) cutRoles |= 1 << role;
      }
    const ordinal = cutRoles ? contexts++ : -1;
    for (const r of group) {
      for (let role = 0; role < DECLARATION_ROLES; role++)
        lineContext[role] = cutRoles & (1 << role) && isCut(partyOf(r, role)) ? ordinal : -1;
      read(r, groupDecl, lineContext);
    }
    group.length = 0;
  };
  for (const r of records) {
    const decl = r.declarationNo?.trim() || null;
    if (decl !== groupDecl || !decl || group.length === MAX_GROUP) {
      readGroup();
      groupDecl = decl;
    }
    group.push(r);
  }
  readGroup();
  flush();

  const counts = new Int32Array(slotRaw.length);
  const slotOf = slots.done();
  for (let i = 0; i < slotOf.length; i++) counts[slotOf[i]!]!++;
  return {
    rows: { recordId: recordIds.done(), role: roles.done(), slot: slotOf },
    facts: {
      slotCount: counts,
      declarationEdges: edges.done(),
      edgeDeclaration: edgeDeclaration.done(),
      producerShipper: Float64Array.from(producerShipper),
    },
  };
}
