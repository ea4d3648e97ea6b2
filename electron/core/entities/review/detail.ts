/** What the entity page and the review queue show: names, identifiers, trade picture, evidence side by side. */
import type { EntityDetail, ReviewPair, ReviewSide } from '../../../../shared/domain/entities';
import { CustodianError } from '../../../../shared/result';
import { getEntity, survivorOf } from '../../db/entities';
import {
  counterparties,
  counterpartyIds,
  entityCountries,
  entityRoles,
  exampleRecords,
  timeline,
} from '../../db/entity-activity';
import { getEntityNames } from '../../db/entity-names';
import { listReviewQueue, type QueuePlace } from '../../db/review-queue';
import type { ReadDb } from '../../db/types';

/** An entity's page; an id merged away answers the entity it leads to (its survivor), saying so in `followedFrom`. */
export function entityDetail(db: ReadDb, asked: number): EntityDetail {
  const id = survivorOf(db, asked);
  const e = id === null ? null : getEntity(db, id);
  if (id === null || !e) throw new CustodianError('not_found', `There is no entity ${asked} in this case.`);
  const names = getEntityNames(db, id);
  return {
    id: e.id,
    followedFrom: id === asked ? null : asked,
    name: e.name,
    nameEdited: e.nameEdited,
    country: e.country,
    aliases: names.map((n) => n.name).filter((n) => n !== e.name),
    mentions: e.mentionCount,
    identifiers: e.identifiers,
    names,
    countries: entityCountries(db, id),
    roles: entityRoles(db, id),
    counterparties: counterparties(db, id),
    timeline: timeline(db, id),
  };
}

function side(db: ReadDb, id: number): ReviewSide & { counterpartyIds: number[] } {
  const e = getEntity(db, id)!;
  const cps = counterpartyIds(db, id);
  return {
    entityId: id,
    name: e.name,
    names: getEntityNames(db, id)
      .slice(0, 12)
      .map((n) => n.name),
    identifiers: e.identifiers,
    countries: entityCountries(db, id),
    mentions: e.mentionCount,
    counterparties: cps.slice(0, 8).map((c) => c.name),
    counterpartyIds: cps.map((c) => c.id),
    examples: exampleRecords(db, id, 3),
  };
}

/** The queue from its top, or from a place in its order (`from`: at or after it). */
export function reviewPairs(db: ReadDb, limit: number, offset: number, from?: QueuePlace): ReviewPair[] {
  return listReviewQueue(db, limit, offset, from).map((q) => {
    const { counterpartyIds: ca, ...a } = side(db, q.entityA);
    const { counterpartyIds: cb, ...b } = side(db, q.entityB);
    const shared = ca.filter((x) => cb.includes(x));
    const sharedNames = counterpartyIds(db, q.entityA)
      .filter((c) => shared.includes(c.id))
      .map((c) => c.name);
    return {
      id: q.id,
      position: q.position,
      score: q.score,
      reasons: q.reasons,
      compared: q.names,
      a,
      b,
      sharedCounterparties: sharedNames.slice(0, 8),
      unsure: q.unsure,
    };
  });
}
