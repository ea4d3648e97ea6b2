/**
 * Copy and paste between diagrams of the case: the chosen nodes of one
 * diagram (a group brings what it holds) with the link and free edges among
 * them, added to another (or the same) diagram as one command of its
 * history. An entity already on the target is not added twice: its node
 * there stands for the copied one. Shipment edges are never copied: they are
 * what the records say, so they are worked out again on the target (under
 * its filters) between each newly placed entity and every entity there, as
 * an expand does. What a copied node points at that left the case since is
 * left out (and counted), never pasted as a broken node.
 */
import type { DiagramOp } from '../../../shared/api/diagrams';
import type { DiagramPasted } from '../../../shared/domain/diagrams';
import { CustodianError } from '../../../shared/result';
import { annotationsOn } from '../db/annotations';
import { listEdges } from '../db/diagram-edges';
import { getNode, listNodes, type NodeRecord } from '../db/diagram-nodes';
import { getDocument } from '../db/documents';
import { getExcerpt } from '../db/excerpts';
import { getLink } from '../db/links';
import type { WriteDb } from '../db/types';
import { applyCommand, mustDiagram } from './history';
import { liveEntities } from './live-entities';
import { shipmentsAmongLive } from './shipments';
import { diagramView } from './view';

export interface PasteInput {
  /** The diagram pasted into. */
  id: number;
  /** The diagram copied from (may be the same). */
  from: number;
  nodeIds: number[];
  /** Where the middle of the pasted block goes; by default beside the copied one (offset on the same diagram). */
  at?: { x: number; y: number } | undefined;
}

/** The chosen nodes of the source diagram, with everything inside a chosen group, parents first. */
function copiedNodes(db: WriteDb, from: number, nodeIds: number[]): NodeRecord[] {
  const all = listNodes(db, from);
  const chosen = new Set<number>();
  for (const id of nodeIds) {
    const n = getNode(db, id);
    if (!n || n.diagramId !== from) throw new CustodianError('not_found', `Diagram ${from} has no node ${id}.`);
    chosen.add(n.id);
  }
  // Members of chosen groups, and theirs (a group may hold a group).
  for (let before = -1; before !== chosen.size;) {
    before = chosen.size;
    for (const n of all) if (n.parentId !== null && chosen.has(n.parentId)) chosen.add(n.id);
  }
  const depth = (n: NodeRecord): number => (n.parentId === null ? 0 : 1 + depth(all.find((p) => p.id === n.parentId)!));
  return all.filter((n) => chosen.has(n.id)).sort((a, b) => depth(a) - depth(b) || a.id - b.id);
}

