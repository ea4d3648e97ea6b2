import { citationKey, type Citation, type Finding } from '../../../../shared/domain/briefs';
import { citationNumbers, useCitationLines } from './citation-words';

/**
 * The ordered findings of a brief: each one's text and the evidence it
 * cites, numbered [1], [2] … in order of first citation as the PDF numbers
 * them. Findings are added, moved up and down and deleted here; evidence is
 * added from where it is shown ("Cite in brief…") and removed here.
 */
export function FindingsEditor({ findings, onChange }: { findings: Finding[]; onChange(f: Finding[]): void }) {
  const numbers = citationNumbers(findings);
  const lines = useCitationLines(findings);
  const replace = (i: number, f: Finding | null) =>
    onChange(f === null ? findings.filter((_, k) => k !== i) : findings.map((old, k) => (k === i ? f : old)));
  const move = (i: number, by: number) => {
    const next = [...findings];
    const [f] = next.splice(i, 1);
    next.splice(i + by, 0, f!);
    onChange(next);
  };
  return (
    <section className="findings" aria-label="Findings">
      <h3>Findings</h3>
      {findings.length === 0 && <p className="muted small">No finding yet.</p>}
      <ol>
        {findings.map((f, i) => (
          <li key={i} className="finding" aria-label={`Finding ${i + 1}`}>
            <div className="finding-head">
              <strong>Finding {i + 1}</strong>
              <span className="spacer" />
              <button
                type="button"
                onClick={() => move(i, -1)}
                disabled={i === 0}
                aria-label={`Move finding ${i + 1} up`}
              >
                ↑
              </button>
              <button
                type="button"
                onClick={() => move(i, 1)}
                disabled={i === findings.length - 1}
                aria-label={`Move finding ${i + 1} down`}
              >
                ↓
              </button>
              <button type="button" className="danger" onClick={() => replace(i, null)}>
                Delete
              </button>
            </div>
            <textarea
              aria-label={`Finding ${i + 1} text`}
              rows={3}
              value={f.text}
              onChange={(e) => replace(i, { ...f, text: e.target.value })}
            />
            <CitationList
              citations={f.citations}
              numbers={numbers}
              lines={lines}
              onRemove={(k) => replace(i, { ...f, citations: f.citations.filter((_, j) => j !== k) })}
            />
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...findings, { text: '', citations: [] }])}>
        + Finding
      </button>
    </section>
  );
}

function CitationList({
  citations,
  numbers,
  lines,
  onRemove,
}: {
  citations: Citation[];
  numbers: Map<string, number>;
  lines: Map<string, string>;
  onRemove(index: number): void;
}) {
  if (citations.length === 0)
    return <p className="muted small">Cites nothing yet: use “Cite in brief…” on a record, excerpt, edge or hit.</p>;
  return (
    <ul className="citations">
      {citations.map((c, k) => (
        <li key={`${citationKey(c)}-${k}`}>
          <span className="cite-number">[{numbers.get(citationKey(c))}]</span>{' '}
          <span className="citation-text">{lines.get(citationKey(c)) ?? '…'}</span>{' '}
          <button type="button" className="link small" onClick={() => onRemove(k)}>
            remove
          </button>
        </li>
      ))}
    </ul>
  );
}
