import { z } from 'zod';
import { job, method } from './define';
import {
  GRADES,
  LINK_TYPES,
  NAME_SCRIPTS,
  NODE_KINDS,
  type Annotation,
  type Counterparty,
  type DiagramChange,
  type DiagramCreated,
  type DiagramPasted,
  type DiagramSummary,
  type DiagramView,
  type Link,
  type ShipmentAggregate,
  type Timeline,
} from '../domain/diagrams';

const id = z.number().int().positive();
/** A node, edge or annotation: its id, or (negative) the temporary id an add earlier in the same call gave it. */
const ref = z
  .number()
  .int()
  .refine((n) => n !== 0, 'expected an id or a negative temporary id');
const tempId = z.number().int().negative();
const coord = z.number().finite().min(-1e7).max(1e7);
const extent = z.number().finite().positive().max(1e5);
const label = z.string().max(2000);
const text = z.string().max(20_000);
const style = z
  .record(z.string().max(40), z.union([z.string().max(200), z.number().finite()]))
  .refine((o) => Object.keys(o).length <= 20, 'at most 20 style properties');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date such as 2023-03-05');

export const filtersSchema = z.object({
  dateFrom: isoDate.nullable().default(null),
  dateTo: isoDate.nullable().default(null),
  hsChapters: z
    .array(z.string().regex(/^\d{2}$/, 'expected a two-digit HS chapter'))
    .max(99)
    .default([]),
});

const evidence = { records: z.array(id).max(10_000).optional(), excerpts: z.array(id).max(10_000).optional() };

/**
 * One edit of a diagram. `diagrams.apply` runs a list of them as one command
 * of the diagram's history (undone and redone as one, kept in the case so
 * that undo survives a reload).
 */
export const diagramOp = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('addNode'),
    tempId: tempId.optional(),
    kind: z.enum(NODE_KINDS),
    /** The entity, document or excerpt shown (entity, document and excerpt nodes). */
    ref: id.optional(),
    text: text.optional(),
    label: label.nullable().optional(),
    x: coord,
    y: coord,
    w: extent.optional(),
    h: extent.optional(),
    style: style.optional(),
    parentId: ref.nullable().optional(),
  }),
  z.object({
    op: z.literal('updateNode'),
    id: ref,
    label: label.nullable().optional(),
    text: text.optional(),
    style: style.optional(),
    parentId: ref.nullable().optional(),
  }),
  z.object({
    op: z.literal('moveNodes'),
    moves: z
      .array(z.object({ id: ref, x: coord, y: coord, w: extent.optional(), h: extent.optional() }))
      .min(1)
      .max(10_000),
  }),
  z.object({ op: z.literal('removeNodes'), ids: z.array(ref).min(1).max(10_000) }),
  z.object({
    op: z.literal('addEdge'),
    tempId: tempId.optional(),
    /** shipment: shipper's node → consignee's node; link: draws an existing link (`linkId`); free: a labelled line. */
    kind: z.enum(['shipment', 'free', 'link']),
    source: ref,
    target: ref,
    label: label.nullable().optional(),
    linkId: id.optional(),
    style: style.optional(),
  }),
  z.object({ op: z.literal('updateEdge'), id: ref, label: label.nullable().optional(), style: style.optional() }),
  z.object({ op: z.literal('removeEdges'), ids: z.array(ref).min(1).max(10_000) }),
  z.object({
    op: z.literal('createLink'),
    /** The temporary id of the link edge drawn with it. */
    tempId: tempId.optional(),
    source: ref,
    target: ref,
    type: z.enum(LINK_TYPES),
    customLabel: label.optional(),
    grade: z.enum(GRADES),
    note: text.optional(),
    ...evidence,
  }),
  z.object({
    op: z.literal('updateLink'),
    linkId: id,
    type: z.enum(LINK_TYPES).optional(),
    customLabel: label.nullable().optional(),
    grade: z.enum(GRADES).optional(),
    note: text.optional(),
    ...evidence,
  }),
  z.object({
    op: z.literal('annotate'),
    tempId: tempId.optional(),
    target: z.enum(['node', 'edge']),
    targetId: ref,
    text: text.min(1),
  }),
  z.object({ op: z.literal('updateAnnotation'), id: ref, text: text.min(1) }),
  z.object({ op: z.literal('removeAnnotation'), id: ref }),
  z.object({ op: z.literal('rename'), name: z.string().trim().min(1).max(500) }),
  z.object({ op: z.literal('setFilters'), filters: filtersSchema }),
  /** The script entity nodes are named in (NameScript). */
  z.object({ op: z.literal('setNameScript'), script: z.enum(NAME_SCRIPTS) }),
]);
export type DiagramOp = z.infer<typeof diagramOp>;

