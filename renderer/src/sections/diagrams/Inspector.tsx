import { useEffect, useState } from 'react';
import type { ViewEdge, ViewNode } from '../../../../shared/domain/diagrams';
import { client } from '../../api/client';
import { HsChapters } from '../../components/HsChapters';
import { navigate } from '../../router';
import { openDocumentAt } from '../documents/nav';
import { ChplTierFacts } from './ChplTier';
import { EvidenceList } from './EvidenceList';
import { usd } from './flow-model';
import { NotesEditor } from './NotesEditor';
import { CiteButton } from '../briefs/cite';
import type { DiagramApi } from './use-diagram';

interface Props {
  node: ViewNode | null;
  edge: ViewEdge | null;
  api: DiagramApi;
  onExpand(node: ViewNode): void;
  onEditLink(edge: ViewEdge): void;
}

/** A label (node or edge) edited in place, saved on Enter or when the field is left. */
function LabelField({ value, onSave }: { value: string; onSave(label: string | null): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const save = () => text.trim() !== value && onSave(text.trim() || null);
  return (
    <label className="field">
      Label
      <input
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
    </label>
  );
}

/** The side panel: what the selected node or edge is, what it rests on, and its notes. */
export function Inspector({ node, edge, api, onExpand, onEditLink }: Props) {
  if (node) {
    return (
      <aside className="diagram-inspector" aria-label="Selected node">
        <h3>
          {node.kind === 'entity' ? 'Entity' : node.kind[0]!.toUpperCase() + node.kind.slice(1)}
          {node.missing && <span className="bad small"> — removed from the case</span>}
        </h3>
        {node.kind !== 'note' && (
          <LabelField
            value={node.label}
            onSave={(label) => void api.apply([{ op: 'updateNode', id: node.id, label }], 'Rename node')}
          />
        )}
        {node.detail && <p className="muted small">{node.detail}</p>}
        {node.kind === 'entity' && !node.missing && (
          <div className="inspector-actions">
            <button onClick={() => onExpand(node)}>Expand to counterparties…</button>
            <button className="link" onClick={() => navigate(`#/entities/${node.ref}`)}>
              Open entity page
            </button>
          </div>
        )}
        {node.kind === 'excerpt' && !node.missing && (
          <button
            className="link"
            onClick={() =>
              void client
                .call('excerpts.get', { id: node.ref! })
                .then((r) => r.ok && openDocumentAt(r.value.documentId, r.value.page))
            }
          >
            Open at its page
          </button>
        )}
        {node.kind === 'document' && !node.missing && (
          <button className="link" onClick={() => navigate(`#/documents/${node.ref}`)}>
            Open document
          </button>
        )}
        <h4>Notes</h4>
        <NotesEditor target="node" targetId={node.id} notes={node.annotations} apply={api.apply} />
        <button className="danger" onClick={() => void api.apply([{ op: 'removeNodes', ids: [node.id] }])}>
          Remove from diagram
        </button>
      </aside>
    );
  }
  if (!edge) return null;
  return (
    <aside className="diagram-inspector" aria-label="Selected edge">
      {edge.kind === 'shipment' && edge.pending && (
        <p className="muted pad" role="status">
          Summing the records behind this diagram’s shipments…
        </p>
      )}
      {edge.kind === 'shipment' && !edge.pending && (
        <>
          <h3>Shipments</h3>
          <dl className="edge-facts">
            <dt>Count</dt>
            <dd data-testid="edge-count">{edge.count?.toLocaleString()}</dd>
            <dt>Value</dt>
            <dd data-testid="edge-value">
              {usd(edge.valueUsd ?? 0)} <span className="muted">({(edge.valueUsd ?? 0).toLocaleString()} USD)</span>
            </dd>
            <dt>Dates</dt>
            <dd>
              {edge.firstDate ?? '—'} – {edge.lastDate ?? '—'}
            </dd>
            <dt>HS chapters</dt>
            <dd>
              <HsChapters chapters={edge.hsChapters ?? []} />
            </dd>
            <ChplTierFacts tier={edge.chplTier ?? null} />
          </dl>
          {edge.filteredOut && <p className="muted small">No record passes the diagram’s filters.</p>}
          <h4>Records behind it</h4>
          <EvidenceList evidence={(edge.recordIds ?? []).map((id) => ({ kind: 'record' as const, id }))} />
          <CiteButton
            cite={() =>
              edge.recordIds?.length ? { kind: 'records', ids: edge.recordIds, label: edge.label ?? undefined } : null
            }
            what={`The ${edge.recordIds?.length ?? 0} records of the shipments ${edge.label ?? ''}`}
          />
        </>
      )}
      {edge.kind === 'link' && edge.link && (
        <>
          <h3>
            Link: {edge.label} <span className={`grade ${edge.grade}`}>{edge.grade}</span>
          </h3>
          {edge.link.note && <p className="note-text">{edge.link.note}</p>}
          <button onClick={() => onEditLink(edge)}>Edit link…</button>
          <CiteButton cite={() => ({ kind: 'link', id: edge.link!.id })} what={`The link “${edge.label ?? ''}”`} />
          <h4>Evidence</h4>
          <EvidenceList evidence={edge.link.evidence} />
        </>
      )}
      {edge.kind === 'link' && !edge.link && <h3 className="bad">Link removed from the case</h3>}
      {edge.kind === 'free' && (
        <>
          <h3>Edge</h3>
          <LabelField
            value={edge.label ?? ''}
            onSave={(label) => void api.apply([{ op: 'updateEdge', id: edge.id, label }], 'Edit edge')}
          />
        </>
      )}
      <h4>Notes</h4>
      <NotesEditor target="edge" targetId={edge.id} notes={edge.annotations} apply={api.apply} />
      <button className="danger" onClick={() => void api.apply([{ op: 'removeEdges', ids: [edge.id] }])}>
        Remove from diagram
      </button>
    </aside>
  );
}
