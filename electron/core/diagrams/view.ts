/**
 * A diagram as shown, computed from the case each time: entity nodes follow
 * merges (two nodes whose entities were merged show as one, and come apart
 * again when the merge is undone), shipment edges are summed from the
 * records under the diagram's filters, link edges carry their grade and
 * evidence, and whatever a node or edge points at that is gone from the case
 * is shown as removed (`missing`), never as an error.
 */
import type { Annotation, DiagramView, ViewEdge, ViewNode } from '../../../shared/domain/diagrams';
import { diagramAnnotations } from '../db/annotations';
import { listEdges, type EdgeRecord } from '../db/diagram-edges';
import { listNodes, type NodeRecord } from '../db/diagram-nodes';
import { getDocument } from '../db/documents';
import { getExcerpt } from '../db/excerpts';
import { getLink } from '../db/links';
import type { ReadDb } from '../db/types';
import { historyState, mustDiagram } from './history';
import { linkView } from './link-ops';
import { liveEntities, type LiveEntity } from './live-entities';
import { entityNamer } from './name-script';
import { keptShipmentsAmongLive, pairKey, shipmentsAmongLive } from './shipments';

const LINK_LABELS: Record<string, string> = {
  owns: 'owns',
  subsidiary_of: 'subsidiary of',
  director_of: 'director of',
  supplier_of: 'supplier of',
  associated: 'associated with',
};

function nodeView(
  db: ReadDb,
  n: NodeRecord,
  live: (id: number) => LiveEntity | null,
  notes: Annotation[],
  nameOf: (entityId: number, display: string) => string,
): ViewNode {
  const base = {
    id: n.id,
    kind: n.kind,
    ref: n.ref,
    text: n.text,
    x: n.x,
    y: n.y,
    w: n.w,
    h: n.h,
    style: n.style,
    parentId: n.parentId,
    annotations: notes,
  };
  const removed = (): ViewNode => ({ ...base, label: n.label ?? n.refLabel ?? `${n.kind} ${n.ref}`, missing: true });
  switch (n.kind) {
    case 'entity': {
      const e = live(n.ref!);
      if (!e) return removed();
      return {
        ...base,
        ref: e.id,
        ...(e.id !== n.ref ? { storedRef: n.ref! } : {}),
        label: n.label ?? nameOf(e.id, e.name),
        country: e.country,
        mentions: e.mentions,
      };
    }
    case 'document': {
      const d = getDocument(db, n.ref!);
      if (!d) return removed();
      return {
        ...base,
        label: n.label ?? d.title,
        detail: `${d.kind.toUpperCase()}, ${d.pages} page${d.pages === 1 ? '' : 's'}`,
      };
    }
    case 'excerpt': {
      const x = getExcerpt(db, n.ref!);
      if (!x) return removed();
      return { ...base, label: n.label ?? x.quote, detail: `${x.documentTitle}, p. ${x.page}` };
    }
    case 'note':
      return { ...base, label: n.label ?? n.text ?? '' };
    case 'group':
      return { ...base, label: n.label ?? 'Group' };
  }
}

/**
 * Shipment edges a quick view sums even when their sums are not kept: a small diagram's take milliseconds,
 * a 1,000-node diagram's half a second, which the canvas would otherwise wait for before drawing anything.
 */
export const QUICK_SHIPMENT_EDGES = 300;

