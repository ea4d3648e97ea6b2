import { useCallback, useEffect, useState } from 'react';
import type { Decision, ReviewPair, ReviewSide } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';

function Side({ s, label }: { s: ReviewSide; label: string }) {
  return (
    <section className="review-side" aria-label={label}>
      <h3>{s.name}</h3>
      <p className="muted small">Entity {s.entityId} · {s.mentions} mentions · {s.countries.join(', ') || 'no country'}</p>
      <dl>
        <dt>Identifiers</dt><dd>{s.identifiers.join(', ') || '—'}</dd>
        <dt>Names</dt><dd><ul>{s.names.map((n) => <li key={n}>{n}</li>)}</ul></dd>
        <dt>Trades with</dt><dd>{s.counterparties.join('; ') || '—'}</dd>
        <dt>Records</dt>
        <dd>
          <ul>
            {s.examples.map((e) => (
              <li key={`${e.recordId}-${e.role}`} className="small">
                {e.date ?? 'no date'} · {e.role} · import {e.importId} row {e.row}: {e.description ?? ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}

/** Uncertain pairs one at a time, evidence side by side: S same, N not the same, U unsure, → or K skip. */
export function ReviewQueue({ revision }: { revision: number }) {
  const [pairs, setPairs] = useState<ReviewPair[]>([]);
  const [total, setTotal] = useState(0);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState(0);
  const setError = useApp((s) => s.setError);
  const refresh = useApp((s) => s.refresh);

  const load = useCallback(async () => {
    const [list, count] = await Promise.all([client.call('review.list', { limit: 100 }), client.call('review.count', {})]);
    if (list.ok) setPairs(list.value);
    else setError(list.error.message);
    if (count.ok) setTotal(count.value);
    setIndex(0);
  }, [setError]);
  useEffect(() => void load(), [load, revision]);

  const pair = pairs[index];
  const decide = useCallback(
    async (decision: Decision) => {
      if (!pair) return;
      const r = await client.call('review.decide', { entityA: pair.a.entityId, entityB: pair.b.entityId, decision, note: '' });
      if (!r.ok) return setError(r.error.message);
      setDone((n) => n + 1);
      // A merge changes the other queued pairs of these entities: reload; otherwise move on.
      if (decision === 'same') void refresh();
      else setIndex((i) => i + 1);
    },
    [pair, refresh, setError],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      const k = e.key.toLowerCase();
      if (k === 's') void decide('same');
      else if (k === 'n') void decide('not_same');
      else if (k === 'u') void decide('unsure');
      else if (k === 'k' || e.key === 'ArrowRight') setIndex((i) => Math.min(i + 1, pairs.length));
      else if (e.key === 'ArrowLeft') setIndex((i) => Math.max(0, i - 1));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, pairs.length]);

  if (!pair) {
    return (
      <div className="empty-section">
        <p>{total === 0 ? 'Nothing to review: every pair was either merged automatically or decided.' : 'End of this batch.'}</p>
        {total > 0 && <button onClick={() => void load()}>Load the next pairs</button>}
      </div>
    );
  }
  return (
    <div className="review panel" aria-label="Review queue">
      <p className="review-progress" aria-live="polite">
        Pair {index + 1} of {total.toLocaleString()} · {done} decided this session · score {pair.score.toFixed(2)}
        {pair.unsure && <span className="flag">marked unsure before</span>}
      </p>
      <ul className="reasons">{pair.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
      {pair.sharedCounterparties.length > 0 && <p className="small">Both trade with: {pair.sharedCounterparties.join('; ')}</p>}
      <div className="review-sides">
        <Side s={pair.a} label="First entity" />
        <Side s={pair.b} label="Second entity" />
      </div>
      <div className="review-actions">
        <button className="primary" onClick={() => void decide('same')}><kbd>S</kbd> Same</button>
        <button onClick={() => void decide('not_same')}><kbd>N</kbd> Not the same</button>
        <button onClick={() => void decide('unsure')}><kbd>U</kbd> Unsure</button>
        <button onClick={() => setIndex((i) => i + 1)}><kbd>K</kbd> Skip</button>
      </div>
    </div>
  );
}
