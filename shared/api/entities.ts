import { z } from 'zod';
import { job, method } from './define';
import type {
  EntityChange,
  EntityDetail,
  EntitySummary,
  Judgement,
  MentionRow,
  NamePairScore,
  ResolveSummary,
  ReviewPair,
  UndoSummary,
} from '../domain/entities';
import type { EntityDocumentMention } from '../domain/documents';

const id = z.number().int().positive();
const page = {
  limit: z.number().int().positive().max(10_000_000).default(200),
  offset: z.number().int().min(0).default(0),
};
const decision = z.enum(['same', 'not_same', 'unsure']);

export const entitiesApi = {
  /** Groups every party mention into entities; the investigator's judgements are kept. */
  'entities.resolve': job<ResolveSummary>()(z.object({}), { mutates: true }),
  'entities.list': method<EntitySummary[]>()(z.object({ query: z.string().optional(), ...page }), { mutates: false }),
  'entities.count': method<number>()(z.object({ query: z.string().optional() }), { mutates: false }),
  /** Writes the entities list (all, or those the query finds, in the list's order) as CSV to `path`. */
  'entities.exportCsv': method<{ file: string; rows: number }>()(
    z.object({ query: z.string().optional(), path: z.string().min(1).max(4096) }),
    { mutates: false },
  ),
  /** An entity; one merged away answers the entity it was merged into (`followedFrom` says so). */
  'entities.get': method<EntityDetail>()(z.object({ id }), { mutates: false }),
  /** The document pages where any of the entity's names is written ("mentioned in"). */
  'entities.documents': method<EntityDocumentMention[]>()(z.object({ id }), { mutates: false }),
  /** Sets the canonical name; a later resolve keeps it. */
  'entities.rename': method<EntitySummary>()(z.object({ id, name: z.string().trim().min(1).max(500) }), {
    mutates: true,
  }),
  /**
   * Manual merge: a "same" judgement between the entities, applied now and by every later resolve (`judgements.undo`
   * undoes it). The entity with most mentions keeps its id; the others lead to it (`entities.get`).
   */
  'entities.merge': method<EntityChange>()(
    z.object({ ids: z.array(id).min(2).max(100), note: z.string().max(2000).default('') }),
    { mutates: true },
  ),
  /** Manual split: the given names leave the entity for a new one (`entity`), with a "not the same" judgement. */
  'entities.split': method<EntityChange>()(
    z.object({ id, names: z.array(z.string().min(1)).min(1), note: z.string().max(2000).default('') }),
    { mutates: true },
  ),
  'mentions.list': method<MentionRow[]>()(z.object({ entityId: id.optional(), recordId: id.optional(), ...page }), {
    mutates: false,
  }),
  /**
   * The queue in its order (`ReviewPair.position`); with `from`, the pairs at or after that place (a pair's `unsure`,
   * `score` and `id`): where to go on after a decision, which takes its pair out of the way (or marks it unsure, to the back).
   */
  'review.list': method<ReviewPair[]>()(
    z.object({
      limit: z.number().int().positive().max(1000).default(50),
      offset: z.number().int().min(0).default(0),
      from: z.object({ unsure: z.boolean(), score: z.number(), id }).optional(),
    }),
    { mutates: false },
  ),
  'review.count': method<number>()(z.object({}), { mutates: false }),
  /** The investigator's decision on a queued pair (or any two entities). */
  'review.decide': method<{ judgementId: number; mergedInto: number | null }>()(
    z.object({ entityA: id, entityB: id, decision, note: z.string().max(2000).default('') }),
    { mutates: true },
  ),
  'judgements.list': method<Judgement[]>()(z.object({ includeRevoked: z.boolean().default(false) }), {
    mutates: false,
  }),
  /**
   * Undoes a merge, split or decision in place, at once: the judgement is revoked (kept, marked) and what it changed
   * is put back, ids included. Refused with `needs_resolve` where that can no longer be done exactly (entities were
   * resolved again since, or a later decision changed the same entities): `judgements.undoResolving` undoes it then.
   */
  'judgements.undo': method<UndoSummary>()(z.object({ id }), { mutates: true }),
  /** `judgements.undo` as a job that, where the undo cannot be done in place, resolves the case again without the judgement. */
  'judgements.undoResolving': job<UndoSummary>()(z.object({ id }), { mutates: true }),
  /** Scores name pairs with the case-independent matcher (match-names). */
  'names.match': method<NamePairScore[]>()(
    z.object({
      pairs: z
        .array(
          z.object({
            name1: z.string(),
            name2: z.string(),
            country1: z.string().optional(),
            country2: z.string().optional(),
            id1: z.string().optional(),
            id2: z.string().optional(),
          }),
        )
        .max(1_000_000),
      threshold: z.number().min(0).max(1).optional(),
    }),
    { mutates: false, noCase: true },
  ),
};

export type EntitiesMethods = keyof typeof entitiesApi;
