import type { ReactNode } from 'react';
import type { ViewNode } from '../../../../shared/domain/diagrams';
import { CanvasActionsContext, type CanvasActions } from './canvas-context';
import { DiagramSanctions } from './diagram-sanctions';

/** What the canvas gives its nodes: its actions (edits in place) and the entities' sanctions badges. */
export function CanvasProviders(props: { actions: CanvasActions; nodes: readonly ViewNode[]; children: ReactNode }) {
  return (
    <CanvasActionsContext.Provider value={props.actions}>
      <DiagramSanctions nodes={props.nodes}>{props.children}</DiagramSanctions>
    </CanvasActionsContext.Provider>
  );
}
