/**
 * The edits a canvas sends (`DiagramOp`), each checked against the diagram
 * and turned into row changes (state-ops.ts) with the changes that undo it.
 * Nodes, edges and notes added earlier in the same call are named by the
 * negative temporary ids their add carried.
 */
import type { DiagramOp } from '../../../shared/api/diagrams';
import { CustodianError } from '../../../shared/result';
import { annotationsOn, insertAnnotation } from '../db/annotations';
import { edgesAt, findEdge, insertEdge, type EdgeRecord } from '../db/diagram-edges';
import { childNodes, insertNode, type NodeRecord } from '../db/diagram-nodes';
import { getDiagram } from '../db/diagrams';
import { checkEvidence, createLinkRows, linkState } from './link-ops';
import {
  edgeOf,
  entityOfNode,
  fail,
  nodeOf,
  noteOf,
  NODE_SIZE,
  parentOf,
  refLabel,
  type AppliedOp,
  type OpContext,
} from './op-context';
import { removeRows, restoreRows, runStateOp, type StateOp } from './state-ops';

type Op<K extends DiagramOp['op']> = Extract<DiagramOp, { op: K }>;

function addNode(ctx: OpContext, op: Op<'addNode'>): AppliedOp {
  const size = NODE_SIZE[op.kind];
  const row: Omit<NodeRecord, 'id'> = {
    diagramId: ctx.diagramId,
    kind: op.kind,
    ...refLabel(ctx, op.kind, op.ref),
    text: op.kind === 'note' ? (op.text ?? '') : null,
    label: op.label ?? null,
    x: op.x,
    y: op.y,
    w: op.w ?? size.w,
    h: op.h ?? size.h,
    style: op.style ?? {},
    parentId: parentOf(ctx, op.parentId),
  };
  const id = insertNode(ctx.db, row);
  if (op.tempId !== undefined) ctx.created.set(op.tempId, id);
  return { forward: [restoreRows({ nodes: [{ ...row, id }] })], inverse: [removeRows({ nodes: [id] })] };
}

function removeNodes(ctx: OpContext, ids: number[]): AppliedOp {
  const nodes = [...new Map(ids.map((i) => nodeOf(ctx, i)).map((n) => [n.id, n])).values()];
  const gone = new Set(nodes.map((n) => n.id));
  const edges = [...new Map(nodes.flatMap((n) => edgesAt(ctx.db, n.id)).map((e) => [e.id, e])).values()];
  const notes = [
    ...nodes.flatMap((n) => annotationsOn(ctx.db, 'node', n.id)),
    ...edges.flatMap((e) => annotationsOn(ctx.db, 'edge', e.id)),
  ];
  const orphans = nodes.flatMap((n) => childNodes(ctx.db, n.id)).filter((c) => !gone.has(c.id));
  const rows = { nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id), annotations: notes.map((a) => a.id) };
  const forward: StateOp[] = [
    { op: 'writeNodes', nodes: orphans.map((c) => ({ ...c, parentId: null })) },
    removeRows(rows),
  ];
  forward.forEach((s) => runStateOp(ctx.db, ctx.diagramId, s));
  return {
    forward,
    inverse: [restoreRows({ nodes, edges, annotations: notes }), { op: 'writeNodes', nodes: orphans }],
  };
}

function addEdge(ctx: OpContext, op: Op<'addEdge'>): AppliedOp {
  const source = nodeOf(ctx, op.source);
  const target = nodeOf(ctx, op.target);
  if (source.id === target.id) fail('An edge joins two different nodes.');
  if (op.kind !== 'free') {
    entityOfNode(ctx, source);
    entityOfNode(ctx, target);
  }
  if (op.kind === 'link') linkState(ctx.db, op.linkId ?? fail('A link edge needs the id of its link (linkId).'));
  // Looked up by its nodes, not in the diagram's list of edges: a neighbourhood adds thousands at once.
  const same = findEdge(ctx.db, {
    kind: op.kind,
    source: source.id,
    target: target.id,
    linkId: op.kind === 'link' ? op.linkId! : null,
  });
  if (same && op.kind !== 'free')
    throw new CustodianError('exists', `That ${op.kind} edge is already on this diagram (edge ${same.id}).`);
  const row: Omit<EdgeRecord, 'id'> = {
    diagramId: ctx.diagramId,
    kind: op.kind,
    source: source.id,
    target: target.id,
    linkId: op.kind === 'link' ? op.linkId! : null,
    label: op.label ?? null,
    style: op.style ?? {},
  };
  const id = insertEdge(ctx.db, row);
  if (op.tempId !== undefined) ctx.created.set(op.tempId, id);
  return { forward: [restoreRows({ edges: [{ ...row, id }] })], inverse: [removeRows({ edges: [id] })] };
}

function removeEdges(ctx: OpContext, ids: number[]): AppliedOp {
  const edges = [...new Map(ids.map((i) => edgeOf(ctx, i)).map((e) => [e.id, e])).values()];
  const notes = edges.flatMap((e) => annotationsOn(ctx.db, 'edge', e.id));
  const forward = [removeRows({ edges: edges.map((e) => e.id), annotations: notes.map((a) => a.id) })];
  forward.forEach((s) => runStateOp(ctx.db, ctx.diagramId, s));
  return { forward, inverse: [restoreRows({ edges, annotations: notes })] };
}

