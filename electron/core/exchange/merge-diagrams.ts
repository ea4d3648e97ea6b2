import { addConflict } from '../db/merge-conflicts';
import { findRow, otherRows, rowWhere, rowWriter, type Row } from '../db/merge-copy';
import { diagramEdgeRows, diagramNodeRows, edgeInserter, nodeInserter, setNodeParent } from '../db/merge-rows';
import type { ReadDb } from '../db/types';
import { anchorEntity } from './merge-links';
import { count, skip, type MergeRun } from './merge-run';

/**
 * Their diagrams. A diagram is the same one in both cases when the same
 * person made it at the same moment (created_by, created_at: a copy of
 * my diagram that came back). One I lack comes in whole with its author,
 * its nodes pointing at my ids for the same things. One we both have in
 * different versions is a conflict: mine stays, theirs is kept in the
 * conflict (as DiagramContent, ready to put in place) until one is picked.
 */

/** A node's identity within a diagram across cases: what it shows (the thing, or a note's text). */
const nodeKey = (n: Row) =>
  n.ref !== null && n.ref !== undefined
    ? `${String(n.kind)}:${String(n.ref)}`
    : `${String(n.kind)}:${String(n.text)}:${String(n.label)}`;

export interface ContentNode {
  key: string;
  kind: string;
  ref: number | null;
  ref_label: unknown;
  text: unknown;
  label: unknown;
  x: number;
  y: number;
  w: number;
  h: number;
  style: unknown;
  parent: string | null;
}
export interface ContentEdge {
  key: string;
  kind: string;
  source: string;
  target: string;
  link_id: number | null;
  label: unknown;
  style: unknown;
}
/** A diagram's content with node ids replaced by node keys: comparable across cases, and what a picked side writes. */
export interface DiagramContent {
  name: string;
  nodes: ContentNode[];
  edges: ContentEdge[];
}

/**
 * A diagram's content in `db`, refs and link ids read through `mapRef`
 * (identity for my own; for theirs, their id → mine, undefined where the
 * thing did not come over: that node and its edges are left out). Answers
 * the content and each node's and edge's id by key.
 */
export function diagramContent(
  db: ReadDb,
  diagram: Row,
  mapRef: (kind: string, ref: number) => number | undefined,
): { content: DiagramContent; nodeIds: Map<string, number>; edgeIds: Map<string, number>; dropped: number[] } {
  const nodes = diagramNodeRows(db, diagram.id as number);
  const parentOf = new Map(nodes.map((n) => [n.id as number, n.parent_id as number | null]));
  const keyOfId = new Map<number, string>();
  const nodeIds = new Map<string, number>();
  const out: ContentNode[] = [];
  const dropped: number[] = [];
  for (const n of nodes) {
    const ref = n.ref === null ? null : (mapRef(n.kind as string, n.ref as number) ?? undefined);
    if (ref === undefined) {
      dropped.push(n.id as number);
      continue;
    }
    const key = nodeKey({ ...n, ref });
    keyOfId.set(n.id as number, key);
    nodeIds.set(key, n.id as number);
    out.push({
      key,
      kind: n.kind as string,
      ref,
      ref_label: n.ref_label,
      text: n.text,
      label: n.label,
      x: n.x as number,
      y: n.y as number,
      w: n.w as number,
      h: n.h as number,
      style: n.style,
      parent: null,
    });
  }
  for (const n of out) {
    const parentId = parentOf.get(nodeIds.get(n.key)!) ?? null;
    n.parent = parentId === null ? null : (keyOfId.get(parentId) ?? null);
  }
  const edgeIds = new Map<string, number>();
  const edges: ContentEdge[] = [];
  for (const e of diagramEdgeRows(db, diagram.id as number)) {
    const source = keyOfId.get(e.source_node as number);
    const target = keyOfId.get(e.target_node as number);
    const link = e.link_id === null ? null : (mapRef('link', e.link_id as number) ?? undefined);
    if (!source || !target || link === undefined) continue;
    const key = `${String(e.kind)}|${source}|${target}|${String(link)}`;
    edgeIds.set(key, e.id as number);
    edges.push({ key, kind: e.kind as string, source, target, link_id: link, label: e.label, style: e.style });
  }
  const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    content: { name: diagram.name as string, nodes: out.sort(byKey), edges: edges.sort(byKey) },
    nodeIds,
    edgeIds,
    dropped,
  };
}

