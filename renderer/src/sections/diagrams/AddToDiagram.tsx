import { useEffect, useState } from 'react';
import type { DiagramSummary } from '../../../../shared/domain/diagrams';
import { client } from '../../api/client';
import { showModal } from '../../components/modal';
import { ModalForm } from '../../components/ModalForm';
import { runJob } from '../../components/jobs';
import { openDiagram } from './DiagramList';

/** Where to add: an existing diagram, or a new one by that name (with, for an entity, its neighbourhood to `depth`). */
export type DiagramTarget = { id: number } | { name: string; depth: number };

interface Question {
  title: string;
  initialName: string;
  /** Offer to build the new diagram from the entity's counterparties. */
  withDepth: boolean;
  /** Shown above the choice (e.g. which records). */
  children?: React.ReactNode;
}

export function askDiagramTarget(q: Question): Promise<DiagramTarget | null> {
  return showModal<DiagramTarget | null>((answer) => <TargetDialog {...q} onDone={answer} />);
}

function TargetDialog({
  title,
  initialName,
  withDepth,
  children,
  onDone,
}: Question & { onDone(t: DiagramTarget | null): void }) {
  const [list, setList] = useState<DiagramSummary[]>([]);
  const [choice, setChoice] = useState<'new' | number>('new');
  const [name, setName] = useState(initialName);
  const [depth, setDepth] = useState(withDepth ? 1 : 0);
  useEffect(() => void client.call('diagrams.list', {}).then((r) => r.ok && setList(r.value)), []);
  const valid = choice !== 'new' || name.trim() !== '';
  return (
    <ModalForm
      title={title}
      className="add-to-diagram"
      action="Add"
      disabled={!valid}
      onSubmit={() => onDone(choice === 'new' ? { name: name.trim(), depth } : { id: choice })}
      onCancel={() => onDone(null)}
    >
      {children}
      <label className="field">
        Diagram
        <select
          value={String(choice)}
          onChange={(e) => setChoice(e.target.value === 'new' ? 'new' : Number(e.target.value))}
        >
          <option value="new">A new diagram</option>
          {list.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {choice === 'new' && (
        <label className="field">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
      )}
      {choice === 'new' && withDepth && (
        <label className="field">
          Counterparties
          <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            <option value={0}>None: only this entity</option>
            <option value={1}>Depth 1: its counterparties</option>
            <option value={2}>Depth 2: theirs too</option>
          </select>
        </label>
      )}
    </ModalForm>
  );
}

/** The diagram chosen, or a new one made by the name given; a string says why it could not be made. */
async function diagramOf(target: DiagramTarget): Promise<{ id: number } | string> {
  if ('id' in target) return target;
  const created = await client.call('diagrams.create', { name: target.name });
  return created.ok ? { id: created.value.id } : created.error.message;
}

/** A place to the right of what a diagram shows, for a node added from elsewhere. */
async function freeSpot(id: number): Promise<{ x: number; y: number }> {
  const r = await client.call('diagrams.get', { id });
  const nodes = r.ok ? r.value.nodes : [];
  if (nodes.length === 0) return { x: 0, y: 0 };
  return { x: Math.max(...nodes.map((n) => n.x + n.w)) + 80, y: Math.min(...nodes.map((n) => n.y)) };
}

/** Adds an entity to a diagram the investigator picks (a new one may hold its neighbourhood) and opens it. */
export async function addEntityToDiagram(entityId: number, name: string): Promise<string | null> {
  const target = await askDiagramTarget({ title: `Add “${name}” to a diagram`, initialName: name, withDepth: true });
  if (!target) return null;
  if ('name' in target && target.depth > 0) {
    const end = await runJob('diagrams.neighbourhood', { name: target.name, entityId, depth: target.depth });
    if (end.state !== 'done') return end.message;
    openDiagram(end.result.view.id);
    return null;
  }
  const made = await diagramOf(target);
  if (typeof made === 'string') return made;
  const id = made.id;
  const at = await freeSpot(id);
  const r = await client.call('diagrams.apply', {
    id,
    ops: [{ op: 'addNode', kind: 'entity', ref: entityId, ...at }],
    label: `Add ${name}`,
  });
  if (!r.ok) return r.error.message;
  openDiagram(id);
  return null;
}

/** The small "Add to diagram" button of an entity's page. */
export function AddEntityToDiagramButton({ entityId, name }: { entityId: number; name: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => void addEntityToDiagram(entityId, name).then(setError)}>
        Add to diagram
      </button>
      {error && <span className="error small"> {error}</span>}
    </>
  );
}

/** Adds the parties of records (and the shipment edges between them) to a diagram the investigator picks, and opens it. */
export async function addRecordsToDiagram(recordIds: number[], what: string): Promise<string | null> {
  const target = await askDiagramTarget({
    title: 'Add records to a diagram',
    initialName: what,
    withDepth: false,
    children: <p className="muted">Their shippers and consignees become nodes, with the shipments between them.</p>,
  });
  if (!target) return null;
  const made = await diagramOf(target);
  if (typeof made === 'string') return made;
  const id = made.id;
  const r = await client.call('diagrams.addRecords', { id, recordIds });
  if (!r.ok) {
    // A new diagram that could not be filled is not left behind empty.
    if (!('id' in target)) await client.call('diagrams.delete', { id });
    return r.error.message;
  }
  openDiagram(id);
  return null;
}
