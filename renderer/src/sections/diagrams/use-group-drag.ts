import { useReactFlow, type XYPosition } from '@xyflow/react';
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import type { DiagramEdge, DiagramNode } from './flow-model';

interface Carried {
  start: XYPosition;
  members: Map<string, XYPosition>;
}

const inside = (n: DiagramNode, g: DiagramNode) => {
  const w = n.measured?.width ?? n.width ?? 0;
  const h = n.measured?.height ?? n.height ?? 0;
  const gw = g.measured?.width ?? g.width ?? 0;
  const gh = g.measured?.height ?? g.height ?? 0;
  return (
    n.position.x >= g.position.x &&
    n.position.y >= g.position.y &&
    n.position.x + w <= g.position.x + gw &&
    n.position.y + h <= g.position.y + gh
  );
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
 * A group box carries what lies inside it when it is dragged ("Rostec
 * group" moves with its companies). Groups are plain boxes on the canvas,
 * not React Flow parents, so the members are those wholly inside the box
 * when the drag starts; they move with it and are stored in the same command.
 */
export function useGroupDrag(setNodes: Dispatch<SetStateAction<DiagramNode[]>>) {
  const flow = useReactFlow<DiagramNode, DiagramEdge>();
  const carried = useRef<Map<string, Carried>>(new Map());

  const onDragStart = useCallback(
    (dragged: DiagramNode[]) => {
      carried.current.clear();
      const all = flow.getNodes();
      const moving = new Set(dragged.map((d) => d.id));
      for (const g of dragged.filter((d) => d.type === 'group')) {
        const members = all.filter((n) => n.type !== 'group' && !moving.has(n.id) && inside(n, g));
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

  /** The members' final places, to store with the groups' own move. */
  const onDragStop = useCallback((dragged: DiagramNode[]) => {
    const at = carriedPositions(carried.current, dragged);
    carried.current.clear();
    return [...at].map(([id, p]) => ({ id, position: p }));
  }, []);

  return { onDragStart, onDrag, onDragStop };
}
