import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { AWAITING_REVIEW } from '../../electron/core/db/colleague-judgements';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { exportTo } from './helpers';
import { merge } from './merge-helpers';

/** The entity a name is in, in a case. */
const entityOf = (core: CoreContext, name: string): number =>
  core.session!.db.prepare('SELECT entity_id FROM mention_names WHERE raw_name = ?').pluck().get(name) as number;

const queued = (core: CoreContext, a: number, b: number) =>
  core
    .session!.db.prepare(
      'SELECT reasons FROM review_queue WHERE (entity_a = ? AND entity_b = ?) OR (entity_a = ? AND entity_b = ?)',
    )
    .pluck()
    .get(a, b, b, a) as string | undefined;

async function resolvedRussianCase(name: string) {
  const made = await tempCase(name);
  await must(made.core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  await must(made.core, 'entities.resolve', {});
  return made;
}

/**
 * A colleague's "same" judgement never merges my entities by itself
 * (db/colleague-judgements.ts): it comes in revoked, with its author, and
 * the pair waits in my review queue, through my resolves, until I decide.
 */
describe('a colleague’s judgements in a merge', () => {
  it('their "same" is a suggestion in my queue, kept through resolve; accepting it merges', async () => {
    const theirs = await resolvedRussianCase('Colleague');
    const [a, b] = await must(theirs.core, 'entities.list', { limit: 2 });
    await must(theirs.core, 'entities.merge', { ids: [a!.id, b!.id], note: 'same director' });
    const sent = join(theirs.dir, 'colleague.case');
    await exportTo(theirs.core, sent);

    const mine = await resolvedRussianCase('Mine');
    const [nameA, nameB] = [a!.name, b!.name];
    expect(entityOf(mine.core, nameA)).not.toBe(entityOf(mine.core, nameB));
    const r = await merge(mine.core, sent);
    expect(r.added.judgements).toBe(1);
    const [j] = await must(mine.core, 'judgements.list', { includeRevoked: true });
    expect(j).toMatchObject({ decision: 'same', actor: 'tester', revokedBy: AWAITING_REVIEW });

    await must(mine.core, 'entities.resolve', {});
    const [ea, eb] = [entityOf(mine.core, nameA), entityOf(mine.core, nameB)];
    expect(ea).not.toBe(eb); // still apart
    expect(queued(mine.core, ea, eb)).toMatch(/tester judged these the same in their case/);
    expect(queued(mine.core, ea, eb)).toMatch(/same director/);

    const decided = await must(mine.core, 'review.decide', { entityA: ea, entityB: eb, decision: 'same' });
    expect(decided.mergedInto).not.toBeNull();
    await must(mine.core, 'entities.resolve', {});
    const one = entityOf(mine.core, nameA);
    expect(entityOf(mine.core, nameB)).toBe(one);
    const left = mine.core
      .session!.db.prepare("SELECT count(*) FROM review_queue WHERE reasons LIKE '%judged these the same%'")
      .pluck()
      .get();
    expect(left).toBe(0);
  }, 300_000);

  it('when I decide "not the same", the suggestion does not come back at the next resolve', async () => {
    const theirs = await resolvedRussianCase('Colleague');
    const [a, b] = await must(theirs.core, 'entities.list', { limit: 2 });
    await must(theirs.core, 'entities.merge', { ids: [a!.id, b!.id] });
    const sent = join(theirs.dir, 'colleague.case');
    await exportTo(theirs.core, sent);
    const mine = await resolvedRussianCase('Mine');
    await merge(mine.core, sent);
    const [ea, eb] = [entityOf(mine.core, a!.name), entityOf(mine.core, b!.name)];
    expect(queued(mine.core, ea, eb)).toBeDefined();
    await must(mine.core, 'review.decide', { entityA: ea, entityB: eb, decision: 'not_same' });
    await must(mine.core, 'entities.resolve', {});
    const [fa, fb] = [entityOf(mine.core, a!.name), entityOf(mine.core, b!.name)];
    expect(fa).not.toBe(fb);
    expect(queued(mine.core, fa, fb)).toBeUndefined();
  }, 300_000);
});