export function pasteNodes(db: WriteDb, input: PasteInput, actor: string): DiagramPasted {
  const target = mustDiagram(db, input.id);
  mustDiagram(db, input.from);
  const live = liveEntities(db);
  const copied = copiedNodes(db, input.from, input.nodeIds);
  const onTarget = listNodes(db, input.id);
  const existing = new Map<number, number>(); // live entity → its node on the target
  for (const n of onTarget) {
    const e = n.kind === 'entity' ? live(n.ref!) : null;
    if (e && !existing.has(e.id)) existing.set(e.id, n.id);
  }

  // Where the block goes: its middle at `at`, else where it was (a little down and right on the same diagram).
  const left = Math.min(...copied.map((n) => n.x));
  const top = Math.min(...copied.map((n) => n.y));
  const right = Math.max(...copied.map((n) => n.x + n.w));
  const bottom = Math.max(...copied.map((n) => n.y + n.h));
  const shift = input.at
    ? { x: Math.round(input.at.x - (left + right) / 2), y: Math.round(input.at.y - (top + bottom) / 2) }
    : input.from === input.id
      ? { x: 40, y: 40 }
      : { x: 0, y: 0 };

  const ops: DiagramOp[] = [];
  const mapped = new Map<number, number>(); // copied node → node on the target (temporary id when new)
  const added = new Set<number>(); // copied nodes placed anew
  const newEntities: number[] = [];
  let skipped = 0;
  for (const n of copied) {
    let ref: number | undefined;
    if (n.kind === 'entity') {
      const e = live(n.ref!);
      if (!e) {
        skipped++;
        continue;
      }
      const there = existing.get(e.id);
      if (there !== undefined) {
        mapped.set(n.id, there);
        continue;
      }
      ref = e.id;
      newEntities.push(e.id);
      existing.set(e.id, -(ops.length + 1));
    } else if (n.kind === 'document' || n.kind === 'excerpt') {
      if (!(n.kind === 'document' ? getDocument(db, n.ref!) : getExcerpt(db, n.ref!))) {
        skipped++;
        continue;
      }
      ref = n.ref!;
    }
    const tempId = -(ops.length + 1);
    mapped.set(n.id, tempId);
    added.add(n.id);
    const parent = n.parentId === null ? undefined : mapped.get(n.parentId);
    ops.push({
      op: 'addNode',
      tempId,
      kind: n.kind,
      ...(ref !== undefined ? { ref } : {}),
      ...(n.kind === 'note' ? { text: n.text ?? '' } : {}),
      label: n.label,
      x: n.x + shift.x,
      y: n.y + shift.y,
      w: n.w,
      h: n.h,
      style: n.style,
      // A member of a copied group stays in it; a reused entity keeps the place it has on the target.
      ...(parent !== undefined && parent < 0 ? { parentId: parent } : {}),
    });
  }
  if (ops.length === 0 && mapped.size === 0)
    throw new CustodianError('not_found', 'Nothing to paste: what was copied is no longer in the case.');

  let temp = -(ops.length + 1);
  const nextTemp = () => temp--;
  // Notes on the nodes placed anew come with them.
  for (const n of copied.filter((c) => added.has(c.id)))
    for (const a of annotationsOn(db, 'node', n.id))
      ops.push({ op: 'annotate', tempId: nextTemp(), target: 'node', targetId: mapped.get(n.id)!, text: a.text });

  // Link and free edges among the copied nodes; a link is the case's, so the same link is drawn again.
  const drawn = new Set(listEdges(db, input.id).map((e) => `${e.kind}:${e.linkId ?? ''}:${e.source}>${e.target}`));
  for (const e of listEdges(db, input.from)) {
    const [source, dest] = [mapped.get(e.source), mapped.get(e.target)];
    if (e.kind === 'shipment' || source === undefined || dest === undefined || source === dest) continue;
    if (e.kind === 'link' && !getLink(db, e.linkId!)) continue;
    const key = `${e.kind}:${e.linkId ?? ''}:${source}>${dest}`;
    if (e.kind === 'link' && drawn.has(key)) continue;
    drawn.add(key);
    const tempId = nextTemp();
    ops.push({
      op: 'addEdge',
      tempId,
      kind: e.kind,
      source,
      target: dest,
      label: e.label,
      style: e.style,
      ...(e.kind === 'link' ? { linkId: e.linkId! } : {}),
    });
    for (const a of annotationsOn(db, 'edge', e.id))
      ops.push({ op: 'annotate', tempId: nextTemp(), target: 'edge', targetId: tempId, text: a.text });
  }

  // Shipments from the records, between each new entity and every entity on the target.
  const all = [...existing.keys()];
  const shipments = [
    ...shipmentsAmongLive(db, newEntities, target.filters, all).values(),
    ...shipmentsAmongLive(
      db,
      all.filter((id) => !newEntities.includes(id)),
      target.filters,
      newEntities,
    ).values(),
  ];
  for (const s of shipments)
    ops.push({ op: 'addEdge', kind: 'shipment', source: existing.get(s.source)!, target: existing.get(s.target)! });

  const placed = copied.filter((n) => mapped.has(n.id)).length;
  const created =
    ops.length > 0
      ? applyCommand(db, input.id, ops, actor, `Paste ${placed} node${placed === 1 ? '' : 's'}`)
      : ({} as Record<string, number>);
  const nodes = [...new Set([...mapped.values()].map((id) => (id < 0 ? created[String(id)]! : id)))];
  return { view: diagramView(db, input.id), created, nodes, skipped };
}
