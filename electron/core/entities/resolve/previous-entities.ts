/**
 * Entity ids kept stable across resolves: which entities of the previous
 * run each unit's mentions had, so that a cluster keeps the id most of its
 * mentions had before.
 */
import { previousNameEntities } from '../../db/mention-names';
import type { ReadDb } from '../../db/types';
import type { SlotTable } from '../mentions/mention-reader';
import type { NameResolution } from './name-side';

/** Previous run: unit → (entity → mentions), read through the names as written. */
export function previousVotes(db: ReadDb, slots: SlotTable, res: NameResolution): Map<number, Map<number, number>> {
  const previous = new Map<number, Map<number, number>>();
  const rows = previousNameEntities(db);
  // Slots are numbered in the order the records first name them, so over the same records a previous name
  // row (id: slot + 1) is this run's slot of that id; only names that moved are looked up (maps built then).
  const sameSlot = (id: number, raw: string, identifier: string | null, country: string | null) => {
    const s = id - 1;
    return s < slots.slotRaw.length && slots.slotIdentifier[s] === identifier && slots.slotCountry[s] === country && slots.rawNames[slots.slotRaw[s]!] === raw;
  };
  const slotKey = (raw: number, identifier: string | null, country: string | null) => `${raw}\u0000${identifier ?? ''}\u0000${country ?? ''}`;
  let lookup: { rawIndex: Map<string, number>; slotOf: Map<string, number> } | null = null;
  const slotOf = (raw: string, identifier: string | null, country: string | null): number | undefined => {
    lookup ??= {
      rawIndex: new Map(slots.rawNames.map((r, i) => [r, i])),
      slotOf: new Map(slots.slotRaw.map((r, s) => [slotKey(r, slots.slotIdentifier[s]!, slots.slotCountry[s]!), s])),
    };
    const r = lookup.rawIndex.get(raw);
    return r === undefined ? undefined : lookup.slotOf.get(slotKey(r, identifier, country));
  };
  for (const [id, raw, identifier, country, entity, n] of rows) {
    const s = sameSlot(id, raw, identifier, country) ? id - 1 : slotOf(raw, identifier, country);
    const u = s === undefined ? -1 : res.slotUnit[s]!;
    if (u < 0) continue;
    const m = previous.get(u) ?? previous.set(u, new Map()).get(u)!;
    m.set(entity, (m.get(entity) ?? 0) + n);
  }
  return previous;
}
