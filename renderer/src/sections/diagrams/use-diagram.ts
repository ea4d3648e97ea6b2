import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, MethodName } from '../../../../shared/api';
import type { DiagramOp } from '../../../../shared/api/diagrams';
import type { DiagramChange, DiagramView } from '../../../../shared/domain/diagrams';
import { client } from '../../api/client';
import { useApp } from '../../state/store';

/** Methods that answer a changed diagram. */
type ChangeMethod =
  'diagrams.apply' | 'diagrams.undo' | 'diagrams.redo' | 'diagrams.expand' | 'diagrams.layout' | 'diagrams.paste';

/**
 * One diagram as the core computes it, and every edit sent to the core.
 * The canvas never changes the diagram by itself: each edit is a
 * `diagrams.apply` command (so it is in the undo history, kept in the case)
 * and the view shown is the one the core answers. Calls are sent one after
 * another, in the order made, so a drag followed at once by Ctrl+Z undoes
 * that drag and not the one before.
 */
export function useDiagram(id: number) {
  const revision = useApp((s) => s.revision);
  const [view, setView] = useState<DiagramView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Views the core answered to an edit: an opening's answer that comes after one of them is older.
  const edits = useRef(0);

  useEffect(() => {
    let live = true;
    const editsBefore = edits.current;
    // A big diagram is drawn before its shipments are summed (they come `pending`), then shown again with them.
    const load = (quick: boolean) =>
      client.call('diagrams.get', { id, quick }).then((r) => {
        if (!live || edits.current !== editsBefore) return;
        if (!r.ok) return setError(r.error.message);
        setView(r.value);
        // Asked for once the canvas has painted, so that summing does not take a core from drawing.
        if (quick && r.value.edges.some((e) => e.pending)) afterPaint(() => void load(false));
      });
    void load(true);
    return () => {
      live = false;
    };
  }, [id, revision]);

  const send = useCallback(<M extends ChangeMethod>(method: M, input: ApiInput<M>): Promise<DiagramChange | null> => {
    const next = queue.current.then(async () => {
      const r = await client.call(method as MethodName, input as never);
      if (!r.ok) {
        // Nothing to undo or redo is not a failure worth a banner.
        if (!/^nothing_to_/.test(r.error.code)) setError(r.error.message);
        return null;
      }
      const change = r.value as DiagramChange;
      edits.current++;
      setView(change.view);
      setError(null);
      return change;
    });
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const apply = useCallback(
    (ops: DiagramOp[], label?: string) => send('diagrams.apply', { id, ops, ...(label ? { label } : {}) }),
    [id, send],
  );
  const undo = useCallback(() => send('diagrams.undo', { id }), [id, send]);
  const redo = useCallback(() => send('diagrams.redo', { id }), [id, send]);
  const layout = useCallback(() => send('diagrams.layout', { id }), [id, send]);
  const expand = useCallback(
    (nodeId: number, entityIds: number[]) => send('diagrams.expand', { id, nodeId, entityIds }),
    [id, send],
  );
  const paste = useCallback(
    (from: number, nodeIds: number[], at?: { x: number; y: number }) =>
      send('diagrams.paste', { id, from, nodeIds, ...(at ? { at } : {}) }),
    [id, send],
  );
  const saveViewport = useCallback(
    (viewport: { x: number; y: number; zoom: number }) => void client.call('diagrams.update', { id, viewport }),
    [id],
  );
  return { view, error, setError, apply, undo, redo, layout, expand, paste, saveViewport };
}

export type DiagramApi = ReturnType<typeof useDiagram>;

const afterPaint = (f: () => void) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(f, 0)));
