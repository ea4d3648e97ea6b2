import type { MergeConflict } from '../../../../shared/api/exchange';

const KIND: Record<MergeConflict['kind'], string> = { annotation: 'Note', link: 'Link', diagram: 'Diagram' };

/** "Note on record 7", "Link 3", "Diagram 2". */
const title = (c: MergeConflict) =>
  c.kind === 'annotation'
    ? `Note on ${String(c.mine.target)} ${String(c.mine.target_id)}`
    : `${KIND[c.kind]} ${c.localId}`;

/** One side of a conflict as a person reads it: a note's text, a link's type, grade and note, a diagram's nodes. */
function sideText(c: MergeConflict, side: Record<string, unknown>): string {
  if (c.kind === 'annotation') return String(side.text);
  if (c.kind === 'link')
    return `${String(side.type)} (${String(side.grade)})${side.note ? ` — ${String(side.note)}` : ''}; ${
      (side.evidence as unknown[]).length
    } pieces of evidence`;
  const nodes = side.nodes as { label: unknown; ref_label: unknown; x: number; y: number }[];
  const edges = side.edges as unknown[];
  return `“${String(side.name)}”: ${nodes.length} nodes, ${edges.length} edges`;
}

/** Where two versions of a diagram differ: nodes placed differently, or on one side only. */
function diagramDifferences(c: MergeConflict): string[] {
  type N = { key: string; label: unknown; ref_label: unknown; x: number; y: number };
  const mine = new Map((c.mine.nodes as N[]).map((n) => [n.key, n]));
  const theirs = new Map((c.theirs.nodes as N[]).map((n) => [n.key, n]));
  const name = (n: N) => String(n.label ?? n.ref_label ?? n.key);
  const out: string[] = [];
  for (const [k, t] of theirs) {
    const m = mine.get(k);
    if (!m) out.push(`${name(t)}: only in theirs`);
    else if (m.x !== t.x || m.y !== t.y) out.push(`${name(t)}: moved`);
  }
  for (const [k, m] of mine) if (!theirs.has(k)) out.push(`${name(m)}: only in mine`);
  if (c.mine.name !== c.theirs.name) out.unshift('renamed');
  return out.slice(0, 8);
}

/** The open conflicts of the merges, mine and theirs side by side, each settled by a pick. */
export function ConflictList({
  conflicts,
  onPick,
}: {
  conflicts: MergeConflict[];
  onPick(c: MergeConflict, side: 'mine' | 'theirs'): void;
}) {
  if (conflicts.length === 0) return null;
  return (
    <div className="merge-conflicts">
      <h3>Changed on both sides ({conflicts.length})</h3>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id} aria-label={title(c)}>
            <div className="conflict-title">
              {title(c)}
              {c.kind === 'diagram' && (
                <span className="muted small"> — {diagramDifferences(c).join('; ') || 'styles differ'}</span>
              )}
            </div>
            <div className="sides">
              <div className="side">
                <div className="small muted">Mine</div>
                <div>{sideText(c, c.mine)}</div>
                <button onClick={() => onPick(c, 'mine')}>Keep mine</button>
              </div>
              <div className="side">
                <div className="small muted">Theirs (by {c.theirsBy})</div>
                <div>{sideText(c, c.theirs)}</div>
                <button onClick={() => onPick(c, 'theirs')}>Take theirs</button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
