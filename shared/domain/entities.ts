/** Companies behind the records: entities, the mentions that name them, and the investigator's judgements. */

export const MENTION_ROLES = ['shipper', 'consignee', 'notify', 'producer'] as const;
export type MentionRole = (typeof MENTION_ROLES)[number];

export type Decision = 'same' | 'not_same' | 'unsure';

/** How a mention came to belong to its entity. */
export type DecidedBy = 'auto' | 'identifier' | 'declaration' | 'judgement';

export interface ResolveSummary {
  entities: number;
  mentions: number;
  /** Name groups merged automatically (by name score, identifier or declaration). */
  autoMerged: number;
  /** Entity pairs waiting in the review queue. */
  toReview: number;
  /** Judgements applied (never overridden by the automatic run). */
  judgementsApplied: number;
  seconds: number;
}

/** What undoing a judgement did. */
export interface UndoSummary {
  judgementId: number;
  /**
   * 'local': what the judgement changed was put back as it was (names to the entities they came from, under the
   * same ids, and the review queue's pairs); 'resolved': that could no longer be done exactly (the case was resolved
   * since, or a later decision changed the same entities), so the case was resolved again without it (`resolve`).
   */
  how: 'local' | 'resolved';
  /** The entities whose names the undo moved (a local undo). */
  entities: number[];
  resolve: ResolveSummary | null;
  seconds: number;
}

export interface EntitySummary {
  id: number;
  name: string;
  country: string | null;
  aliases: string[];
  mentions: number;
  identifiers: string[];
}

/** What a merge or split did: the entity it leaves (the merged one, or the one split off) and the judgement that undoes it. */
export interface EntityChange {
  entity: EntitySummary;
  judgementId: number;
}

export interface EntityName {
  name: string;
  scripts: string[];
  mentions: number;
  legalForm: string | null;
}

/**
 * One company an entity trades with, both directions in one row: the records
 * where one is the shipper and the other the consignee (records.list with
 * `entityId` and `counterpartyId` lists exactly them).
 */
export interface Counterparty {
  entityId: number;
  name: string;
  country: string | null;
  /** Records where the entity shipped to the counterparty. */
  sent: number;
  /** Records where the entity received from the counterparty. */
  received: number;
  /** sent + received: every record behind the row. */
  count: number;
  valueUsd: number;
  /** ISO dates (yyyy-mm-dd) of the first and last of those records. */
  firstDate: string | null;
  lastDate: string | null;
  /** HS chapters (2 digits) of those records, the most frequent first. */
  hsChapters: string[];
}

export interface EntityDetail extends EntitySummary {
  /** The id asked for, when that entity was merged away: this is the entity it leads to (its survivor); else null. */
  followedFrom: number | null;
  nameEdited: boolean;
  names: EntityName[];
  countries: string[];
  roles: Record<string, number>;
  /** Everyone it trades with, most records first. */
  counterparties: Counterparty[];
  /**
   * Records naming it (any role) per month (yyyy-mm), every month from the first to the last, months without
   * records included (count 0): the gaps in its trade are part of its story.
   */
  timeline: { month: string; count: number; valueUsd: number }[];
}

export interface MentionRow {
  recordId: number;
  importId: number;
  row: number;
  role: MentionRole;
  rawName: string;
  entityId: number | null;
  identifier: string | null;
  country: string | null;
  decidedBy: DecidedBy;
}

export interface ReviewSide {
  entityId: number;
  name: string;
  names: string[];
  identifiers: string[];
  countries: string[];
  mentions: number;
  counterparties: string[];
  /** A few records naming it: id, importId, row, date, role, raw name, description. */
  examples: {
    recordId: number;
    importId: number;
    row: number;
    date: string | null;
    role: string;
    rawName: string;
    description: string | null;
  }[];
}

export interface ReviewPair {
  id: number;
  /** Its place in the queue's order, from 1 (pairs marked unsure last, then by score, best first). */
  position: number;
  /** The scorer's score for the two names compared (`compared`), with what each entity carries: countries, identifiers, legal form. */
  score: number;
  /** The scorer's reasons, then why the pair was not merged automatically. */
  reasons: string[];
  /** The spelling of each side whose likeness put the pair in the queue; null for a pair queued without one. */
  compared: { a: string; b: string } | null;
  a: ReviewSide;
  b: ReviewSide;
  /** Counterparties both trade with. */
  sharedCounterparties: string[];
  unsure: boolean;
}

export interface Judgement {
  id: number;
  decision: Decision;
  namesA: string[];
  namesB: string[];
  actor: string;
  at: string;
  note: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface NamePairScore {
  score: number;
  match: boolean;
  reasons: string[];
}
