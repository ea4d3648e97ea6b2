import type { Connection } from '@xyflow/react';
import type { DiagramOp } from '../../../../shared/api/diagrams';
import type { DiagramView, ViewEdge } from '../../../../shared/domain/diagrams';
import { caseId } from './flow-model';
import { askLink, type LinkAnswer } from './LinkDialog';

/** Records of the shipments between two nodes, either way: what a link between them is likely to rest on. */
function shipmentRecords(view: DiagramView, a: number, b: number): number[] {
  return view.edges
    .filter((e) => e.kind === 'shipment' && ((e.source === a && e.target === b) || (e.source === b && e.target === a)))
    .flatMap((e) => e.recordIds ?? []);
}

/** The ops that draw what the link dialog answered between two nodes (ids, or temporary ids other than -1). */
export function linkOps(a: LinkAnswer, source: number, target: number): DiagramOp[] {
  if (a.kind === 'free') return [{ op: 'addEdge', kind: 'free', source, target, label: a.label.trim() }];
  return [
    {
      op: 'createLink',
      tempId: -1,
      source,
      target,
      type: a.type,
      ...(a.type === 'custom' ? { customLabel: a.customLabel.trim() } : {}),
      grade: a.grade,
      note: a.note,
      records: a.records,
      excerpts: a.excerpts,
    },
    // The label rides on the link's edge, in the same command: one undo takes both away.
    ...(a.label.trim() ? [{ op: 'updateEdge' as const, id: -1, label: a.label.trim() }] : []),
  ];
}

/** The edit a connection drawn on the canvas asks for (a link or a labelled line), or null when the dialog is cancelled. */
export async function connectionOps(view: DiagramView, c: Connection): Promise<DiagramOp[] | null> {
  const [source, target] = [caseId(c.source), caseId(c.target)];
  if (source === target) return null;
  const from = view.nodes.find((n) => n.id === source);
  const to = view.nodes.find((n) => n.id === target);
  if (!from || !to) return null;
  const canLink = from.kind === 'entity' && to.kind === 'entity' && !from.missing && !to.missing;
  const answer = await askLink({
    from: from.label,
    to: to.label,
    canLink,
    candidates: shipmentRecords(view, source, target),
  });
  return answer && linkOps(answer, source, target);
}

/** The edit that changes a link drawn on the diagram, or null when the dialog is cancelled. */
export async function editLinkOps(view: DiagramView, edge: ViewEdge): Promise<DiagramOp[] | null> {
  if (!edge.link) return null;
  const from = view.nodes.find((n) => n.id === edge.source)!;
  const to = view.nodes.find((n) => n.id === edge.target)!;
  const a = await askLink({
    from: from.label,
    to: to.label,
    canLink: true,
    candidates: shipmentRecords(view, edge.source, edge.target),
    link: edge.link,
    label: edge.label ?? '',
  });
  if (!a) return null;
  return [
    {
      op: 'updateLink',
      linkId: edge.link.id,
      type: a.type,
      customLabel: a.type === 'custom' ? a.customLabel.trim() : null,
      grade: a.grade,
      note: a.note,
      records: a.records,
      excerpts: a.excerpts,
    },
    { op: 'updateEdge', id: edge.id, label: a.label.trim() || null },
  ];
}

/** One command that removes what was deleted: edges at a removed node go with it (the core removes them). */
export function deleteOps(nodeIds: number[], edges: { id: number; source: number; target: number }[]): DiagramOp[] {
  const gone = new Set(nodeIds);
  const edgeIds = edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)).map((e) => e.id);
  return [
    ...(nodeIds.length ? [{ op: 'removeNodes' as const, ids: nodeIds }] : []),
    ...(edgeIds.length ? [{ op: 'removeEdges' as const, ids: edgeIds }] : []),
  ];
}

/** What the view's edges were, to tell on the next opening whether the records changed under them. */
export function shipmentFingerprint(view: DiagramView): string {
  return view.edges
    .filter((e) => e.kind === 'shipment')
    .map((e) => `${e.id}:${e.count}:${e.valueUsd}:${e.missing ? 'x' : ''}`)
    .concat(view.nodes.filter((n) => n.missing).map((n) => `n${n.id}`))
    .join(',');
}
