import type { DiagramView, ViewEdge, ViewNode } from '../../shared/domain/diagrams';

/** A diagram view as the core answers it, built by hand for the pure functions (flow model, SVG). */
export const viewNode = (id: number, label: string, more: Partial<ViewNode> = {}): ViewNode => ({
  id,
  kind: 'entity',
  ref: id * 10,
  label,
  text: null,
  x: id * 100,
  y: 0,
  w: 220,
  h: 72,
  style: {},
  parentId: null,
  annotations: [],
  ...more,
});

export const viewEdge = (id: number, source: number, target: number, more: Partial<ViewEdge> = {}): ViewEdge => ({
  id,
  kind: 'shipment',
  source,
  target,
  label: null,
  style: {},
  annotations: [],
  ...more,
});

export const diagramView = (nodes: ViewNode[], edges: ViewEdge[], name = 'd'): DiagramView => ({
  id: 1,
  name,
  viewport: { x: 0, y: 0, zoom: 1 },
  filters: { dateFrom: null, dateTo: null, hsChapters: [] },
  createdAt: '',
  updatedAt: '',
  nodes,
  edges,
  folded: [],
  history: { position: 0, size: 0, undo: null, redo: null },
});
