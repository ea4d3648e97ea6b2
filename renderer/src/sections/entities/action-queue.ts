/** How a queue reports what is waiting and what went wrong. */
export interface ActionQueueHooks<L> {
  /** What is waiting or running, oldest (the running one) first; called on every change. */
  onPending(pending: readonly L[]): void;
  /** After each action ends (or is dropped), before the next one starts. */
  onSettled?(): void;
  /** An action threw or rejected; `dropped` actions that were waiting behind it were dropped, not run. */
  onError(error: unknown, dropped: number): void;
}

export interface ActionQueue<L> {
  /**
   * Runs `action` once every action given before it has ended; resolves when it has ended or was dropped. Never
   * rejects. An action given with `keep` is never dropped (say, reloading what is shown).
   */
  run(label: L, action: () => unknown, options?: { keep?: boolean }): Promise<void>;
}

/** A hook that throws must not stop the queue. */
function quietly(f: () => void) {
  try {
    f();
  } catch {
    // nothing to do: the queue goes on
  }
}

/**
 * Runs actions one after another, in the order they were given. An action
 * starts only once the one before it has ended, so an action reads the state
 * the previous one left (a key pressed while a decision is in flight waits
 * for that decision, then acts on what it changed) instead of what the screen
 * showed when the key was pressed. When an action fails, the actions already
 * waiting behind it are dropped: they were given on the understanding that it
 * would succeed (a Z after a decision that failed must not undo the decision
 * before it). Actions given after the failure run as usual.
 */
export function actionQueue<L>(hooks: ActionQueueHooks<L>): ActionQueue<L> {
  let tail: Promise<void> = Promise.resolve();
  /** Waiting or running, oldest first. */
  const pending: { label: L; keep: boolean }[] = [];
  const report = () => hooks.onPending(pending.map((p) => p.label));
  /** Bumped by a failure: actions given before it that have not started are dropped. */
  let epoch = 0;
  return {
    run(label, action, { keep = false } = {}) {
      pending.push({ label, keep });
      quietly(report);
      const given = epoch;
      const before = tail;
      const done = (async () => {
        await before;
        try {
          if (keep || given === epoch) await action();
        } catch (e) {
          epoch++;
          const dropped = pending.slice(1).filter((p) => !p.keep).length;
          quietly(() => hooks.onError(e, dropped));
        } finally {
          pending.shift();
          quietly(() => hooks.onSettled?.());
          quietly(report);
        }
      })();
      tail = done;
      return done;
    },
  };
}