/** Applies one edit to the diagram and answers the row changes it made and those that undo it. */
export function applyOp(ctx: OpContext, op: DiagramOp): AppliedOp {
  const change = (forward: StateOp, inverse: StateOp): AppliedOp => {
    runStateOp(ctx.db, ctx.diagramId, forward);
    return { forward: [forward], inverse: [inverse] };
  };
  switch (op.op) {
    case 'addNode':
      return addNode(ctx, op);
    case 'updateNode': {
      const old = nodeOf(ctx, op.id);
      const next: NodeRecord = {
        ...old,
        label: op.label === undefined ? old.label : op.label,
        text: op.text === undefined || old.kind !== 'note' ? old.text : op.text,
        style: op.style ?? old.style,
        parentId: op.parentId === undefined ? old.parentId : parentOf(ctx, op.parentId, old.id),
      };
      return change({ op: 'writeNodes', nodes: [next] }, { op: 'writeNodes', nodes: [old] });
    }
    case 'moveNodes': {
      const old = op.moves.map((m) => nodeOf(ctx, m.id));
      const next = old.map((n, i) => ({
        ...n,
        x: op.moves[i]!.x,
        y: op.moves[i]!.y,
        w: op.moves[i]!.w ?? n.w,
        h: op.moves[i]!.h ?? n.h,
      }));
      return change({ op: 'writeNodes', nodes: next }, { op: 'writeNodes', nodes: old.reverse() });
    }
    case 'removeNodes':
      return removeNodes(ctx, op.ids);
    case 'addEdge':
      return addEdge(ctx, op);
    case 'updateEdge': {
      const old = edgeOf(ctx, op.id);
      const next = { ...old, label: op.label === undefined ? old.label : op.label, style: op.style ?? old.style };
      return change({ op: 'writeEdges', edges: [next] }, { op: 'writeEdges', edges: [old] });
    }
    case 'removeEdges':
      return removeEdges(ctx, op.ids);
    case 'createLink': {
      const source = nodeOf(ctx, op.source);
      const target = nodeOf(ctx, op.target);
      if (source.id === target.id) fail('A link joins two different entities.');
      const { link, edge } = createLinkRows(
        ctx,
        op,
        entityOfNode(ctx, source).id,
        entityOfNode(ctx, target).id,
        source.id,
        target.id,
      );
      if (op.tempId !== undefined) ctx.created.set(op.tempId, edge.id);
      return {
        forward: [restoreRows({ links: [link], edges: [edge] })],
        inverse: [removeRows({ edges: [edge.id], links: [link.id] })],
      };
    }
    case 'updateLink': {
      const old = linkState(ctx.db, op.linkId);
      const next = {
        ...old,
        type: op.type ?? old.type,
        customLabel: op.customLabel === undefined ? old.customLabel : op.customLabel,
        grade: op.grade ?? old.grade,
        note: op.note ?? old.note,
        records: op.records ?? old.records,
        excerpts: op.excerpts ?? old.excerpts,
        updatedAt: new Date().toISOString(),
      };
      if (next.type === 'custom' && !next.customLabel) fail('A custom link needs its label (customLabel).');
      checkEvidence(ctx.db, next.records, next.excerpts);
      return change({ op: 'writeLink', link: next }, { op: 'writeLink', link: old });
    }
    case 'annotate': {
      const targetId = op.target === 'node' ? nodeOf(ctx, op.targetId).id : edgeOf(ctx, op.targetId).id;
      const now = new Date().toISOString();
      const row = { target: op.target, targetId, text: op.text, createdAt: now, createdBy: ctx.actor, updatedAt: now };
      const id = insertAnnotation(ctx.db, row);
      if (op.tempId !== undefined) ctx.created.set(op.tempId, id);
      return {
        forward: [restoreRows({ annotations: [{ ...row, id }] })],
        inverse: [removeRows({ annotations: [id] })],
      };
    }
    case 'updateAnnotation': {
      const old = noteOf(ctx, op.id);
      return change(
        { op: 'writeAnnotation', id: old.id, text: op.text },
        { op: 'writeAnnotation', id: old.id, text: old.text },
      );
    }
    case 'removeAnnotation': {
      const old = noteOf(ctx, op.id);
      return change(removeRows({ annotations: [old.id] }), restoreRows({ annotations: [old] }));
    }
    case 'rename':
      return change({ op: 'rename', name: op.name }, { op: 'rename', name: getDiagram(ctx.db, ctx.diagramId)!.name });
    case 'setFilters':
      return change(
        { op: 'setFilters', filters: op.filters },
        { op: 'setFilters', filters: getDiagram(ctx.db, ctx.diagramId)!.filters },
      );
    case 'setNameScript':
      return change(
        { op: 'setNameScript', script: op.script },
        { op: 'setNameScript', script: getDiagram(ctx.db, ctx.diagramId)!.nameScript },
      );
  }
}
