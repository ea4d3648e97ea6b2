import { useEffect, useState } from 'react';
import type { Judgement } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/store';
import { DECISION_WORDS } from './decisions';
import { howUndone, undoJudgement } from './undo-judgement';
import { StatusNote } from '../../components/StatusNote';

const SHOWN_NAMES = 2;

/** The names on one side of a decision: the first few, then how many more (all of them on hover). */
function SideNames({ names }: { names: string[] }) {
  const more = names.length - SHOWN_NAMES;
  return (
    <ul className="decision-names" title={names.join('\n')}>
      {names.slice(0, SHOWN_NAMES).map((n) => (
        <li key={n}>{n}</li>
      ))}
      {more > 0 && (
        <li className="muted small">
          +{more} more {more === 1 ? 'name' : 'names'}
        </li>
      )}
    </ul>
  );
}

/** The investigator's judgements, newest first, each of which can be undone (the case is then resolved again). */
export function DecisionsList({ revision }: { revision: number }) {
  const [items, setItems] = useState<Judgement[] | null>(null);
  const [showUndone, setShowUndone] = useState(false);
  const [undoing, setUndoing] = useState<number | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const setError = useApp((s) => s.setError);
  const refresh = useApp((s) => s.refresh);

  useEffect(() => {
    let live = true;
    void client.call('judgements.list', { includeRevoked: showUndone }).then((r) => {
      if (!live) return;
      if (r.ok) setItems([...r.value].sort((a, b) => b.id - a.id));
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [showUndone, revision, setError]);

  async function undo(j: Judgement) {
    setUndoing(j.id);
    const r = await undoJudgement(j.id);
    setUndoing(null);
    if (!r.ok) return setError(r.message);
    setReport(`Undid decision ${j.id} (${DECISION_WORDS[j.decision].toLowerCase()}): ${howUndone(r.value)}.`);
    void refresh();
  }

  const inForce = items?.filter((j) => !j.revokedAt).length ?? 0;
  return (
    <div className="decisions panel" aria-label="Decisions">
      <div className="decisions-head">
        <span className="muted">
          {items === null
            ? 'Loading…'
            : `${inForce.toLocaleString()} ${inForce === 1 ? 'decision' : 'decisions'} in force`}
        </span>
        <label className="check">
          <input type="checkbox" checked={showUndone} onChange={(e) => setShowUndone(e.target.checked)} />
          Show undone
        </label>
        <StatusNote text={report} />
      </div>
      {items?.length === 0 ? (
        <p className="muted">
          No decisions yet. Merges, splits and the answers given in the review queue are listed here, and each can be
          undone.
        </p>
      ) : (
        <table className="grid decisions-table">
          <thead>
            <tr>
              <th>Decision</th>
              <th>One side</th>
              <th>Other side</th>
              <th>Who</th>
              <th>When</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items?.map((j) => (
              <tr key={j.id} className={j.revokedAt ? 'revoked' : ''} data-judgement={j.id}>
                <td>
                  <span className={`decision decision-${j.decision}`}>{DECISION_WORDS[j.decision]}</span>
                </td>
                <td>
                  <SideNames names={j.namesA} />
                </td>
                <td>
                  <SideNames names={j.namesB} />
                </td>
                <td>{j.actor}</td>
                <td className="nowrap">{formatDateTime(j.at)}</td>
                <td>{j.note || <span className="muted">—</span>}</td>
                <td className="undo-cell">
                  {j.revokedAt ? (
                    <span className="small">
                      Undone by {j.revokedBy ?? 'someone'}
                      <br />
                      {formatDateTime(j.revokedAt)}
                    </span>
                  ) : (
                    <button onClick={() => void undo(j)} disabled={undoing !== null}>
                      {undoing === j.id ? 'Undoing…' : 'Undo'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