export function diagramView(db: ReadDb, diagramId: number, opts: { quick?: boolean } = {}): DiagramView {
  const d = mustDiagram(db, diagramId);
  const live = liveEntities(db);
  const notes = diagramAnnotations(db, diagramId);
  const notesOn = (target: 'node' | 'edge', id: number) =>
    notes.filter((a) => a.target === target && a.targetId === id);
  const folded: DiagramView['folded'] = [];

  // Entity nodes whose entities are one now show as one node: the one that points at it directly, else the oldest.
  const stored = listNodes(db, diagramId);
  const nameOf = entityNamer(db, d.nameScript);
  const views = stored.map((n) => nodeView(db, n, live, notesOn('node', n.id), nameOf));
  const shownFor = new Map<number, number>(); // live entity → node shown
  for (const v of [...views].sort(
    (a, b) => Number(b.storedRef === undefined) - Number(a.storedRef === undefined) || a.id - b.id,
  )) {
    if (v.kind === 'entity' && !v.missing && !shownFor.has(v.ref!)) shownFor.set(v.ref!, v.id);
  }
  const nodeFor = new Map<number, number>(); // stored node → node shown
  const nodes: ViewNode[] = [];
  for (const v of views) {
    const into = v.kind === 'entity' && !v.missing ? shownFor.get(v.ref!)! : v.id;
    nodeFor.set(v.id, into);
    if (into === v.id) nodes.push(v);
    else folded.push({ kind: 'node', id: v.id, into });
  }
  const byId = new Map(nodes.map((v) => [v.id, v]));
  const entityAt = (nodeId: number) => {
    const v = byId.get(nodeId);
    return v?.kind === 'entity' && !v.missing ? v.ref! : null;
  };

  const storedEdges = listEdges(db, diagramId);
  // Only the pairs of the diagram's shipment edges are summed (not every pair among their ends: three times the records).
  const ends = storedEdges
    .filter((e) => e.kind === 'shipment')
    .map((e) => [entityAt(nodeFor.get(e.source)!), entityAt(nodeFor.get(e.target)!)] as const)
    .filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null);
  const pairs = new Set(ends.map(([s, t]) => pairKey(s, t)));
  const [sources, targets] = [ends.map((p) => p[0]), ends.map((p) => p[1])];
  // null: a quick view of a big diagram whose sums are not kept; its shipment edges are pending.
  const shipments =
    opts.quick && ends.length > QUICK_SHIPMENT_EDGES
      ? keptShipmentsAmongLive(db, sources, d.filters, targets, pairs)
      : shipmentsAmongLive(db, sources, d.filters, targets, pairs);
  const filtered = d.filters.dateFrom !== null || d.filters.dateTo !== null || d.filters.hsChapters.length > 0;
  const seen = new Map<string, number>();
  const edges: ViewEdge[] = [];
  for (const e of storedEdges) {
    const source = nodeFor.get(e.source)!;
    const target = nodeFor.get(e.target)!;
    const key = `${e.kind}:${e.linkId ?? ''}:${source}>${target}`;
    // A merge can make an edge run from a node to itself, or repeat another: it folds away.
    if (source === target || (e.kind !== 'free' && seen.has(key))) {
      folded.push({ kind: 'edge', id: e.id, into: seen.get(key) ?? null });
      continue;
    }
    seen.set(key, e.id);
    edges.push(edgeView(db, e, source, target, entityAt, shipments, filtered, live, notesOn('edge', e.id)));
  }
  return {
    id: d.id,
    name: d.name,
    viewport: d.viewport,
    filters: d.filters,
    nameScript: d.nameScript,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    nodes,
    edges,
    folded,
    history: historyState(db, d),
  };
}

function edgeView(
  db: ReadDb,
  e: EdgeRecord,
  source: number,
  target: number,
  entityAt: (nodeId: number) => number | null,
  shipments: ReturnType<typeof keptShipmentsAmongLive>,
  filtered: boolean,
  live: (id: number) => LiveEntity | null,
  notes: Annotation[],
): ViewEdge {
  const base: ViewEdge = { id: e.id, kind: e.kind, source, target, label: e.label, style: e.style, annotations: notes };
  if (e.kind === 'free') return base;
  const from = entityAt(source);
  const to = entityAt(target);
  if (e.kind === 'link') {
    const stored = getLink(db, e.linkId!);
    if (!stored) return { ...base, missing: true };
    const link = linkView(db, stored, live);
    const label = e.label ?? (link.type === 'custom' ? link.customLabel : LINK_LABELS[link.type]!);
    return { ...base, label, link, grade: link.grade, ...(from === null || to === null ? { missing: true } : {}) };
  }
  const ends = from !== null && to !== null ? pairKey(from, to) : null;
  if (ends && !shipments) return { ...base, pending: true };
  const s = ends ? shipments!.get(ends) : undefined;
  const sums = {
    count: s?.count ?? 0,
    valueUsd: s?.valueUsd ?? 0,
    firstDate: s?.firstDate ?? null,
    lastDate: s?.lastDate ?? null,
    hsChapters: s?.hsChapters ?? [],
    chplTier: s?.chplTier ?? null,
    recordIds: s?.recordIds ?? [],
  };
  if (!ends || (!s && !filtered)) return { ...base, ...sums, missing: true };
  return { ...base, ...sums, ...(s ? {} : { filteredOut: true }) };
}
