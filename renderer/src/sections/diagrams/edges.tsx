import { BaseEdge, useInternalNode, type EdgeProps, type EdgeTypes, type InternalNode } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { drawnTier } from '../../../../shared/diagrams/chpl-colours';
import { useCanvasActions } from './canvas-context';
import { ChplTierChip } from './ChplTier';
import { KindIcon } from './icons';
import type { Grade, ViewEdge } from '../../../../shared/domain/diagrams';
import { shipmentLabel, type DiagramEdge, type EdgeData } from './flow-model';
import { EdgeLabelPortal, useNear } from './render-detail';

/**
 * The edge kinds. They are "floating": drawn between the borders of their
 * two nodes wherever those are (not from fixed handles), so a shipment back
 * the other way or a link beside a shipment bows apart instead of lying on
 * top of it.
 */

export const DASH: Record<Grade, string | undefined> = { confirmed: undefined, tentative: '8 5', unconfirmed: '2 4' };

interface Point {
  x: number;
  y: number;
}

function centre(n: InternalNode): Point {
  const w = n.measured.width ?? n.width ?? 0;
  const h = n.measured.height ?? n.height ?? 0;
  return { x: n.internals.positionAbsolute.x + w / 2, y: n.internals.positionAbsolute.y + h / 2 };
}

/** Where the line from the node's centre towards `to` leaves its box. */
function border(n: InternalNode, to: Point): Point {
  const c = centre(n);
  const hw = (n.measured.width ?? n.width ?? 0) / 2 + 2;
  const hh = (n.measured.height ?? n.height ?? 0) / 2 + 2;
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const t = Math.min(dx ? hw / Math.abs(dx) : Infinity, dy ? hh / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** A quadratic curve between the two nodes, bowed sideways by `bend` steps, with the point its label sits on. */
export function curve(source: InternalNode, target: InternalNode, bend: number) {
  const a = centre(source);
  const b = centre(target);
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const off = bend * 64;
  const control = { x: (a.x + b.x) / 2 + ((a.y - b.y) / len) * off, y: (a.y + b.y) / 2 + ((b.x - a.x) / len) * off };
  const s = border(source, control);
  const t = border(target, control);
  const mid = { x: 0.25 * s.x + 0.5 * control.x + 0.25 * t.x, y: 0.25 * s.y + 0.5 * control.y + 0.25 * t.y };
  return { path: `M ${s.x},${s.y} Q ${control.x},${control.y} ${t.x},${t.y}`, mid, control, end: t };
}

interface LabelProps {
  edge: ViewEdge;
  text: string;
  second: string | null;
  classes: string;
  x: number;
  y: number;
}

/** The edge's label, in React Flow's label layer (a click on it selects the edge). */
function EdgeLabel({ edge: e, text, second, classes, x, y }: LabelProps) {
  const { selectEdge } = useCanvasActions();
  const tier = drawnTier(e);
  return (
    <EdgeLabelPortal>
      <div
        className={`edge-label nopan ${classes}`}
        data-edge-id={e.id}
        onClick={() => selectEdge(e.id)}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      >
        {tier && (
          <>
            <ChplTierChip tier={tier} />{' '}
          </>
        )}
        {text}
        {second && <span className="edge-dates">{second}</span>}
        {e.annotations.length > 0 && (
          <span className="edge-notes" title={e.annotations.map((a) => a.text).join('\n')}>
            {' '}
            <KindIcon kind="comment" /> {e.annotations.length}
          </span>
        )}
        {e.missing && <span className="edge-missing"> (removed)</span>}
      </div>
    </EdgeLabelPortal>
  );
}

/** The classes an edge's line is drawn with (diagrams.css colours and dashes them). */
export function edgeClasses(data: EdgeData, selected = false): string {
  const e = data.view;
  return [
    'diagram-edge',
    e.kind,
    e.grade ?? '',
    selected ? 'selected' : '',
    data.found ? 'found' : '',
    e.missing ? 'missing' : '',
    e.filteredOut ? 'filtered-out' : '',
    e.pending ? 'pending' : '',
    data.tierColour ? 'chpl' : '',
  ].join(' ');
}

/** The style an edge's line is drawn with, besides its classes. */
export function edgeStyle(data: EdgeData): CSSProperties {
  const e = data.view;
  const colour = typeof e.style.color === 'string' ? e.style.color : undefined;
  return {
    strokeWidth: data.width,
    strokeDasharray: e.missing ? '1 6' : e.grade ? DASH[e.grade] : undefined,
    // The tier's colour goes through a variable, so that selection and "find" still recolour the edge.
    ...(data.tierColour ? { '--chpl-colour': data.tierColour } : {}),
    ...(colour ? { stroke: colour } : {}),
  } as CSSProperties;
}

function DiagramEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<DiagramEdge>) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  // Zoomed far out a label is unreadable: only a selected or found edge keeps it (see render-detail.tsx).
  const near = useNear();
  if (!s || !t || !data) return null;
  const e = data.view;
  const { path, mid } = curve(s, t, data.bend);
  const [text, second] =
    e.kind === 'shipment'
      ? e.filteredOut || e.pending
        ? ['', null] // nothing passes the filters, or not summed yet: a faint line, no "0 shipments" label
        : shipmentLabel(e)
      : [e.kind === 'link' ? `${e.label ?? ''} (${e.grade})` : (e.label ?? ''), null];
  const classes = edgeClasses(data, selected);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        className={classes}
        style={{ ...edgeStyle(data), strokeWidth: data.width + (selected ? 1 : 0) }}
      />
      {text && (near || selected || data.found) && (
        <EdgeLabel edge={e} text={text} second={second} classes={classes} x={mid.x} y={mid.y} />
      )}
    </>
  );
}

const EdgeView = memo(DiagramEdgeView);

export const edgeTypes = { shipment: EdgeView, link: EdgeView, free: EdgeView } satisfies EdgeTypes;
