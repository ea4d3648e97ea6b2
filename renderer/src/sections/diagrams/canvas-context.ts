import { createContext, useContext, type ComponentType } from 'react';
import type { DiagramOp } from '../../../../shared/api/diagrams';

/** What node components may do to the diagram (a note edited in place). Every edit is a core command. */
export interface CanvasActions {
  apply(ops: DiagramOp[], label?: string): Promise<unknown>;
  /** Selects an edge (a click on its label, which lies above the edge's line). */
  selectEdge(id: number): void;
}

export const CanvasActionsContext = createContext<CanvasActions>({
  apply: () => Promise.resolve(null),
  selectEdge: () => undefined,
});
export const useCanvasActions = () => useContext(CanvasActionsContext);

/**
 * The badge slot of entity nodes: the screening area provides a component
 * that shows an entity's sanctions hits (nothing by default). It is a
 * context, not node data, so that hits can change without rebuilding nodes.
 */
export const EntityBadgeContext = createContext<ComponentType<{ entityId: number }> | null>(null);
