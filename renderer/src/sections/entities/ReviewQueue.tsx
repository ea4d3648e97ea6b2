import { useEffect, useMemo, useRef, useState } from 'react';
import type { Decision, ReviewPair, ReviewSide } from '../../../../shared/domain/entities';
import { client } from '../../api/client';
import { useApp } from '../../state/store';
import { actionQueue } from './action-queue';
import { DECISION_WORDS } from './decisions';
import { undoJudgement } from './undo-judgement';
import { Side } from './ReviewSide';

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
 * Where a pair decided before is in a freshly loaded queue. An undo resolves the case again: entities may get new
 * numbers, and a number may even go to another entity (a number stays with the group that holds most of its
 * mentions), so the pair is found by the names on both sides (the one sharing most names wins, the same numbers
 * breaking a tie). -1 when no pair shares names on both sides.
 */
function findPair(pairs: ReviewPair[], was: ReviewPair): number {
  let best = -1;
  let bestScore = 0;
  pairs.forEach((p, i) => {
    const names = Math.max(both(shared(p.a, was.a), shared(p.b, was.b)), both(shared(p.a, was.b), shared(p.b, was.a)));
    if (names === 0) return;
    const sameIds = p.a.entityId === was.a.entityId && p.b.entityId === was.b.entityId;
    const score = names * 2 + (sameIds ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** What the queue shows. Changed only by the queue's actions, which run one at a time. */
interface QueueState {
  pairs: ReviewPair[];
  total: number;
  index: number;
  /** Decisions made here, oldest first: Z takes back the last. */
  made: Made[];
  notice: string | null;
}
const START: QueueState = { pairs: [], total: 0, index: 0, made: [], notice: null };

/** What a waiting or running action is, as shown while it waits. */
type Action = Decision | 'undo' | 'skip' | 'back' | 'load';
const ACTION_WORDS: Record<Action, string> = {
  ...DECISION_WORDS,
  undo: 'Undo',
  skip: 'Skip',
  back: 'Back',
  load: 'Loading',
};

/**
 * Uncertain pairs one at a time, evidence side by side: S same, N not the same, U unsure, → or K skip, ← back,
 * Z undo the last decision. Every action (key or button) joins one queue and runs once the actions before it have
 * ended, on the state they left: Z pressed while a decision is being saved undoes that decision, and a second S
 * decides the pair after the first. The screen shows the state as each action ends, and what is still waiting.
 */
export function ReviewQueue({ revision }: { revision: number }) {
  const [view, setView] = useState<QueueState>(START);
  const [pending, setPending] = useState<readonly Action[]>([]);
  /** The state the next action starts from; published to `view` as each action ends. */
  const state = useRef<QueueState>(START);
  /** The case revision the pairs were last loaded at. */
  const loadedAt = useRef<number | null>(null);
  const [queue] = useState(() =>
    actionQueue<Action>({
      onPending: setPending,
      onSettled: () => setView(state.current),
      onError: (e, dropped) => {
        const message = e instanceof Error ? e.message : String(e);
        const after =
          dropped === 1 ? 'the action asked for after it was' : `the ${dropped} actions asked for after it were`;
        useApp.getState().setError(dropped > 0 ? `${message} (${after} not done)` : message);
      },
    }),
  );

  const actions = useMemo(() => {
    const set = (next: Partial<QueueState>) => (state.current = { ...state.current, ...next });
    const setError = (message: string) => useApp.getState().setError(message);
    /**
     * The next pairs from a place in the queue (from its top when there is none, or nothing is left after it: the
     * queue wraps), at `backTo` when it is still among them. An undone decision resolved again may have put its
     * pair elsewhere: then it is looked for from the top.
     */
    const fetchQueue = async (backTo: ReviewPair | null, from?: Place | null) => {
      const revisionNow = useApp.getState().revision;
      const at = from ?? (backTo ? placeOf(backTo) : null);
      const fetch = (place?: Place) => client.call('review.list', { limit: 100, ...(place && { from: place }) });
      const [first, count] = await Promise.all([fetch(at ?? undefined), client.call('review.count', {})]);
      let list = first;
      const wrapped = !!at && list.ok && list.value.length === 0 && count.ok && count.value > 0;
      if (wrapped || (backTo && list.ok && findPair(list.value, backTo) < 0)) list = await fetch();
      loadedAt.current = revisionNow;
      if (!list.ok) setError(list.error.message);
      const found = backTo && list.ok ? findPair(list.value, backTo) : -1;
      set({
        pairs: list.ok ? list.value : state.current.pairs,
        total: count.ok ? count.value : state.current.total,
        index: Math.max(0, found),
        ...(wrapped && { notice: 'Back at the top of the queue: the pairs skipped before come again.' }),
      });
      return found >= 0;
    };
    const decide = async (decision: Decision) => {
      const { pairs, index, made } = state.current;
      const pair = pairs[index];
      if (!pair) return;
      const r = await client.call('review.decide', {
        entityA: pair.a.entityId,
        entityB: pair.b.entityId,
        decision,
        note: '',
      });
      if (!r.ok) throw new Error(r.error.message);
      set({ made: [...made, { judgementId: r.value.judgementId, decision, pair }], notice: null });
      // The decision took the pair out of the way (or, unsure, to the back) and a merge changed the pairs of its
      // entities: reload before the next action, going on at its place.
      await useApp.getState().refresh();
      await fetchQueue(null, placeOf(pair));
    };
    const undoLast = async () => {
      const last = state.current.made.at(-1);
      if (!last) return;
      const r = await undoJudgement(last.judgementId);
      if (!r.ok) throw new Error(r.message);
      set({ made: state.current.made.slice(0, -1) });
      // The undo changed the case: reload the queue and go back to that pair.
      await useApp.getState().refresh();
      const found = await fetchQueue(last.pair);
      set({
        notice: found
          ? `Undid “${DECISION_WORDS[last.decision]}” on ${last.pair.a.name} / ${last.pair.b.name}.`
          : 'The decision was undone; its pair is no longer among the next pairs of the queue.',
      });
    };
    return {
      decide: (decision: Decision) => void queue.run(decision, () => decide(decision)),
      undo: () => void queue.run('undo', undoLast),
      skip: () =>
        void queue.run('skip', () => set({ index: Math.min(state.current.index + 1, state.current.pairs.length) })),
      back: () => void queue.run('back', () => set({ index: Math.max(0, state.current.index - 1) })),
      load: () => void queue.run('load', () => fetchQueue(null, after(state.current.pairs.at(-1))), { keep: true }),
      /** After the case changed elsewhere (this queue's own changes reload it themselves). */
      reloadIfChanged: () =>
        void queue.run(
          'load',
          async () => {
            if (loadedAt.current !== useApp.getState().revision) await fetchQueue(null);
          },
          { keep: true },
        ),
    };
  }, [queue]);

  useEffect(() => actions.reloadIfChanged(), [actions, revision]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toLowerCase();
      const decision = ({ s: 'same', n: 'not_same', u: 'unsure' } as const)[k as 's' | 'n' | 'u'];
      // A key held down decides or undoes once, not once per repeat.
      if ((decision || k === 'z') && e.repeat) return e.preventDefault();
      if (decision) actions.decide(decision);
      else if (k === 'z') actions.undo();
      else if (k === 'k' || e.key === 'ArrowRight') actions.skip();
      else if (e.key === 'ArrowLeft') actions.back();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  const { pairs, total, index, made, notice } = view;
  const pair = pairs[index];
  const deciding = pending.some((a) => a in DECISION_WORDS);
  const undoButton = (
    <button onClick={actions.undo} disabled={made.length === 0 && !deciding} title="Undo the last decision made here">
      <kbd>Z</kbd> Undo last
    </button>
  );
  const pendingLine = pending.length > 0 && (
    <span className="review-pending small muted">Working: {pending.map((a) => ACTION_WORDS[a]).join(' → ')}…</span>
  );
  const noticeLine = notice && (
    <p className="small muted" role="status">
      {notice}
    </p>
  );

  if (!pair) {
    return (
      <div className="empty-section" aria-busy={pending.length > 0}>
        <p>
          {total === 0
            ? 'Nothing to review: every pair was either merged automatically or decided.'
            : 'End of this batch.'}
        </p>
        {noticeLine}
        <div className="review-actions">
          {total > 0 && <button onClick={actions.load}>Load the next pairs</button>}
          {(made.length > 0 || deciding) && undoButton}
          {pendingLine}
        </div>
      </div>
    );
  }
  return (
    <div className="review panel" aria-label="Review queue" aria-busy={pending.length > 0}>
      <p className="review-progress" aria-live="polite">
        Pair {pair.position} of {total.toLocaleString()} · {made.length} decided this session · score{' '}
        {pair.score.toFixed(2)}
        {pair.unsure && <span className="flag">marked unsure before</span>}
      </p>
      {noticeLine}
      {pair.compared && (
        <p className="small compared">
          Compared: “{pair.compared.a}” and “{pair.compared.b}”
        </p>
      )}
      <ul className="reasons">
        {pair.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {pair.sharedCounterparties.length > 0 && (
        <p className="small">Both trade with: {pair.sharedCounterparties.join('; ')}</p>
      )}
      <div className="review-sides">
        <Side s={pair.a} label="First entity" />
        <Side s={pair.b} label="Second entity" />
      </div>
      <div className="review-actions">
        <button className="primary" onClick={() => actions.decide('same')}>
          <kbd>S</kbd> Same
        </button>
        <button onClick={() => actions.decide('not_same')}>
          <kbd>N</kbd> Not the same
        </button>
        <button onClick={() => actions.decide('unsure')}>
          <kbd>U</kbd> Unsure
        </button>
        <button onClick={actions.skip}>
          <kbd>K</kbd> Skip
        </button>
        <span className="spacer" />
        {pendingLine}
        {undoButton}
      </div>
    </div>
  );
}
