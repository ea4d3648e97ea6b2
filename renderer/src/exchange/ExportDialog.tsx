import { useEffect, useState } from 'react';
import type { CaseInfo } from '../../../shared/api/case';
import type { ExportResult } from '../../../shared/api/exchange';
import type { DiagramSummary } from '../../../shared/domain/diagrams';
import type { JobStatus } from '../../../shared/api';
import { client, shell } from '../api/client';
import { JobProgress, runJob } from '../components/jobs';
import { showModal } from '../components/modal';
import { ModalFrame } from '../components/ModalForm';
import { useApp } from '../state/store';
import { SealSummary } from './SealSummary';
import './exchange.css';

type Kept = NonNullable<ExportResult['kept']>;

/** File → Export for a colleague…: choose what to share, see what it keeps, write and seal it. */
export function exportForColleague(): Promise<void> {
  const info = useApp.getState().caseInfo;
  if (!info) return Promise.resolve();
  return showModal<void>((done) => <ExportDialog info={info} onDone={done} />);
}

function ExportDialog({ info, onDone }: { info: CaseInfo; onDone(): void }) {
  const [diagrams, setDiagrams] = useState<DiagramSummary[]>([]);
  const [redacted, setRedacted] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const [kept, setKept] = useState<Kept | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [sealed, setSealed] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void client.call('diagrams.list', {}).then((r) => r.ok && setDiagrams(r.value));
  }, []);
  useEffect(() => {
    setKept(null);
    if (!redacted || chosen.length === 0) return;
    let current = true;
    void client.call('exchange.preview', { onlyDiagrams: chosen }).then((r) => {
      if (!current) return;
      if (r.ok) setKept(r.value);
      else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [redacted, chosen]);

  const ready = !redacted || chosen.length > 0;
  async function run() {
    setError(null);
    const suggested = `${info.title || 'case'} (for colleague).case`;
    const path = await shell.pickSavePath('case', suggested, 'Export for a colleague');
    if (!path) return;
    const end = await runJob('exchange.export', { path, onlyDiagrams: redacted ? chosen : [] }, (s) =>
      setJob(s.state === 'running' ? s : null),
    );
    setJob(null);
    if (end.state === 'done') {
      setSealed(end.result);
      void useApp.getState().refresh();
    } else setError(end.state === 'cancelled' ? 'The export was cancelled; no file was written.' : end.message);
  }

  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <ModalFrame title="Export for a colleague" className="exchange-dialog" onCancel={() => !job && onDone()}>
      <div className="modal-body">
        {sealed ? (
          <SealSummary result={sealed} />
        ) : (
          <>
            <p className="muted small">
              A compact copy of this case, sealed with your key so that your colleague can check it arrived unchanged.
              Deleted material does not travel.
            </p>
            <fieldset className="exchange-choice" disabled={!!job}>
              <legend>What to share</legend>
              <label>
                <input type="radio" name="scope" checked={!redacted} onChange={() => setRedacted(false)} autoFocus />
                The whole case
              </label>
              <label>
                <input type="radio" name="scope" checked={redacted} onChange={() => setRedacted(true)} />
                Only chosen diagrams and the evidence they rest on
              </label>
              {redacted && (
                <ul className="exchange-diagrams" aria-label="Diagrams to share">
                  {diagrams.length === 0 && <li className="muted">This case has no diagrams yet.</li>}
                  {diagrams.map((d) => (
                    <li key={d.id}>
                      <label>
                        <input type="checkbox" checked={chosen.includes(d.id)} onChange={() => toggle(d.id)} />
                        {d.name} <span className="muted small">({d.nodes} nodes)</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <KeptCounts info={info} kept={redacted ? kept : null} redacted={redacted} chosen={chosen.length} />
            {job && <JobProgress job={job} label="Exporting" />}
          </>
        )}
        {error && (
          <p className="exchange-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <footer>
        {sealed ? (
          <button className="primary" onClick={onDone} autoFocus>
            Close
          </button>
        ) : (
          <>
            <button onClick={onDone} disabled={!!job}>
              Cancel
            </button>
            <button className="primary" onClick={() => void run()} disabled={!ready || !!job}>
              Choose file and export…
            </button>
          </>
        )}
      </footer>
    </ModalFrame>
  );
}

/** What the export will keep: the case's counts, or what the chosen diagrams rest on. */
function KeptCounts({
  info,
  kept,
  redacted,
  chosen,
}: {
  info: CaseInfo;
  kept: Kept | null;
  redacted: boolean;
  chosen: number;
}) {
  if (redacted && chosen === 0) return <p className="muted small">Choose at least one diagram.</p>;
  if (redacted && !kept) return <p className="muted small">Counting what they rest on…</p>;
  const rows: [string, number][] = kept
    ? [
        ['Entities', kept.entities],
        ['Customs records', kept.records],
        ['Documents', kept.documents],
        ['Excerpts', kept.excerpts],
        ['Screening hits', kept.hits],
        ['Sanctions list entries', kept.listEntries],
      ]
    : [
        ['Entities', info.counts.entities],
        ['Customs records', info.counts.records],
        ['Documents', info.counts.documents],
        ['Imports', info.counts.imports],
      ];
  return (
    <div className="exchange-kept" aria-label="What the export keeps">
      <h3>It will keep</h3>
      <dl>
        {rows.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {kept && (
        <p className="muted small">
          Nothing else: no other records, documents, notes or judgements, and an audit log of one entry saying what was
          kept.
        </p>
      )}
    </div>
  );
}
