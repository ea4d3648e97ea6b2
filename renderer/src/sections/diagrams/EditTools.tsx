import { useEffect, useState } from 'react';
import type { DiagramOp } from '../../../../shared/api/diagrams';
import type { DiagramView, NameScript } from '../../../../shared/domain/diagrams';
import { align, carryMembers, distribute, type Alignment, type Box, type Move } from './arrange';
import { useCanvasPrefs } from './canvas-prefs';
import { copiedNodes, copyNodes, onCopy } from './diagram-clipboard';
import type { DiagramApi } from './use-diagram';
import { typing } from './use-undo-keys';

interface Props {
  view: DiagramView;
  api: DiagramApi;
  selectedNodes: number[];
  /** Where on the diagram the middle of the canvas is now (pastes land there). */
  centre(): { x: number; y: number };
  /** ELK layout of the selected nodes only (canvas-tools.tsx). */
  onLayoutSelected(): void;
}

const ALIGN_LABELS: [Alignment, string][] = [
  ['left', 'Left'],
  ['centre', 'Centre'],
  ['right', 'Right'],
  ['top', 'Top'],
  ['middle', 'Middle'],
  ['bottom', 'Bottom'],
];
const SCRIPTS: [NameScript, string][] = [
  ['display', 'Display name'],
  ['latin', 'Latin'],
  ['cyrillic', 'Cyrillic'],
  ['chinese', 'Chinese'],
  ['written', 'As written most'],
];
const PAD = 30;
const HEADER = 30;

const boxesOf = (view: DiagramView): Box[] =>
  view.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, w: n.w, h: n.h, parentId: n.parentId }));

/** A group box around the nodes, with them as its members, as one command. */
function groupOps(view: DiagramView, ids: number[]): DiagramOp[] {
  const boxes = boxesOf(view).filter((b) => ids.includes(b.id));
  const x = Math.min(...boxes.map((b) => b.x)) - PAD;
  const y = Math.min(...boxes.map((b) => b.y)) - PAD - HEADER;
  const w = Math.max(...boxes.map((b) => b.x + b.w)) + PAD - x;
  const h = Math.max(...boxes.map((b) => b.y + b.h)) + PAD - y;
  // Members of a chosen group stay in it; the rest join the new one.
  const top = boxes.filter((b) => b.parentId == null || !ids.includes(b.parentId));
  return [
    { op: 'addNode', tempId: -1, kind: 'group', label: 'Group', x, y, w, h },
    ...top.map((b): DiagramOp => ({ op: 'updateNode', id: b.id, parentId: -1 })),
  ];
}

/**
 * The canvas's edit tools: copy and paste between diagrams (also Ctrl+C and
 * Ctrl+V), align and distribute the selection, group it, snap to grid. Each
 * change to the diagram is one command, so one Ctrl+Z takes it back.
 */
export function EditTools({ view, api, selectedNodes, centre, onLayoutSelected }: Props) {
  const { snap, setSnap } = useCanvasPrefs();
  const [clipboard, setClipboard] = useState(copiedNodes);
  useEffect(() => onCopy(() => setClipboard(copiedNodes())), []);
  const selected = view.nodes.filter((n) => selectedNodes.includes(n.id));

  const copy = () => copyNodes(view.id, selectedNodes);
  const paste = () => {
    const c = copiedNodes();
    if (c) void api.paste(c.diagramId, c.nodeIds, centre());
  };
  const move = (moves: Move[], label: string) => {
    if (moves.length) void api.apply([{ op: 'moveNodes', moves: carryMembers(moves, boxesOf(view)) }], label);
  };
  const chosen = () => boxesOf(view).filter((b) => selectedNodes.includes(b.id));

  // Ctrl+C / Ctrl+V on the canvas (not in a text field, where they copy text; not under a dialog).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || typing(e.target)) return;
      if (document.getElementById('root')?.hasAttribute('inert')) return;
      const key = e.key.toLowerCase();
      if (key === 'c' && selectedNodes.length && !window.getSelection()?.toString()) copy();
      else if (key === 'v' && copiedNodes()) paste();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const inGroups = selected.filter((n) => n.parentId !== null);
  return (
    <details className="toolbar-popover edit-tools">
      <summary title="Copy, paste, align, group, snap, the script of names">Arrange</summary>
      <div className="popover-body" role="group" aria-label="Arrange">
        <h4>Clipboard</h4>
        <div className="row">
          <button onClick={copy} disabled={selected.length === 0} title="Copy the selected nodes (Ctrl+C)">
            Copy
          </button>
          <button
            onClick={paste}
            disabled={!clipboard}
            title={
              clipboard
                ? `Paste ${clipboard.nodeIds.length} copied node${clipboard.nodeIds.length === 1 ? '' : 's'} (Ctrl+V)`
                : 'Nothing copied'
            }
          >
            Paste
          </button>
        </div>
        <h4>Align {selected.length < 2 && <span className="muted">(select two or more)</span>}</h4>
        <div className="row wrap">
          {ALIGN_LABELS.map(([how, label]) => (
            <button
              key={how}
              disabled={selected.length < 2}
              onClick={() => move(align(chosen(), how), `Align ${label.toLowerCase()}`)}
            >
              {label}
            </button>
          ))}
        </div>
        <h4>Distribute {selected.length < 3 && <span className="muted">(select three or more)</span>}</h4>
        <div className="row">
          {(['horizontal', 'vertical'] as const).map((along) => (
            <button
              key={along}
              disabled={selected.length < 3}
              onClick={() => move(distribute(chosen(), along), `Distribute ${along}ly`)}
            >
              {along === 'horizontal' ? 'Horizontally' : 'Vertically'}
            </button>
          ))}
        </div>
        <h4>Lay out</h4>
        <div className="row">
          <button
            onClick={onLayoutSelected}
            disabled={selected.length < 2}
            title="Lay out only the selected nodes, where they are"
          >
            Lay out selected
          </button>
        </div>
        <h4>Group</h4>
        <div className="row">
          <button
            disabled={selected.length === 0}
            onClick={() => void api.apply(groupOps(view, selectedNodes), 'Group nodes')}
          >
            Group selected
          </button>
          <button
            disabled={inGroups.length === 0}
            onClick={() =>
              void api.apply(
                inGroups.map((n) => ({ op: 'updateNode', id: n.id, parentId: null })),
                'Take out of group',
              )
            }
          >
            Take out of group
          </button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> Snap to grid
        </label>
        <label className="field" title="Where an entity has no name in that script, its display name is shown">
          Entity names in
          <select
            value={view.nameScript ?? 'display'}
            onChange={(e) => {
              const script = e.target.value as NameScript;
              const label = SCRIPTS.find(([s]) => s === script)![1];
              void api.apply([{ op: 'setNameScript', script }], `Names: ${label}`);
            }}
          >
            {SCRIPTS.map(([s, label]) => (
              <option key={s} value={s}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}