/** Writes a diagram's nodes and edges from content (a new diagram's, or theirs picked); answers the ids by key. */
export function writeContent(
  run: Pick<MergeRun, 'db' | 'log'>,
  diagramId: number,
  content: DiagramContent,
): { nodeIds: Map<string, number>; edgeIds: Map<string, number> } {
  const { db, log } = run;
  const nodeIds = new Map<string, number>();
  const insertNode = nodeInserter(db);
  for (const n of content.nodes) {
    const id = insertNode(diagramId, { ...n });
    log.inserted('diagram_nodes', id);
    nodeIds.set(n.key, id);
  }
  for (const n of content.nodes)
    if (n.parent && nodeIds.has(n.parent)) setNodeParent(db, nodeIds.get(n.key)!, nodeIds.get(n.parent)!);
  const edgeIds = new Map<string, number>();
  const insertEdge = edgeInserter(db);
  for (const e of content.edges) {
    const id = insertEdge(diagramId, { ...e, source_node: nodeIds.get(e.source), target_node: nodeIds.get(e.target) });
    log.inserted('diagram_edges', id);
    edgeIds.set(e.key, id);
  }
  return { nodeIds, edgeIds };
}

export function mergeDiagrams(run: MergeRun): void {
  const { db, other, log, maps } = run;
  const mapRef = (kind: string, ref: number) =>
    kind === 'entity'
      ? maps.entity.get(ref)
      : kind === 'document'
        ? maps.document.get(ref)
        : kind === 'excerpt'
          ? maps.excerpt.get(ref)
          : kind === 'link'
            ? maps.link.get(ref)
            : undefined;
  const writeDiagram = rowWriter(db, other, 'diagrams');
  for (const d of otherRows(other, 'diagrams', '1 ORDER BY id')) {
    const theirs = diagramContent(other, d, mapRef);
    for (const id of theirs.dropped)
      skip(run, 'node', id, `what it shows did not come over (diagram "${String(d.name)}")`);
    const mineId = findRow(db, 'diagrams', ['created_at', 'created_by'], [d.created_at, d.created_by]);
    let nodeIds: Map<string, number>;
    let edgeIds: Map<string, number>;
    if (mineId === undefined) {
      const id = writeDiagram(d, { id: null, history_position: 0 });
      log.inserted('diagrams', id);
      maps.diagram.set(d.id as number, id);
      count(run, 'diagrams');
      ({ nodeIds, edgeIds } = writeContent(run, id, theirs.content));
      for (const n of theirs.content.nodes) if (n.kind === 'entity' && n.ref !== null) anchorEntity(run, n.ref);
    } else {
      maps.diagram.set(d.id as number, mineId);
      const mine = diagramContent(db, rowWhere(db, 'diagrams', 'id', mineId)!, (_k, r) => r);
      ({ nodeIds, edgeIds } = mine);
      if (JSON.stringify(mine.content) !== JSON.stringify(theirs.content)) {
        const id = addConflict(db, {
          mergeId: run.mergeId,
          kind: 'diagram',
          localId: mineId,
          mine: mine.content,
          theirs: theirs.content,
          theirsBy: run.from ?? String(d.created_by),
        });
        if (id !== null) run.conflicts.push(id);
      }
    }
    // Their node and edge ids → mine, by key (a node only they have, in a diagram in conflict, maps to none).
    for (const [key, theirId] of theirs.nodeIds) if (nodeIds.has(key)) maps.node.set(theirId, nodeIds.get(key)!);
    for (const [key, theirId] of theirs.edgeIds) if (edgeIds.has(key)) maps.edge.set(theirId, edgeIds.get(key)!);
  }
}
