import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { DiagramView } from '../../../../shared/domain/diagrams';
import { CiteButton } from '../briefs/cite';
import { exportDiagramPng, exportDiagramSvg } from './diagram-export';
import { caseId, type DiagramEdge, type DiagramNode } from './flow-model';
import { TimelinePanel } from './Timeline';
import type { DiagramApi } from './use-diagram';
import type { LayoutInputEdge } from './elk-graph';
import { LayoutCancelled, useElkLayout } from './use-elk-layout';

/**
 * ELK auto-layout of the canvas: of every node, or of the selected ones. Runs
 * in a worker (the canvas stays usable); the result is one `moveNodes`
 * command, so one Ctrl+Z puts everything back. Groups are boxes drawn
 * behind their members, not parents: ELK would place them as nodes of their
 * own, away from what they hold, so they are left where they are.
 */
export function useCanvasLayout(apply: DiagramApi['apply']) {
  const flow = useReactFlow<DiagramNode, DiagramEdge>();
  const elk = useElkLayout();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    // The diagram's edges, not React Flow's: far out it holds only those selected or found (edge-overview.tsx).
    async (selectedOnly: boolean, edges: readonly LayoutInputEdge[]) => {
      setError(null);
      // A group's members stay in their box, as the core's layout leaves them.
      const nodes = flow.getNodes().filter((n) => n.type !== 'group' && n.data.view.parentId === null);
      try {
        const positions = await elk.layout(nodes, edges, { selectedOnly });
        const moves = [...positions].map(([id, p]) => ({ id: caseId(id), x: p.x, y: p.y }));
        if (moves.length === 0) return;
        await apply([{ op: 'moveNodes', moves }], selectedOnly ? 'Lay out selected' : 'Auto-layout');
        // Once React Flow has the new positions (the view is set now, drawn in the next frames): the whole diagram.
        if (!selectedOnly)
          requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ duration: 300 })));
      } catch (e) {
        if (!(e instanceof LayoutCancelled)) setError(e instanceof Error ? e.message : String(e));
      }
    },
    [apply, elk, flow],
  );
  return { run, cancel: elk.cancel, running: elk.running, error };
}

interface ToolsProps {
  view: DiagramView;
  layout: ReturnType<typeof useCanvasLayout>;
  timelineOpen: boolean;
  onToggleTimeline(): void;
}

/** The canvas toolbar's extra tools: layout of the selection, the timeline, exports (and citing the diagram in a brief). */
export function CanvasTools({ view, layout, timelineOpen, onToggleTimeline }: ToolsProps) {
  const flow = useReactFlow<DiagramNode, DiagramEdge>();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const doing = (what: string, f: () => Promise<unknown>) => {
    setBusy(what);
    setError(null);
    f()
      .catch((e: unknown) => setError(`${what} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(null));
  };
  const png = () =>
    doing('PNG export', () => {
      const viewport = document.querySelector<HTMLElement>(`[data-diagram-id="${view.id}"] .react-flow__viewport`);
      if (!viewport) throw new Error('the canvas is not shown');
      return exportDiagramPng(viewport, flow.getNodesBounds(flow.getNodes()), view.name);
    });
  const shownError = layout.error ?? error;
  return (
    <>
      {/* "Lay out selected" is in the Arrange menu (EditTools). */}
      {layout.running && (
        <button onClick={layout.cancel} title="Stop the layout; nothing moves">
          Cancel layout
        </button>
      )}
      <button aria-pressed={timelineOpen} onClick={onToggleTimeline}>
        Timeline
      </button>
      <details className="toolbar-popover export-tools">
        <summary>Export</summary>
        <div className="popover-body row" role="group" aria-label="Export">
          <button onClick={png} disabled={busy !== null} title="A picture of the whole diagram as drawn">
            PNG
          </button>
          <button
            onClick={() => doing('SVG export', () => exportDiagramSvg(view.id))}
            disabled={busy !== null}
            title="The diagram as stored in the case, as the CLI and briefs draw it"
          >
            SVG
          </button>
          <CiteButton cite={() => ({ kind: 'diagram', id: view.id })} what={`The diagram “${view.name}”`} />
        </div>
      </details>
      {(busy || layout.running) && (
        <span className="muted small" aria-live="polite">
          {busy ?? 'Laying out…'}
        </span>
      )}
      {shownError && (
        <span className="error small" role="alert">
          {shownError}
        </span>
      )}
    </>
  );
}

/**
 * The diagram's timeline under the canvas; a brushed range becomes the diagram's date filter (an
 * undoable edit), so the edges re-aggregate within it.
 */
export function CanvasTimeline({ view, apply }: { view: DiagramView; apply: DiagramApi['apply'] }) {
  // Read again when the shipment edges or their entities change, not on every move or filter.
  const version = useMemo(
    () =>
      JSON.stringify([
        view.edges.filter((e) => e.kind === 'shipment').map((e) => [e.id, e.source, e.target]),
        view.nodes.filter((n) => n.kind === 'entity').map((n) => [n.id, n.ref]),
      ]),
    [view],
  );
  return (
    <TimelinePanel
      diagramId={view.id}
      version={version}
      range={{ from: view.filters.dateFrom, to: view.filters.dateTo }}
      onRange={(from, to) =>
        void apply(
          [{ op: 'setFilters', filters: { ...view.filters, dateFrom: from, dateTo: to } }],
          from || to ? `Dates ${from ?? '…'} to ${to ?? '…'}` : 'All dates',
        )
      }
    />
  );
}

/**
 * What the canvas wires in: `layout` for its Lay out button, `extras` for its toolbar (beside other
 * areas' tools), `panel` under the canvas (the timeline, when open).
 */
export function useCanvasTools(apply: DiagramApi['apply']) {
  const layout = useCanvasLayout(apply);
  const [timelineOpen, setTimelineOpen] = useState(false);
  return {
    layout: layout.run,
    extras: (view: DiagramView, others: ReactNode) => (
      <>
        {others}
        <CanvasTools
          view={view}
          layout={layout}
          timelineOpen={timelineOpen}
          onToggleTimeline={() => setTimelineOpen((o) => !o)}
        />
      </>
    ),
    panel: (view: DiagramView) => (timelineOpen ? <CanvasTimeline view={view} apply={apply} /> : null),
  };
}
