import { Handle, NodeResizer, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ViewNode } from '../../../../shared/domain/diagrams';
import { EntityBadgeContext, useCanvasActions } from './canvas-context';
import { KindIcon } from './icons';
import type { DocumentNode, EntityNode, ExcerptNode, GroupNode, NoteNode } from './flow-model';
import { farLabel, useNear } from './render-detail';

/**
 * The node kinds on the canvas. Each is a memo component (React Flow renders
 * hundreds), and `nodeTypes` is built once at module scope: a new object on
 * every render would make React Flow remount every node.
 */

/** Connection points: drag from the right one to another node to draw a link or a labelled edge. */
function Handles() {
  return useNear() ? (
    <>
      <Handle type="target" position={Position.Left} className="diagram-handle" />
      <Handle type="source" position={Position.Right} className="diagram-handle" />
    </>
  ) : (
    <FarHandles />
  );
}

/**
 * Far out (hidden, see diagrams.css) the handles are plain boxes that React Flow measures as it measures
 * its own (by these class names and data attributes, when a node is drawn): an edge needs its nodes to
 * have handles, and two thousand `Handle` components, each subscribed to the store, are a fifth of the
 * time a 1,000-node diagram takes to open.
 */
function FarHandles() {
  return (
    <>
      <div className="react-flow__handle react-flow__handle-left diagram-handle target" data-handlepos="left" />
      <div className="react-flow__handle react-flow__handle-right diagram-handle source" data-handlepos="right" />
    </>
  );
}

function NoteCount({ node }: { node: ViewNode }) {
  const n = node.annotations.length;
  if (n === 0) return null;
  return (
    <div className="node-notes" title={node.annotations.map((a) => a.text).join('\n')}>
      <KindIcon kind="comment" /> {node.annotations[0]!.text}
      {n > 1 ? ` (+${n - 1})` : ''}
    </div>
  );
}

function Frame(props: { node: ViewNode; selected: boolean; found: boolean; className: string; children: ReactNode }) {
  const { node, selected, found, className, children } = props;
  const colour = typeof node.style.color === 'string' ? node.style.color : undefined;
  return (
    <div
      className={`diagram-node ${className}${selected ? ' selected' : ''}${found ? ' found' : ''}${node.missing ? ' missing' : ''}`}
      style={colour ? { borderColor: colour } : undefined}
      data-node-id={node.id}
      title={node.missing ? 'No longer in the case' : undefined}
    >
      <Handles />
      {children}
      {node.missing && <div className="node-missing">removed from the case</div>}
      <NoteCount node={node} />
    </div>
  );
}

export const EntityNodeView = memo(function EntityNodeView({ data, selected }: NodeProps<EntityNode>) {
  const n = data.view;
  const Badge = useContext(EntityBadgeContext);
  // Zoomed far out the header row (icon, country, mentions, badges) is unreadable: only the name is drawn.
  const near = useNear();
  return (
    <Frame node={n} selected={selected} found={data.found} className="entity">
      {near ? (
        <div className="node-head">
          <KindIcon kind="entity" />
          {n.country && <span className="node-country">{n.country}</span>}
          {n.mentions !== undefined && (
            <span className="node-mentions" title="Mentions in the records">
              {n.mentions.toLocaleString()}
            </span>
          )}
          <span className="node-badges">{Badge && n.ref !== null && <Badge entityId={n.ref} />}</span>
        </div>
      ) : (
        <div className="node-head far" />
      )}
      {near ? <div className="node-label">{n.label}</div> : <div className="node-label far">{farLabel(n.label)}</div>}
    </Frame>
  );
});

export const DocumentNodeView = memo(function DocumentNodeView({ data, selected }: NodeProps<DocumentNode>) {
  const n = data.view;
  return (
    <Frame node={n} selected={selected} found={data.found} className="document">
      <div className="node-head">
        <KindIcon kind="document" />
        <span className="node-detail">{n.detail}</span>
      </div>
      <div className="node-label">{n.label}</div>
    </Frame>
  );
});

export const ExcerptNodeView = memo(function ExcerptNodeView({ data, selected }: NodeProps<ExcerptNode>) {
  const n = data.view;
  return (
    <Frame node={n} selected={selected} found={data.found} className="excerpt">
      <div className="node-head">
        <KindIcon kind="excerpt" />
        <span className="node-detail">{n.detail}</span>
      </div>
      <blockquote className="node-quote">{n.label}</blockquote>
    </Frame>
  );
});

/** A free note (callout): its text is edited in place and saved when the field loses focus. */
export const NoteNodeView = memo(function NoteNodeView({ data, selected }: NodeProps<NoteNode>) {
  const n = data.view;
  const { apply } = useCanvasActions();
  const [text, setText] = useState(n.text ?? '');
  useEffect(() => setText(n.text ?? ''), [n.text]);
  return (
    <Frame node={n} selected={selected} found={data.found} className="note">
      <textarea
        // nodrag/nowheel: typing, selecting and scrolling the text must not move or zoom the canvas.
        className="nodrag nowheel node-text"
        aria-label="Note text"
        value={text}
        placeholder="Write a note…"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text !== (n.text ?? '')) void apply([{ op: 'updateNode', id: n.id, text }], 'Edit note');
        }}
        onKeyDown={(e) => e.stopPropagation()}
      />
    </Frame>
  );
});

export const GroupNodeView = memo(function GroupNodeView({ data, selected }: NodeProps<GroupNode>) {
  const n = data.view;
  const { apply } = useCanvasActions();
  return (
    <div className={`diagram-group${selected ? ' selected' : ''}${data.found ? ' found' : ''}`} data-node-id={n.id}>
      <NodeResizer
        isVisible={selected}
        minWidth={120}
        minHeight={80}
        onResizeEnd={(_, p) =>
          void apply(
            [{ op: 'moveNodes', moves: [{ id: n.id, x: p.x, y: p.y, w: p.width, h: p.height }] }],
            'Resize group',
          )
        }
      />
      <div className="group-label">{n.label}</div>
      <NoteCount node={n} />
    </div>
  );
});

export const nodeTypes = {
  entity: EntityNodeView,
  document: DocumentNodeView,
  excerpt: ExcerptNodeView,
  note: NoteNodeView,
  group: GroupNodeView,
} satisfies NodeTypes;
