import { useEffect, useRef, useState } from 'react';
import type { DiagramView } from '../../../../shared/domain/diagrams';
import { useApp } from '../../state/store';
import { shipmentFingerprint } from './canvas-edits';

/**
 * Shipment edges are computed from the records each time: an import, a
 * merge or a split between two openings changes them. The canvas remembers
 * (in this browser profile) what each edge said when last shown, and says
 * so when it opens to different numbers.
 */
export function ChangedNotice({ view }: { view: DiagramView }) {
  const caseId = useApp((s) => s.caseInfo?.caseId ?? '');
  const key = `custodian.diagram-seen.${caseId}.${view.id}`;
  const [changed, setChanged] = useState(false);
  const opened = useRef<string | null>(null);
  const print = shipmentFingerprint(view);
  // A quick first view has no numbers yet: the comparison waits for the summed one.
  const pending = view.edges.some((e) => e.pending);
  useEffect(() => {
    if (pending) return;
    if (opened.current !== key) {
      opened.current = key;
      const before = localStorage.getItem(key);
      setChanged(before !== null && before !== print);
    }
    localStorage.setItem(key, print);
  }, [key, print, pending]);
  if (!changed) return null;
  return (
    <div className="diagram-changed" role="status">
      The records behind this diagram changed since it was last opened (an import, a merge or a split): its shipment
      edges show the numbers as they are now.
      <button className="link" onClick={() => setChanged(false)}>
        Dismiss
      </button>
    </div>
  );
}
