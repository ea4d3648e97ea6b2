/**
 * Diagrams made of evidence. A diagram stores only what a person placed:
 * nodes that point at entities, documents, excerpts (or hold a note), and
 * edges between them. What an edge says is computed each time it is shown:
 * a shipment edge is the sum of the customs records whose shipper and
 * consignee are its two entities (so merges, splits and new imports show
 * up), and a link edge shows its link's grade and the records and excerpts
 * it rests on.
 */
import type { ChplTier } from '../goods/hs-codes';

export const NODE_KINDS = ['entity', 'document', 'excerpt', 'note', 'group'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = ['shipment', 'link', 'free'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const LINK_TYPES = ['owns', 'subsidiary_of', 'director_of', 'supplier_of', 'associated', 'custom'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** How sure the investigator is of a link: drawn solid, dashed, dotted. */
export const GRADES = ['confirmed', 'tentative', 'unconfirmed'] as const;
export type Grade = (typeof GRADES)[number];

export const ANNOTATION_TARGETS = ['node', 'edge', 'record', 'entity'] as const;
export type AnnotationTarget = (typeof ANNOTATION_TARGETS)[number];

/**
 * The script a diagram shows entity names in: the display name, the entity's spelling in Latin, Cyrillic or
 * Chinese when its records write it so (else the display name), or the spelling its records write most.
 */
export const NAME_SCRIPTS = ['display', 'latin', 'cyrillic', 'chinese', 'written'] as const;
export type NameScript = (typeof NAME_SCRIPTS)[number];

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Which records shipment edges count; null / empty means no limit. */
export interface DiagramFilters {
  /** ISO dates, inclusive. */
  dateFrom: string | null;
  dateTo: string | null;
  /** Two-digit HS chapters (`88`, `85`). */
  hsChapters: string[];
}

/** Presentation only (a colour, a line style); the renderer decides what it understands. */
export type Style = Record<string, string | number>;

export interface DiagramSummary {
  id: number;
  name: string;
  nodes: number;
  edges: number;
  createdAt: string;
  updatedAt: string;
}

/** Shipments from one entity (shipper) to another (consignee), summed over the records behind them. */
export interface ShipmentAggregate {
  source: number;
  target: number;
  count: number;
  valueUsd: number;
  firstDate: string | null;
  lastDate: string | null;
  hsChapters: string[];
  /** The most urgent CHPL tier among the records' HS codes ('1' before '2' … '4.B'); null when none is on the list. */
  chplTier: ChplTier | null;
  recordIds: number[];
}

/** A counterparty of an entity, for the expand chooser. */
export interface Counterparty {
  entityId: number;
  name: string;
  country: string | null;
  /** out: the entity ships to the counterparty; in: it receives from it. */
  direction: 'in' | 'out';
  count: number;
  valueUsd: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Already shown on the diagram. */
  onDiagram: boolean;
}

export interface Annotation {
  id: number;
  target: AnnotationTarget;
  targetId: number;
  text: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** A cited record or excerpt; `missing` when it was deleted from the case since. */
export interface EvidenceRef {
  kind: 'record' | 'excerpt';
  id: number;
  missing?: true;
}

export interface Link {
  id: number;
  /** The entities it joins, followed through merges (see live entities). */
  sourceEntity: number;
  targetEntity: number;
  type: LinkType;
  customLabel: string | null;
  grade: Grade;
  note: string;
  evidence: EvidenceRef[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface ViewNode {
  id: number;
  kind: NodeKind;
  /** The entity, document or excerpt shown; for an entity, the one it is today (merges followed). */
  ref: number | null;
  /** The id stored on the node, when merges made it differ from `ref`. */
  storedRef?: number;
  /** What to show: the label override, else the thing's current name, else its name when it was placed. */
  label: string;
  /** A note's text. */
  text: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  style: Style;
  parentId: number | null;
  /** Entities: the country most of its mentions carry. */
  country?: string | null;
  /** Entities: how many record parties name it. */
  mentions?: number;
  /** Documents and excerpts: where it comes from. */
  detail?: string;
  /** The entity, document or excerpt is no longer in the case: shown as removed. */
  missing?: true;
  annotations: Annotation[];
}

export interface ViewEdge {
  id: number;
  kind: EdgeKind;
  /** Node ids. A shipment edge runs from the shipper's node to the consignee's. */
  source: number;
  target: number;
  label: string | null;
  style: Style;
  count?: number;
  valueUsd?: number;
  firstDate?: string | null;
  lastDate?: string | null;
  hsChapters?: string[];
  /** Shipment edges: the most urgent CHPL tier of the goods behind it (see ShipmentAggregate). */
  chplTier?: ChplTier | null;
  recordIds?: number[];
  link?: Link;
  grade?: Grade;
  /** An end, its link, or (unfiltered) every record behind it is gone from the case. */
  missing?: true;
  /** No record passes the diagram's filters. */
  filteredOut?: true;
  /** A shipment edge of a quick view (`diagrams.get` with `quick`): not summed yet, so no numbers. */
  pending?: true;
  annotations: Annotation[];
}

export interface HistoryState {
  /** Commands applied (the next undo undoes command `position`). */
  position: number;
  /** Commands kept. */
  size: number;
  undo: string | null;
  redo: string | null;
}

/** A diagram as shown: the stored nodes and edges with everything computed from the case. */
export interface DiagramView {
  id: number;
  name: string;
  viewport: Viewport;
  filters: DiagramFilters;
  /** The script entity nodes are named in (labels set by hand stay as set); absent means display names. */
  nameScript?: NameScript;
  createdAt: string;
  updatedAt: string;
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Nodes (and edges) not shown because a merge made them the same as another: `into` shows them. */
  folded: { kind: 'node' | 'edge'; id: number; into: number | null }[];
  history: HistoryState;
}

/** What `diagrams.apply`, `undo` and `redo` answer. */
export interface DiagramChange {
  view: DiagramView;
  /** Temporary ids (negative) given to new nodes, edges and annotations in the ops → their ids. */
  created: Record<string, number>;
}

/** What `diagrams.paste` answers. */
export interface DiagramPasted extends DiagramChange {
  /** The target's nodes that stand for the copied ones (placed anew, or an entity that was already there). */
  nodes: number[];
  /** Copied nodes left out: their entity, document or excerpt is no longer in the case. */
  skipped: number;
}

export interface DiagramCreated {
  view: DiagramView;
  /** Counterparties a capped neighbourhood left out. */
  leftOut: number;
}

/** One shipper → consignee pair on a timeline: its shipments per day. */
export interface TimelineLane {
  source: number;
  target: number;
  sourceName: string;
  targetName: string;
  /** The diagram's shipment edge this lane is (diagram timelines). */
  edgeId?: number;
  /**
   * Entity timelines: one lane per counterparty (`source` the entity, `target` the counterparty), with the
   * shipments either way; which way they ran: out (the entity shipped), in (it received) or both.
   */
  direction?: 'out' | 'in' | 'both';
  count: number;
  valueUsd: number;
  /** [ISO date, records, USD value], by date; undated records are counted in `undated` only. */
  days: [string, number, number][];
  undated: number;
}

/** A diagram's or an entity's shipments over time, every record (the diagram's filters do not apply). */
export interface Timeline {
  lanes: TimelineLane[];
  firstDate: string | null;
  lastDate: string | null;
  /** Pairs not shown (the smallest by value), beyond the lane limit. */
  leftOut: number;
}
