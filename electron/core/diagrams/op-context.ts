/**
 * What every edit of a diagram checks against: the diagram's own nodes,
 * edges and notes (never another diagram's), the temporary ids given earlier
 * in the same call, and the entities, documents and excerpts nodes point at.
 */
import type { Annotation, NodeKind } from '../../../shared/domain/diagrams';
import { CustodianError } from '../../../shared/result';
import { getAnnotation } from '../db/annotations';
import { getEdge, type EdgeRecord } from '../db/diagram-edges';
import { getNode, listNodes, type NodeRecord } from '../db/diagram-nodes';
import { getDocument } from '../db/documents';
import { ensureAnchor } from '../db/entity-anchors';
import { getExcerpt } from '../db/excerpts';
import type { WriteDb } from '../db/types';
import { liveEntities, type LiveEntity } from './live-entities';
import type { StateOp } from './state-ops';

/** Default sizes by kind (the canvas may resize). */
export const NODE_SIZE: Record<NodeKind, { w: number; h: number }> = {
  entity: { w: 220, h: 72 },
  document: { w: 220, h: 72 },
  excerpt: { w: 260, h: 96 },
  note: { w: 200, h: 100 },
  group: { w: 480, h: 320 },
};

export interface OpContext {
  db: WriteDb;
  diagramId: number;
  actor: string;
  /** Temporary id → id, for this call. */
  created: Map<number, number>;
  live: (storedId: number) => LiveEntity | null;
}

export interface AppliedOp {
  forward: StateOp[];
  /** In the order that undoes this op. */
  inverse: StateOp[];
}

export function opContext(db: WriteDb, diagramId: number, actor: string): OpContext {
  return { db, diagramId, actor, created: new Map(), live: liveEntities(db) };
}

export const fail = (message: string): never => {
  throw new CustodianError('invalid_input', message);
};

export function resolveId(ctx: OpContext, id: number, what: string): number {
  if (id > 0) return id;
  return ctx.created.get(id) ?? fail(`No ${what} was added with the temporary id ${id} earlier in these edits.`);
}

export function nodeOf(ctx: OpContext, id: number): NodeRecord {
  const n = getNode(ctx.db, resolveId(ctx, id, 'node'));
  if (!n || n.diagramId !== ctx.diagramId)
    throw new CustodianError('not_found', `Diagram ${ctx.diagramId} has no node ${id}.`);
  return n;
}

export function edgeOf(ctx: OpContext, id: number): EdgeRecord {
  const e = getEdge(ctx.db, resolveId(ctx, id, 'edge'));
  if (!e || e.diagramId !== ctx.diagramId)
    throw new CustodianError('not_found', `Diagram ${ctx.diagramId} has no edge ${id}.`);
  return e;
}

/** The entity an entity node shows now; refuses a node of another kind or one whose entity is gone. */
export function entityOfNode(ctx: OpContext, n: NodeRecord): LiveEntity {
  if (n.kind !== 'entity') return fail(`Node ${n.id} is a ${n.kind}, not an entity.`);
  return ctx.live(n.ref!) ?? fail(`The entity of node ${n.id} is no longer in the case.`);
}

export function noteOf(ctx: OpContext, id: number): Annotation {
  const a = getAnnotation(ctx.db, resolveId(ctx, id, 'note'));
  const owner =
    a?.target === 'node' ? getNode(ctx.db, a.targetId) : a?.target === 'edge' ? getEdge(ctx.db, a.targetId) : null;
  if (!a || owner?.diagramId !== ctx.diagramId)
    throw new CustodianError('not_found', `Diagram ${ctx.diagramId} has no note ${id}.`);
  return a;
}

export function parentOf(ctx: OpContext, parentId: number | null | undefined, child?: number): number | null {
  if (parentId === null || parentId === undefined) return null;
  let p: NodeRecord | null = nodeOf(ctx, parentId);
  if (p.kind !== 'group') fail(`Node ${p.id} is not a group.`);
  const id = p.id;
  for (; p; p = p.parentId === null ? null : getNode(ctx.db, p.parentId))
    if (p.id === child) fail(`Node ${child} cannot be inside itself.`);
  return id;
}

/** What a node's entity, document or excerpt is called now: kept on the node to name it once removed. */
export function refLabel(
  ctx: OpContext,
  kind: NodeKind,
  ref: number | undefined,
): { ref: number | null; refLabel: string | null } {
  if (kind === 'note' || kind === 'group') return { ref: null, refLabel: null };
  if (ref === undefined) return fail(`A ${kind} node needs the id of its ${kind} (ref).`);
  if (kind === 'entity') {
    const e = ctx.live(ref) ?? fail(`There is no entity ${ref} in this case.`);
    const shown = listNodes(ctx.db, ctx.diagramId).find((n) => n.kind === 'entity' && ctx.live(n.ref!)?.id === e.id);
    if (shown) throw new CustodianError('exists', `Entity ${e.id} is already on this diagram (node ${shown.id}).`);
    ensureAnchor(ctx.db, e.id);
    return { ref: e.id, refLabel: e.name };
  }
  if (kind === 'document')
    return { ref, refLabel: (getDocument(ctx.db, ref) ?? fail(`There is no document ${ref} in this case.`)).title };
  const x = getExcerpt(ctx.db, ref) ?? fail(`There is no excerpt ${ref} in this case.`);
  return { ref, refLabel: x.quote.slice(0, 1000) };
}
