import { describe, expect, it } from 'vitest';
import { actionQueue } from '../../renderer/src/sections/entities/action-queue';

/** A promise to settle by hand, and whether it has. */
function later<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ([resolve, reject] = [ok, fail]));
  return { promise, resolve, reject };
}

function recorder() {
  const pending: string[][] = [];
  const errors: [string, number][] = [];
  let settled = 0;
  const queue = actionQueue<string>({
    onPending: (p) => pending.push([...p]),
    onSettled: () => settled++,
    onError: (e, dropped) => errors.push([(e as Error).message, dropped]),
  });
  return { queue, pending, errors, settled: () => settled };
}

describe('the review queue’s action queue', () => {
  it('runs an action given while another is in flight after it, on what it left', async () => {
    const { queue, pending } = recorder();
    const saved = later<number>();
    const state = { made: [] as number[] };
    const log: string[] = [];
    const decided = queue.run('same', async () => {
      state.made.push(await saved.promise);
      log.push('decided');
    });
    // Z arrives while the decision is still being saved: it waits for it, then undoes exactly that one.
    const undone = queue.run('undo', () => {
      log.push(`undo ${state.made.pop() ?? 'nothing'}`);
    });
    await Promise.resolve();
    expect(log).toEqual([]);
    expect(pending.at(-1)).toEqual(['same', 'undo']);
    saved.resolve(7);
    await Promise.all([decided, undone]);
    expect(log).toEqual(['decided', 'undo 7']);
    expect(state.made).toEqual([]);
    expect(pending.at(-1)).toEqual([]);
  });

  it('keeps the order of many quick actions, each after the one before has ended', async () => {
    const { queue, settled } = recorder();
    const log: string[] = [];
    let running = 0;
    const step = (name: string, ms: number) => async () => {
      running++;
      expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, ms));
      log.push(name);
      running--;
    };
    await Promise.all([
      queue.run('s', step('S1', 20)),
      queue.run('s', step('S2', 1)),
      queue.run('z', step('Z1', 10)),
      queue.run('z', step('Z2', 0)),
    ]);
    expect(log).toEqual(['S1', 'S2', 'Z1', 'Z2']);
    expect(settled()).toBe(4);
  });

  it('drops what waited behind a failed action, keeps reloads, and runs what comes after the failure', async () => {
    const { queue, errors } = recorder();
    const log: string[] = [];
    const saving = later();
    const failed = queue.run('same', async () => {
      await saving.promise;
      throw new Error('The case is read-only');
    });
    const z = queue.run('undo', () => void log.push('undo'));
    const reload = queue.run('load', () => void log.push('load'), { keep: true });
    saving.resolve();
    await Promise.all([failed, z, reload]);
    // The Z was meant for the decision that failed: it must not undo the one before.
    expect(log).toEqual(['load']);
    expect(errors).toEqual([['The case is read-only', 1]]);
    await queue.run('not_same', () => void log.push('not_same'));
    expect(log).toEqual(['load', 'not_same']);
  });

  it('goes on when an action throws synchronously or a hook throws', async () => {
    const log: string[] = [];
    const queue = actionQueue<string>({
      onPending: () => {
        throw new Error('render failed');
      },
      onError: () => log.push('error'),
    });
    await queue.run('a', () => {
      throw new Error('boom');
    });
    await queue.run('b', () => void log.push('b'));
    expect(log).toEqual(['error', 'b']);
  });
});