export const diagramsApi = {
  'diagrams.list': method<DiagramSummary[]>()(z.object({}), { mutates: false }),
  /**
   * The diagram with every edge computed from the records now (and its filters). `quick`: answer at once
   * even when a big diagram's shipments are not summed yet (see QUICK_SHIPMENT_EDGES): those edges come
   * `pending`, and the canvas asks again without `quick` while it already shows the diagram.
   */
  'diagrams.get': method<DiagramView>()(z.object({ id, quick: z.boolean().optional() }), { mutates: false }),
  'diagrams.create': method<DiagramView>()(
    z.object({ name: z.string().trim().min(1).max(500), filters: filtersSchema.optional() }),
    { mutates: true },
  ),
  /**
   * A new diagram of an entity's neighbourhood in the records: its counterparties (either direction),
   * theirs up to `depth`, the biggest by value first, with every shipment edge among them. Capped:
   * `leftOut` says how many counterparties were not added. A job: seconds on a big case.
   */
  'diagrams.neighbourhood': job<DiagramCreated>()(
    z.object({
      name: z.string().trim().min(1).max(500),
      entityId: id,
      depth: z.number().int().min(1).max(4).default(1),
      /** Counterparties added per entity, the biggest by value first. */
      perNode: z.number().int().min(1).max(500).default(40),
      maxNodes: z.number().int().min(1).max(2000).default(150),
      filters: filtersSchema.optional(),
    }),
    { mutates: true },
  ),
  /** Saves where the canvas looks (not an edit: not in the undo history). */
  'diagrams.update': method<DiagramView>()(
    z.object({ id, viewport: z.object({ x: coord, y: coord, zoom: z.number().finite().positive().max(100) }) }),
    { mutates: true },
  ),
  'diagrams.delete': method<null>()(z.object({ id }), { mutates: true }),
  /** Applies edits as one command of the diagram's history. */
  'diagrams.apply': method<DiagramChange>()(
    z.object({ id, ops: z.array(diagramOp).min(1).max(10_000), label: z.string().max(200).optional() }),
    { mutates: true },
  ),
  'diagrams.undo': method<DiagramChange>()(z.object({ id }), { mutates: true }),
  'diagrams.redo': method<DiagramChange>()(z.object({ id }), { mutates: true }),
  /** An entity node's counterparties in the records (under the diagram's filters), the biggest by value first. */
  'diagrams.counterparties': method<{ counterparties: Counterparty[]; total: number }>()(
    z.object({ id, nodeId: id, limit: z.number().int().positive().max(5000).default(100) }),
    { mutates: false },
  ),
  /** Adds the chosen counterparties of an entity node, with the shipment edges the records show, as one command. */
  'diagrams.expand': method<DiagramChange>()(z.object({ id, nodeId: id, entityIds: z.array(id).min(1).max(1000) }), {
    mutates: true,
  }),
  /** Adds the shipper and consignee entities of records (new nodes or those already there) with their shipment edges, as one command. */
  'diagrams.addRecords': method<DiagramChange>()(z.object({ id, recordIds: z.array(id).min(1).max(10_000) }), {
    mutates: true,
  }),
  /**
   * Pastes nodes copied from a diagram of the case (`from`, which may be `id` itself) as one command: a group
   * brings its members, link and free edges among them come along, an entity already on the diagram is not added
   * twice, and shipment edges are worked out again from the records. `at`: where the middle of the block goes.
   */
  'diagrams.paste': method<DiagramPasted>()(
    z.object({
      id,
      from: id,
      nodeIds: z.array(id).min(1).max(10_000),
      at: z.object({ x: coord, y: coord }).optional(),
    }),
    { mutates: true },
  ),
  /** Lays every node out again (layered by shipment direction), as one command. */
  'diagrams.layout': method<DiagramChange>()(z.object({ id }), { mutates: true }),
  /** Shipments between any set of entities, per shipper → consignee pair. */
  'diagrams.shipments': method<ShipmentAggregate[]>()(
    z.object({ entityIds: z.array(id).max(10_000), filters: filtersSchema.optional() }),
    { mutates: false },
  ),
  /**
   * Shipments on a time axis, every record whatever the diagram's filters: of a diagram (one lane per
   * shipment edge) or of an entity (one lane per counterparty, both directions in it); the biggest lanes by value.
   */
  'diagrams.timeline': method<Timeline>()(
    z
      .object({ id: id.optional(), entityId: id.optional(), maxLanes: z.number().int().min(1).max(2000).default(200) })
      .refine((o) => (o.id === undefined) !== (o.entityId === undefined), 'give either a diagram id or an entityId'),
    { mutates: false },
  ),
  'links.list': method<Link[]>()(z.object({ entityId: id.optional() }), { mutates: false }),
  'links.get': method<Link>()(z.object({ id }), { mutates: false }),
  /** Notes on a record or an entity (notes on a diagram's nodes and edges are diagram edits: `annotate`). */
  'annotations.list': method<Annotation[]>()(
    z.object({ target: z.enum(['node', 'edge', 'record', 'entity']), targetId: id }),
    { mutates: false },
  ),
  'annotations.create': method<Annotation>()(
    z.object({ target: z.enum(['record', 'entity']), targetId: id, text: text.min(1) }),
    { mutates: true },
  ),
  'annotations.update': method<Annotation>()(z.object({ id, text: text.min(1) }), { mutates: true }),
  'annotations.delete': method<null>()(z.object({ id }), { mutates: true }),
};

export type DiagramsMethods = keyof typeof diagramsApi;
