import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ViewNode } from '../../../../shared/domain/diagrams';
import type { EntityHitSummary } from '../../../../shared/domain/screening';
import { SanctionsBadge, useSanctionHits } from '../../components/SanctionsBadge';
import { EntityBadgeContext } from './canvas-context';

/** The hits of the diagram's entities, fetched once for the diagram (not once per node). */
const DiagramHits = createContext<ReadonlyMap<number, EntityHitSummary>>(new Map());

/** What fills an entity node's badge slot: its sanctions badge, from the diagram's hits. */
function DiagramSanctionsBadge({ entityId }: { entityId: number }) {
  const summary = useContext(DiagramHits).get(entityId);
  return summary ? <SanctionsBadge summary={summary} compact /> : null;
}

/**
 * Gives the canvas's entity nodes their sanctions badges: the slot
 * component never changes (nodes do not re-render for it), and the hits
 * come in one call for every entity on the diagram; when they change only
 * the badges re-render.
 */
export function DiagramSanctions({ nodes, children }: { nodes: readonly ViewNode[]; children: ReactNode }) {
  const ids = useMemo(() => nodes.flatMap((n) => (n.kind === 'entity' && n.ref !== null ? [n.ref] : [])), [nodes]);
  const hits = useSanctionHits(ids);
  return (
    <EntityBadgeContext.Provider value={DiagramSanctionsBadge}>
      <DiagramHits.Provider value={hits}>{children}</DiagramHits.Provider>
    </EntityBadgeContext.Provider>
  );
}
