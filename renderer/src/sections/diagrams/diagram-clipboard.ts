import { useApp } from '../../state/store';

/**
 * What Copy put aside: which nodes of which diagram. Only their ids: the
 * core reads them again at paste time (diagrams.paste), so a paste brings
 * the nodes as they are then, with their links, and works shipments out
 * from the records. Kept in sessionStorage so that it survives going to
 * another diagram or a reload, and tied to the case it was copied in.
 */
export interface DiagramClipboard {
  caseId: string;
  diagramId: number;
  nodeIds: number[];
}

const KEY = 'custodian-diagram-clipboard';

export function copyNodes(diagramId: number, nodeIds: number[]): void {
  const caseId = useApp.getState().caseInfo?.caseId;
  if (!caseId || nodeIds.length === 0) return;
  sessionStorage.setItem(KEY, JSON.stringify({ caseId, diagramId, nodeIds } satisfies DiagramClipboard));
  window.dispatchEvent(new Event(KEY));
}

/** The nodes copied in the case open now, or null. */
export function copiedNodes(): DiagramClipboard | null {
  try {
    const c = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as DiagramClipboard | null;
    return c && c.caseId === useApp.getState().caseInfo?.caseId ? c : null;
  } catch {
    return null;
  }
}

/** Calls `listener` when something is copied (to enable Paste). */
export function onCopy(listener: () => void): () => void {
  window.addEventListener(KEY, listener);
  return () => window.removeEventListener(KEY, listener);
}
