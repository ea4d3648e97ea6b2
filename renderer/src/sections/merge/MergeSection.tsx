import { useCallback, useEffect, useState } from 'react';
import type { MergeConflict, MergeResult, MergeSummary } from '../../../../shared/api/exchange';
import { client, shell } from '../../api/client';
import { JobProgress, useJob } from '../../components/jobs';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/store';
import { ConflictList } from './ConflictList';
import { addedText, MergeReport } from './MergeReport';
import { takeMergeRequest, useMergeRequest } from './merge-request';
import './merge.css';

/**
 * Merging a colleague's case into this one: pick their file, the merge runs
 * as a job (progress, Cancel leaves the case as it was), then what came in,
 * the other file's check, the conflicts to settle side by side, and the
 * merges so far, the latest of which can be undone.
 */
export function MergeSection() {
  const revision = useApp((s) => s.revision);
  const refresh = useApp((s) => s.refresh);
  const setError = useApp((s) => s.setError);
  const { job, run } = useJob('exchange.merge');
  const [result, setResult] = useState<MergeResult | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [merges, setMerges] = useState<MergeSummary[]>([]);
  const [conflicts, setConflicts] = useState<MergeConflict[]>([]);

  const reload = useCallback(() => {
    void client.call('exchange.merges', {}).then((r) => r.ok && setMerges(r.value));
    void client.call('exchange.conflicts', { open: true }).then((r) => r.ok && setConflicts(r.value));
  }, []);
  useEffect(reload, [reload, revision]);
  // File → Merge a colleague's case… opened this section to start here.
  const asked = useMergeRequest((s) => s.asked);
  useEffect(() => {
    if (!job && takeMergeRequest()) void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request starts it
  }, [asked]);

  async function start() {
    setNote(null);
    const path = await shell.pickOpenPath('case');
    if (!path) return;
    const end = await run({ path });
    if (end.state === 'failed') return setError(end.message);
    if (end.state === 'cancelled') return setNote('Cancelled; nothing was merged.');
    setResult(end.result);
    void refresh();
  }

  async function undo(m: MergeSummary) {
    const r = await client.call('exchange.undoMerge', { mergeId: m.mergeId });
    if (!r.ok) return setError(r.error.message);
    setResult(null);
    setNote(`Merge ${m.mergeId} undone: ${r.value.removed} rows removed, ${r.value.restored} restored.`);
    void refresh();
  }

  async function pick(c: MergeConflict, side: 'mine' | 'theirs') {
    const r = await client.call('exchange.pickConflict', { id: c.id, pick: side });
    if (!r.ok) return setError(r.error.message);
    void refresh();
  }

  return (
    <section className="panel merge-section">
      <header className="toolbar">
        <h2>Merge</h2>
        <span className="spacer" />
        {job ? (
          <JobProgress job={job} label="Merging" />
        ) : (
          <button onClick={() => void start()}>Merge a colleague’s case…</button>
        )}
      </header>
      <p className="muted small">
        Sources, documents and records come in by content (nothing you have is copied twice); entities by their stable
        id; look-alikes, and entities they judged the same, go to your review queue, never merged silently. Where you
        both changed the same note, link or diagram, both versions are kept below until you pick one.
      </p>
      {note && (
        <p role="status" className="small">
          {note}
        </p>
      )}
      {result && <MergeReport result={result} />}
      <ConflictList conflicts={conflicts} onPick={(c, side) => void pick(c, side)} />
      <h3>Merges</h3>
      {merges.length === 0 ? (
        <p className="muted">No merges in this case.</p>
      ) : (
        <table className="merge-list">
          <thead>
            <tr>
              <th>When</th>
              <th>File</th>
              <th>Signed by</th>
              <th>Added</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {merges.map((m, i) => (
              <tr key={m.mergeId}>
                <td>{formatDateTime(m.at)}</td>
                <td className="path">{m.otherFile}</td>
                <td>{signerText(m.signer)}</td>
                <td>{addedText(m.added)}</td>
                <td>
                  <button
                    onClick={() => void undo(m)}
                    disabled={i > 0}
                    title={i > 0 ? 'Undo the later merges first' : 'Remove what this merge added'}
                  >
                    Undo merge
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A signer by the name I trusted them under, else by the name they claim, said to be unchecked. */
function signerText(s: MergeSummary['signer']): string {
  if (!s) return 'not sealed';
  return s.name ?? `“${s.claimedBy}” (key ${s.fingerprint}, not trusted)`;
}
