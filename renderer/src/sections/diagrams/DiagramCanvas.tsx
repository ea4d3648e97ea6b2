import {
  applyEdgeChanges,
  applyNodeChanges,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type EdgeChange,
  type NodeChange,
  type OnSelectionChangeParams,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DiagramView, NodeKind, ViewNode } from '../../../../shared/domain/diagrams';
import { navigate } from '../../router';
import { CanvasProviders } from './canvas-providers';
import { useCanvasTools } from './canvas-tools';
import { GRID, useCanvasPrefs } from './canvas-prefs';
import { connectionOps, deleteOps, editLinkOps } from './canvas-edits';
import { ChangedNotice } from './ChangedNotice';
import { DiagramToolbar } from './DiagramToolbar';
import { EditTools } from './EditTools';
import { edgeTypes } from './edges';
import { chooseCounterparties } from './ExpandChooser';
import {
  caseId,
  edgeKey,
  findInDiagram,
  flowId,
  keepUnchanged,
  toFlowEdges,
  toFlowNodes,
  type DiagramEdge,
  type DiagramNode,
} from './flow-model';
import { Inspector } from './Inspector';
import { nodeTypes } from './nodes';
import { DetailBackground, movingClass, useNear } from './render-detail';
import { EdgeOverview, splitFar } from './edge-overview';
import { useDiagram, type DiagramApi } from './use-diagram';
import { useGroupDrag } from './use-group-drag';
import { useUndoKeys } from './use-undo-keys';

/** What a toolbar tool of another area gets: the diagram shown, its edits, and the React Flow instance. */
export interface CanvasToolContext {
  view: DiagramView;
  /** Every edit goes through here (`api.apply(ops)`), so it is one undoable command. */
  api: DiagramApi;
  flow: ReactFlowInstance<DiagramNode, DiagramEdge>;
  /** The ids of the nodes selected on the canvas (e.g. to lay out only those). */
  selectedNodes: number[];
  /** The canvas element (e.g. to export it as an image). */
  canvas: HTMLDivElement | null;
}

export interface DiagramCanvasProps {
  id: number;
  /** More toolbar tools (other areas': layout engines, timeline, export), shown in their own toolbar group. */
  toolbarExtras?: (ctx: CanvasToolContext) => ReactNode;
}

