import { useCallback, useEffect, useRef, useState } from 'react';
import type { Decision, ReviewPair, ReviewSide } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { DECISION_WORDS } from './decisions';
import { undoJudgement } from './undo-judgement';

/** Where a pair stands in the queue's order: the queue goes on from there after a decision. */
const placeOf = (p: ReviewPair) => ({ unsure: p.unsure, score: p.score, id: p.id });
type Place = ReturnType<typeof placeOf>;
/** Just after a pair (ids are whole numbers), or the top. */
const after = (p: ReviewPair | undefined): Place | null => (p ? { ...placeOf(p), id: p.id + 1 } : null);

/** A decision made in this session, with the pair it was made on, so Z can take it back. */
interface Made {
  judgementId: number;
  decision: Decision;
  pair: ReviewPair;
}

const namesOf = (s: ReviewSide) => new Set([s.name, ...s.names]);
const shared = (x: ReviewSide, y: ReviewSide) => {
  const theirs = namesOf(y);
  return [...namesOf(x)].filter((n) => theirs.has(n)).length;
};
/** Names shared on both sides, or 0 when one side shares none. */
const both = (x: number, y: number) => (x > 0 && y > 0 ? x + y : 0);

/**
 * Where a pair decided before is in a freshly loaded queue. An undo resolves
 * the case again and entities may get new numbers, so the pair is also found
 * by the names on both sides (the one sharing most names wins).
 */
function findPair(pairs: ReviewPair[], was: ReviewPair): number {
  const same = pairs.findIndex((p) => p.a.entityId === was.a.entityId && p.b.entityId === was.b.entityId);
  if (same >= 0) return same;
  let best = -1;
  let bestShared = 0;
  pairs.forEach((p, i) => {
    const n = Math.max(both(shared(p.a, was.a), shared(p.b, was.b)), both(shared(p.a, was.b), shared(p.b, was.a)));
    if (n > bestShared) [best, bestShared] = [i, n];
  });
  return best;
}

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

/** Uncertain pairs one at a time, evidence side by side: S same, N not the same, U unsure, → or K skip, Z undo the last decision. */
export function ReviewQueue({ revision }: { revision: number }) {
  const [pairs, setPairs] = useState<ReviewPair[]>([]);
  const [total, setTotal] = useState(0);
  const [index, setIndex] = useState(0);
  const [made, setMade] = useState<Made[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  /** The pair to show once the queue has reloaded after an undo. */
  const backTo = useRef<ReviewPair | null>(null);
  /**
   * Where the queue goes on once it has reloaded after a decision: at the decided pair's place, so that the next
   * undecided pair shows, not the top, where the pairs skipped before wait until the queue wraps.
   */
  const goOnFrom = useRef<Place | null>(null);
  const undoing = useRef(false);
  const setError = useApp((s) => s.setError);
  const refresh = useApp((s) => s.refresh);

  /** The next pairs from a place in the queue (from its top when there is none, or nothing is left after it: the queue wraps). */
  const load = useCallback(
    async (from?: Place | null) => {
      const was = backTo.current ?? undefined;
      backTo.current = null;
      const at = from ?? goOnFrom.current ?? (was && placeOf(was));
      goOnFrom.current = null;
      const fetch = (place?: Place) => client.call('review.list', { limit: 100, ...(place && { from: place }) });
      const [first, count] = await Promise.all([fetch(at ?? undefined), client.call('review.count', {})]);
      let list = first;
      const wrapped = !!at && list.ok && list.value.length === 0 && count.ok && count.value > 0;
      // An undone decision resolved again may have put its pair elsewhere: look for it from the top.
      if (wrapped || (was && list.ok && findPair(list.value, was) < 0)) list = await fetch();
      if (list.ok) setPairs(list.value);
      else setError(list.error.message);
      if (count.ok) setTotal(count.value);
      const index = was && list.ok ? findPair(list.value, was) : -1;
      if (was && index < 0) setNotice('The decision was undone; its pair is no longer among the next pairs of the queue.');
      else if (wrapped) setNotice('Back at the top of the queue: the pairs skipped before come again.');
      setIndex(Math.max(0, index));
    },
    [setError],
  );
  useEffect(() => void load(), [load, revision]);

  const pair = pairs[index];
  const decide = useCallback(
    async (decision: Decision) => {
      if (!pair) return;
      const r = await client.call('review.decide', { entityA: pair.a.entityId, entityB: pair.b.entityId, decision, note: '' });
      if (!r.ok) return setError(r.error.message);
      setMade((m) => [...m, { judgementId: r.value.judgementId, decision, pair }]);
      setNotice(null);
      // The decision took the pair out of the way (or, unsure, to the back) and a merge changed the pairs of its
      // entities: reload, going on at its place.
      goOnFrom.current = placeOf(pair);
      void refresh();
    },
    [pair, refresh, setError],
  );
  const undoLast = useCallback(async () => {
    const last = made[made.length - 1];
    if (!last || undoing.current) return;
    undoing.current = true;
    const r = await undoJudgement(last.judgementId);
    undoing.current = false;
    if (!r.ok) return setError(r.message);
    setMade((m) => m.slice(0, -1));
    setNotice(`Undid “${DECISION_WORDS[last.decision]}” on ${last.pair.a.name} / ${last.pair.b.name}.`);
    // The undo changed the case: reload the queue (through the revision) and go back to that pair.
    backTo.current = last.pair;
    void refresh();
  }, [made, refresh, setError]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') void decide('same');
      else if (k === 'n') void decide('not_same');
      else if (k === 'u') void decide('unsure');
      else if (k === 'z') void undoLast();
      else if (k === 'k' || e.key === 'ArrowRight') setIndex((i) => Math.min(i + 1, pairs.length));
      else if (e.key === 'ArrowLeft') setIndex((i) => Math.max(0, i - 1));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, undoLast, pairs.length]);

  const undoButton = (
    <button onClick={() => void undoLast()} disabled={made.length === 0} title="Undo the last decision made here">
      <kbd>Z</kbd> Undo last
    </button>
  );
  const noticeLine = notice && (
    <p className="small muted" role="status">
      {notice}
    </p>
  );

  if (!pair) {
    return (
      <div className="empty-section">
        <p>{total === 0 ? 'Nothing to review: every pair was either merged automatically or decided.' : 'End of this batch.'}</p>
        {noticeLine}
        <div className="review-actions">
          {total > 0 && <button onClick={() => void load(after(pairs.at(-1)))}>Load the next pairs</button>}
          {made.length > 0 && undoButton}
        </div>
      </div>
    );
  }
  return (
    <div className="review panel" aria-label="Review queue">
      <p className="review-progress" aria-live="polite">
        Pair {pair.position} of {total.toLocaleString()} · {made.length} decided this session · score {pair.score.toFixed(2)}
        {pair.unsure && <span className="flag">marked unsure before</span>}
      </p>
      {noticeLine}
      {pair.compared && <p className="small compared">Compared: “{pair.compared.a}” and “{pair.compared.b}”</p>}
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
        <span className="spacer" />
        {undoButton}
      </div>
    </div>
  );
}
