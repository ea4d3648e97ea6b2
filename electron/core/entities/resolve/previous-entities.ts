/**
 * Entity ids kept stable across resolves: which entities of the previous
 * run each unit's mentions had, so that a cluster keeps the id most of its
 * mentions had before; failing that (the id went to a bigger cluster), an
 * id its names had before a merge moved them, if that entity is empty now.
 * An id no cluster keeps leads to where most of its mentions went.
 */
import { judgementEffects } from '../../db/judgements';
import { previousNameEntities } from '../../db/mention-names';
import type { ReadDb } from '../../db/types';
import type { SlotTable } from '../mentions/mention-reader';
import type { NameResolution } from './name-side';

/**
 * What an undone judgement had moved, for the resolve that undoes it when it cannot be undone in place
 * (entities/review/undo.ts): each name it moved votes for the entity it came from, not the one it was moved
 * to, so that entity comes back under its id (a merge moves the smaller entity's names into the bigger, whose
 * cluster would otherwise keep the id and leave them a new one); and an entity it created (a split) leads
 * back to where its names came from.
 */
export interface Homecoming {
  /** nameKey → the entity the name came from. */
  names: ReadonlyMap<string, number>;
  /** An entity the judgement created → the entity its names came from. */
  leadsTo: ReadonlyMap<number, number>;
}

export const nameKey = (raw: string, identifier: string | null, country: string | null) =>
  `${raw}\u0000${identifier ?? ''}\u0000${country ?? ''}`;

type Votes = Map<number, Map<number, number>>;

function addVote(votes: Votes, key: number, entity: number, n: number): void {
  const m = votes.get(key) ?? votes.set(key, new Map()).get(key)!;
  m.set(entity, (m.get(entity) ?? 0) + n);
}

/** The entity with most votes of those `ok` allows (ties: the first voted). */
function mostVoted(votes: Map<number, number>, ok: (e: number) => boolean): number | undefined {
  let best: number | undefined;
  let most = 0;
  for (const [e, n] of votes) if (n > most && ok(e)) [best, most] = [e, n];
  return best;
}

/** Which previous id each cluster of this run keeps, and where the ids none keeps lead. Clusters ask biggest first. */
export class KeptIds {
  /** unit → previous entity → mentions. */
  private readonly previous: Votes = new Map();
  /** unit → entity its names were in before a judgement moved them → mentions. */
  private readonly former: Votes = new Map();
  /** Entities some unit's mentions had in the previous run. */
  private readonly voted = new Set<number>();
  private readonly taken = new Set<number>();
  /** previous entity → entity of this run → mentions. */
  private readonly wentTo: Votes = new Map();

  constructor(
    db: ReadDb,
    slots: SlotTable,
    res: NameResolution,
    private readonly existing: ReadonlySet<number>,
    private readonly homecoming?: Homecoming,
  ) {
    const home = homecoming?.names.size ? homecoming.names : null;
    const formerOf = new Map<string, Set<number>>();
    for (const effect of judgementEffects(db))
      for (const m of effect.moved) {
        const k = nameKey(m.raw, m.identifier, m.country);
        (formerOf.get(k) ?? formerOf.set(k, new Set()).get(k)!).add(m.from);
      }
    const slotOf = slotFinder(slots);
    for (const [id, raw, identifier, country, was, n] of previousNameEntities(db)) {
      const s = slotOf(id, raw, identifier, country);
      const u = s === undefined ? -1 : res.slotUnit[s]!;
      if (u < 0) continue;
      const key = home || formerOf.size ? nameKey(raw, identifier, country) : '';
      const entity = home?.get(key) ?? was;
      addVote(this.previous, u, entity, n);
      this.voted.add(entity);
      for (const f of formerOf.get(key) ?? []) addVote(this.former, u, f, n);
    }
  }

  /**
   * The id a cluster keeps: the previous entity most of its mentions had, unless a bigger cluster kept it; else an
   * entity its names were in before a merge moved them, if no mention had it in the previous run (a merge undone by
   * resolving again gives the merged-away entity its id back). Undefined: a new id.
   */
  choose(units: readonly number[]): number | undefined {
    const sum = (votes: Votes) => {
      const all = new Map<number, number>();
      for (const u of units) for (const [e, n] of votes.get(u) ?? []) all.set(e, (all.get(e) ?? 0) + n);
      return all;
    };
    const free = (e: number) => this.existing.has(e) && !this.taken.has(e);
    return mostVoted(sum(this.previous), free) ?? mostVoted(sum(this.former), (e) => free(e) && !this.voted.has(e));
  }

  /** A cluster was written under `id`. */
  took(units: readonly number[], id: number): void {
    this.taken.add(id);
    for (const u of units) for (const [e, n] of this.previous.get(u) ?? []) addVote(this.wentTo, e, id, n);
  }

  isTaken(id: number): boolean {
    return this.taken.has(id);
  }

  /** Where an entity no cluster kept leads: where most of its mentions went (a split's undone new entity: back home). */
  leadsTo(entity: number): number | null {
    const most = mostVoted(this.wentTo.get(entity) ?? new Map(), () => true);
    if (most !== undefined) return most;
    const home = this.homecoming?.leadsTo.get(entity);
    return home !== undefined && this.taken.has(home) ? home : null;
  }
}

/** The slot of a previous name row in this run (or undefined: a name no record writes any more). */
function slotFinder(
  slots: SlotTable,
): (id: number, raw: string, identifier: string | null, country: string | null) => number | undefined {
  // Slots are numbered in the order the records first name them, so over the same records a previous name
  // row (id: slot + 1) is this run's slot of that id; only names that moved are looked up (maps built then).
  const sameSlot = (id: number, raw: string, identifier: string | null, country: string | null) => {
    const s = id - 1;
    return (
      s < slots.slotRaw.length &&
      slots.slotIdentifier[s] === identifier &&
      slots.slotCountry[s] === country &&
      slots.rawNames[slots.slotRaw[s]!] === raw
    );
  };
  const slotKey = (raw: number, identifier: string | null, country: string | null) =>
    `${raw}\u0000${identifier ?? ''}\u0000${country ?? ''}`;
  let lookup: { rawIndex: Map<string, number>; slotOf: Map<string, number> } | null = null;
  return (id, raw, identifier, country) => {
    if (sameSlot(id, raw, identifier, country)) return id - 1;
    lookup ??= {
      rawIndex: new Map(slots.rawNames.map((r, i) => [r, i])),
      slotOf: new Map(slots.slotRaw.map((r, s) => [slotKey(r, slots.slotIdentifier[s]!, slots.slotCountry[s]!), s])),
    };
    const r = lookup.rawIndex.get(raw);
    return r === undefined ? undefined : lookup.slotOf.get(slotKey(r, identifier, country));
  };
}