/** One diagram on a React Flow canvas; every edit is a command of the core (use-diagram.ts). */
export function DiagramCanvas(props: DiagramCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

const MINIMAP_COLOURS: Record<string, string> = {
  entity: '#8fb1e6',
  note: '#f3e08a',
  excerpt: '#e6d28f',
  group: '#eef1f6',
};
const minimapColour = (n: DiagramNode) => (n.data.found ? '#ffb300' : (MINIMAP_COLOURS[n.type] ?? '#c4cad4'));

const selectedOf = (items: { id: string; selected?: boolean }[]) =>
  new Set(items.filter((i) => i.selected).map((i) => i.id));

function Canvas({ id, toolbarExtras }: DiagramCanvasProps) {
  const api = useDiagram(id);
  const { view, apply } = api;
  const flow = useReactFlow<DiagramNode, DiagramEdge>();
  const [nodes, setNodes] = useState<DiagramNode[]>([]);
  const [edges, setEdges] = useState<DiagramEdge[]>([]);
  const [selected, setSelected] = useState<{ node: number | null; edge: number | null }>({ node: null, edge: null });
  const [query, setQuery] = useState('');
  const [findIndex, setFindIndex] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const moving = useMemo(() => movingClass(wrapper), []);

  const found = useMemo(() => (view ? findInDiagram(view, query) : []), [view, query]);
  const foundSet = useMemo(() => new Set(found), [found]);
  // The core's answer is what is shown; selection is the canvas's own and carries over.
  useEffect(() => {
    if (!view) return;
    setNodes((old) => keepUnchanged(old, toFlowNodes(view, foundSet, selectedOf(old))));
    setEdges((old) => keepUnchanged(old, toFlowEdges(view, foundSet, selectedOf(old))));
  }, [view, foundSet]);

  // After an expand or a layout, the whole diagram is brought into view once React Flow has the new nodes.
  const fitNext = useRef(false);
  useEffect(() => {
    if (!fitNext.current) return;
    fitNext.current = false;
    requestAnimationFrame(() => void flow.fitView({ duration: 300 }));
  }, [nodes, flow]);

  // Removals are not applied here: onDelete sends them to the core, whose answer removes them.
  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramNode>[]) =>
      setNodes((ns) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'remove'),
          ns,
        ),
      ),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<DiagramEdge>[]) =>
      setEdges((es) =>
        applyEdgeChanges(
          changes.filter((c) => c.type !== 'remove'),
          es,
        ),
      ),
    [],
  );
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    setSelected({
      node: n.length === 1 && e.length === 0 ? caseId(n[0]!.id) : null,
      edge: e.length === 1 && n.length === 0 ? caseId(e[0]!.id) : null,
    });
  }, []);
  const actions = useMemo(
    () => ({
      apply,
      selectEdge: (edgeId: number) => {
        setNodes((ns) => ns.map((n) => (n.selected ? { ...n, selected: false } : n)));
        setEdges((es) => es.map((e) => ({ ...e, selected: e.id === flowId(edgeId) })));
        setSelected({ node: null, edge: edgeId });
      },
    }),
    [apply],
  );

  useUndoKeys(api.undo, api.redo);
  const groupDrag = useGroupDrag(setNodes);
  const tools = useCanvasTools(apply); // ELK layout, timeline, exports
  const snap = useCanvasPrefs((s) => s.snap);
  const near = useNear();
  const [picked, drawn] = useMemo(() => splitFar(edges), [edges]);

  /** Where on the diagram the middle of what the canvas shows is. */
  const centre = () => {
    const r = wrapper.current?.getBoundingClientRect();
    return flow.screenToFlowPosition({
      x: (r?.left ?? 0) + (r?.width ?? 0) / 2,
      y: (r?.top ?? 0) + (r?.height ?? 0) / 2,
    });
  };
  /** Adds a node in the middle of what the canvas shows. */
  const addAtCentre = (node: { kind: NodeKind; ref?: number; text?: string }, label?: string) => {
    const at = centre();
    void apply([{ op: 'addNode', ...node, x: Math.round(at.x - 110), y: Math.round(at.y - 40) }], label);
  };
  const expand = async (node: ViewNode) => {
    const ids = await chooseCounterparties(id, node.id, node.label);
    if (ids && (await api.expand(node.id, ids))) fitNext.current = true;
  };
  const goToFound = (back: boolean) => {
    if (found.length === 0) return;
    const next = (findIndex + (back ? found.length - 1 : 1)) % found.length;
    setFindIndex(next);
    const key = found[next]!;
    const n = key.startsWith('n') ? key.slice(1) : null;
    const e = !n ? view?.edges.find((x) => edgeKey(x.id) === key) : null;
    const targets = n ? [n] : e ? [flowId(e.source), flowId(e.target)] : [];
    void flow.fitView({ nodes: targets.map((t) => ({ id: t })), duration: 300, maxZoom: 1.2 });
  };

  const saveViewport = useRef<ReturnType<typeof setTimeout>>(undefined);
  if (api.error && !view) return <p className="error pad">{api.error}</p>;
  if (!view) return <p className="muted pad">Opening the diagram…</p>;
  const isDefaultViewport = view.viewport.x === 0 && view.viewport.y === 0 && view.viewport.zoom === 1;
  const selectedNodes = nodes.filter((n) => n.selected).map((n) => caseId(n.id));
  const selNode = selected.node === null ? null : (view.nodes.find((n) => n.id === selected.node) ?? null);
  const selEdge = selected.edge === null ? null : (view.edges.find((e) => e.id === selected.edge) ?? null);
  return (
    <section className="diagram-section">
      <DiagramToolbar
        view={view}
        onUndo={() => void api.undo()}
        onRedo={() => void api.redo()}
        onAddNote={() => addAtCentre({ kind: 'note', text: '' })}
        onAddGroup={() => addAtCentre({ kind: 'group' })}
        onAddEntity={(e) => addAtCentre({ kind: 'entity', ref: e.id }, `Add ${e.name}`)}
        onAddSource={(kind, ref) => addAtCentre({ kind, ref })}
        onSetFilters={(filters) => void apply([{ op: 'setFilters', filters }])}
        onLayout={() => void tools.layout(false, edges)}
        onBack={() => navigate({ section: 'diagrams', path: [], params: {} })}
        find={{
          query,
          count: found.length,
          index: Math.min(findIndex, Math.max(0, found.length - 1)),
          onQuery: (q) => {
            setQuery(q);
            setFindIndex(-1);
          },
          onNext: goToFound,
        }}
        extras={tools.extras(
          view,
          <>
            <EditTools
              view={view}
              api={api}
              selectedNodes={selectedNodes}
              centre={centre}
              onLayoutSelected={() => void tools.layout(true, edges)}
            />
            {toolbarExtras?.({ view, api, flow, selectedNodes, canvas: wrapper.current })}
          </>,
        )}
      />
      <ChangedNotice view={view} />
      {api.error && (
        <div className="error-bar" role="alert">
          {api.error}
          <button className="link" onClick={() => api.setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="diagram-body">
        <div className="diagram-canvas" ref={wrapper} data-diagram-id={view.id} data-far={near ? undefined : ''}>
          <CanvasProviders actions={actions} nodes={view.nodes}>
            <ReactFlow<DiagramNode, DiagramEdge>
              nodes={nodes}
              edges={near ? edges : picked}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              connectionMode={ConnectionMode.Loose}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onSelectionChange={onSelectionChange}
              onNodeDragStart={(_, __, dragged) => groupDrag.onDragStart(dragged)}
              onNodeDrag={(_, __, dragged) => groupDrag.onDrag(dragged)}
              onNodeDragStop={(_, __, dragged) => void apply(...groupDrag.onDragStop(dragged))}
              onConnect={(c) => void connectionOps(view, c).then((ops) => ops && apply(ops))}
              onDelete={({ nodes: n, edges: e }) => {
                const ops = deleteOps(
                  n.map((x) => caseId(x.id)),
                  e.map((x) => ({ id: caseId(x.id), source: caseId(x.source), target: caseId(x.target) })),
                );
                if (ops.length) void apply(ops);
              }}
              deleteKeyCode={['Delete', 'Backspace']}
              // A selected group stays behind what it holds (raised, its box would cover its members).
              elevateNodesOnSelect={false}
              snapToGrid={snap}
              snapGrid={[GRID, GRID]}
              minZoom={0.05}
              maxZoom={3}
              onlyRenderVisibleElements
              {...(isDefaultViewport ? { fitView: true } : { defaultViewport: view.viewport })}
              onMoveStart={moving.start}
              onMoveEnd={(_, vp) => {
                moving.end();
                clearTimeout(saveViewport.current);
                saveViewport.current = setTimeout(() => api.saveViewport(vp), 400);
              }}
              proOptions={{ hideAttribution: true }}
            >
              <DetailBackground />
              {!near && <EdgeOverview edges={drawn} />}
              <MiniMap pannable zoomable nodeColor={minimapColour} ariaLabel="Overview of the diagram" />
              <Controls showInteractive={false} />
            </ReactFlow>
          </CanvasProviders>
        </div>
        <Inspector
          node={selNode}
          edge={selEdge}
          api={api}
          onExpand={(n) => void expand(n)}
          onEditLink={(e) => void editLinkOps(view, e).then((ops) => ops && apply(ops))}
        />
      </div>
      {tools.panel(view)}
    </section>
  );
}
