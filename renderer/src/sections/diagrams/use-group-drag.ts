import { useReactFlow, type XYPosition } from '@xyflow/react';
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import type { DiagramOp } from '../../../../shared/api/diagrams';
import { groupAt, type Box } from './arrange';
import { caseId, type DiagramEdge, type DiagramNode } from './flow-model';

interface Carried {
  start: XYPosition;
  members: Map<string, XYPosition>;
}

const boxOf = (n: DiagramNode, at = n.position): Box => ({
  id: caseId(n.id),
  x: at.x,
  y: at.y,
  w: n.measured?.width ?? n.width ?? 0,
  h: n.measured?.height ?? n.height ?? 0,
  parentId: n.data.view.parentId,
});

const inside = (n: DiagramNode, g: DiagramNode) => {
  const [a, b] = [boxOf(n), boxOf(g)];
  return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
};

/** Where every carried member is now, for the groups as dragged. */
function carriedPositions(carried: ReadonlyMap<string, Carried>, dragged: DiagramNode[]) {
  const at = new Map<string, XYPosition>();
  for (const g of dragged) {
    const c = carried.get(g.id);
    if (!c) continue;
    const dx = g.position.x - c.start.x;
    const dy = g.position.y - c.start.y;
    for (const [id, p] of c.members) at.set(id, { x: p.x + dx, y: p.y + dy });
  }
  return at;
}

/**
 * Groups are containers ("Rostec group" holds its companies): a node's group
 * is stored on it (`parentId`), and positions stay absolute, so a group is a
 * box drawn behind its members, not a React Flow parent. Dragging a group
 * carries its members (and theirs); a node dropped wholly inside a group
 * joins it, one dragged out of its group leaves it, in the same command as
 * the move (one undo). A node that lies inside a group box but belongs to no
 * group (placed before membership was stored, or a box drawn around it) is
 * taken in when the group is dragged.
 */
export function useGroupDrag(setNodes: Dispatch<SetStateAction<DiagramNode[]>>) {
  const flow = useReactFlow<DiagramNode, DiagramEdge>();
  const carried = useRef<Map<string, Carried>>(new Map());

  const onDragStart = useCallback(
    (dragged: DiagramNode[]) => {
      carried.current.clear();
      const all = flow.getNodes();
      const moving = new Set(dragged.map((d) => d.id));
      const membersOf = (g: DiagramNode): DiagramNode[] => {
        const direct = all.filter(
          (n) =>
            !moving.has(n.id) &&
            (n.data.view.parentId === caseId(g.id) ||
              (n.data.view.parentId === null && n.type !== 'group' && inside(n, g))),
        );
        return [...direct, ...direct.filter((d) => d.type === 'group').flatMap(membersOf)];
      };
      for (const g of dragged.filter((d) => d.type === 'group')) {
        const members = membersOf(g);
        carried.current.set(g.id, { start: g.position, members: new Map(members.map((m) => [m.id, m.position])) });
      }
    },
    [flow],
  );

  const onDrag = useCallback(
    (dragged: DiagramNode[]) => {
      if (carried.current.size === 0) return;
      const at = carriedPositions(carried.current, dragged);
      setNodes((ns) => ns.map((n) => (at.has(n.id) ? { ...n, position: at.get(n.id)! } : n)));
    },
    [setNodes],
  );

  /**
   * The drag as one command (ops and its label): the dragged nodes' and the carried members' final places, and
   * the membership changes, so that one undo takes back the move and the joining or leaving of a group.
   */
  const onDragStop = useCallback(
    (dragged: DiagramNode[]): [DiagramOp[], string] => {
      const at = carriedPositions(carried.current, dragged);
      const carriedBy = new Map<string, string>();
      for (const [g, c] of carried.current) for (const m of c.members.keys()) carriedBy.set(m, g);
      carried.current.clear();
      const all = flow.getNodes();
      const moving = new Set(dragged.map((d) => d.id));
      const boxes = all.map((n) => boxOf(n, at.get(n.id) ?? dragged.find((d) => d.id === n.id)?.position));
      const groups = new Set(all.filter((n) => n.type === 'group').map((n) => caseId(n.id)));
      const ops: DiagramOp[] = [];
      // Carried members join the group that carried them (if they were only lying in its box).
      for (const [m, g] of carriedBy) {
        const n = all.find((x) => x.id === m);
        if (n && n.data.view.parentId === null) ops.push({ op: 'updateNode', id: caseId(m), parentId: caseId(g) });
      }
      // A dragged node whose group moved with it keeps it; any other lands in the group it now lies in, or none.
      for (const d of dragged) {
        const parent = d.data.view.parentId;
        if (parent !== null && moving.has(String(parent))) continue;
        const into = groupAt(boxOf(d), boxes, groups);
        if (into !== parent) ops.push({ op: 'updateNode', id: caseId(d.id), parentId: into });
      }
      const moves = [...dragged.map((d) => [d.id, d.position] as const), ...at].map(([id, p]) => ({
        id: caseId(id),
        x: Math.round(p.x),
        y: Math.round(p.y),
      }));
      const n = moves.length;
      return [[{ op: 'moveNodes', moves }, ...ops], `Move ${n === 1 ? 'node' : `${n} nodes`}`];
    },
    [flow],
  );

  return { onDragStart, onDrag, onDragStop };
}
