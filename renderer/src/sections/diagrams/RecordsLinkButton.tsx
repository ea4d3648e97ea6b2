import { useState } from 'react';
import type { DiagramOp } from '../../../../shared/api/diagrams';
import { client } from '../../api/client';
import { askDiagramTarget } from './AddToDiagram';
import { askChoice } from './AskChoice';
import { linkOps } from './canvas-edits';
import { openDiagram } from './DiagramList';
import { askLink } from './LinkDialog';

/** The most checked rows a link rests on (each row's parties are read one by one). */
const MAX_ROWS = 200;

/** The shipper → consignee pairs (resolved entities) the records name, by "s>c". */
async function partiesOf(recordIds: number[]): Promise<Map<string, [number, number]> | string> {
  const answers = await Promise.all(recordIds.map((recordId) => client.call('mentions.list', { recordId })));
  const pairs = new Map<string, [number, number]>();
  for (const r of answers) {
    if (!r.ok) return r.error.message;
    const s = r.value.find((m) => m.role === 'shipper')?.entityId;
    const c = r.value.find((m) => m.role === 'consignee')?.entityId;
    if (s && c && s !== c) pairs.set(`${s}>${c}`, [s, c]);
  }
  return pairs;
}

/**
 * A link between the shipper and the consignee of the checked rows, resting
 * on them (they come ticked as its evidence), drawn on a diagram the
 * investigator picks (new or existing) with the two entities' nodes, as one
 * command. Rows naming several pairs ask which. Answers an error, or null.
 */
async function linkFromRecords(recordIds: number[]): Promise<string | null> {
  if (recordIds.length > MAX_ROWS) return `A link rests on at most ${MAX_ROWS} checked rows.`;
  const pairs = await partiesOf(recordIds);
  if (typeof pairs === 'string') return pairs;
  if (pairs.size === 0) return 'These rows name no resolved shipper and consignee.';
  const names = new Map<number, string>();
  for (const id of new Set([...pairs.values()].flat())) {
    const e = await client.call('entities.get', { id });
    names.set(id, e.ok ? e.value.name : `entity ${id}`);
  }
  const label = ([s, c]: [number, number]) => `${names.get(s)} → ${names.get(c)}`;
  let key: string | null = [...pairs.keys()][0]!;
  if (pairs.size > 1)
    key = await askChoice(
      'Link which two companies?',
      [...pairs].map(([k, p]) => ({ value: k, label: label(p) })),
    );
  if (!key) return null;
  const [s, c] = pairs.get(key)!;
  const target = await askDiagramTarget({
    title: 'Draw the link on a diagram',
    initialName: label([s, c]),
    withDepth: false,
  });
  if (!target) return null;
  const answer = await askLink({
    from: names.get(s)!,
    to: names.get(c)!,
    canLink: true,
    candidates: recordIds,
    ticked: recordIds,
  });
  if (!answer) return null;

  let id: number;
  if ('id' in target) id = target.id;
  else {
    const made = await client.call('diagrams.create', { name: target.name });
    if (!made.ok) return made.error.message;
    id = made.value.id;
  }
  const view = await client.call('diagrams.get', { id });
  if (!view.ok) return view.error.message;
  const nodes = view.value.nodes;
  const bottom = nodes.length ? Math.max(...nodes.map((n) => n.y + n.h)) + 120 : 0;
  const ops: DiagramOp[] = [];
  const nodeOf = (entity: number, temp: number, x: number) => {
    const there = nodes.find((n) => n.kind === 'entity' && n.ref === entity && !n.missing);
    if (there) return there.id;
    ops.push({ op: 'addNode', tempId: temp, kind: 'entity', ref: entity, x, y: bottom });
    return temp;
  };
  const [from, to] = [nodeOf(s, -11, 0), nodeOf(c, -12, 440)];
  const r = await client.call('diagrams.apply', {
    id,
    ops: [...ops, ...linkOps(answer, from, to)],
    label: 'Link from records',
  });
  if (!r.ok) {
    // A new diagram that could not be drawn on is not left behind empty.
    if (!('id' in target)) await client.call('diagrams.delete', { id });
    return r.error.message;
  }
  openDiagram(id);
  return null;
}

/** Records → "Link…": a graded link between the checked rows' shipper and consignee, with the rows as its evidence. */
export function RecordsLinkButton({ recordIds }: { recordIds: number[] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        onClick={() => void linkFromRecords(recordIds).then(setError)}
        disabled={recordIds.length === 0}
        title="A link between the checked rows' shipper and consignee, resting on them"
      >
        Link…
      </button>
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
