import { getEntity } from '../db/entities';
import { anchoredEntity } from '../db/entity-anchors';
import type { ReadDb } from '../db/types';

/** An entity as it is now: in use, not folded into another. */
export interface LiveEntity {
  id: number;
  name: string;
  country: string | null;
  mentions: number;
}

/** Longer merge chains than this are a loop in damaged data, not history. */
const MAX_HOPS = 64;

/**
 * Finds, for an entity id stored on a node or link, the entity it is today:
 * - itself, while it is in use;
 * - else the entity its anchor mention is in now (db/entity-anchors.ts): an
 *   entity merged away follows its names to the survivor, and one that left
 *   the case and came back under another id is found again;
 * - else the end of its `merged_into` chain (no anchor, or its record is gone);
 * - else null: the entity is gone from the case, and the node shows it as removed.
 * One resolver per computation: it remembers what it looked up.
 */
export function liveEntities(db: ReadDb): (storedId: number) => LiveEntity | null {
  const cache = new Map<number, LiveEntity | null>();
  const inUse = (id: number): LiveEntity | null => {
    const e = getEntity(db, id);
    return e && e.mergedInto === null && e.mentionCount > 0
      ? { id: e.id, name: e.name, country: e.country, mentions: e.mentionCount }
      : null;
  };
  const find = (storedId: number): LiveEntity | null => {
    const self = inUse(storedId);
    if (self) return self;
    const anchored = anchoredEntity(db, storedId);
    const viaAnchor = anchored === null ? null : inUse(anchored);
    if (viaAnchor) return viaAnchor;
    let id: number | null = storedId;
    for (let hop = 0; hop < MAX_HOPS && id !== null; hop++) {
      const e = getEntity(db, id);
      if (!e) return null;
      if (e.mergedInto === null) return inUse(e.id);
      id = e.mergedInto;
    }
    return null;
  };
  return (storedId) => {
    if (!cache.has(storedId)) cache.set(storedId, find(storedId));
    return cache.get(storedId)!;
  };
}
