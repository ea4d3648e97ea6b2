// The review queue: the score shown is the scorer's for the pair of entities, and after a decision the queue goes on
// with the next undecided pair (a skipped one comes back only when the queue wraps).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import type { Decision, ReviewPair } from '../../shared/domain/entities';
import { must, SAMPLES, tempCase } from '../helpers/temp';

const HEADER =
  'DECLARATION_NUMBER,DATE,DIRECTION,SENDER,SENDER_ADDRESS,SENDER_COUNTRY,RECEIVER,RECEIVER_INN,RECEIVER_ADDRESS,HS_CODE,GOODS_DESCRIPTION,ORIGIN_COUNTRY,TRADING_COUNTRY,PRODUCER,TRADEMARK,QUANTITY,UNIT,NET_WEIGHT_KG,GROSS_WEIGHT_KG,INVOICE_VALUE,CURRENCY,STATISTICAL_VALUE_USD,CUSTOMS_POST,TRANSPORT';
let declaration = 0;
const line = (sender: string, country: string, producer = 'ОТСУТСТВУЕТ') =>
  `10005030/010322/${String(++declaration).padStart(7, '0')},2022-03-01,ИМ,${sender},"Dubai",${country},ООО «Ромашка»,,Москва,8807300000,ЧАСТИ,${country},${country},${producer},ОТСУТСТВУЕТ,1,ШТ,1,1,100,USD,100,"10005030, т/п",АВИА`;

/** Where a pair stood in the queue's order: where to go on from once it is decided. */
const place = (p: ReviewPair) => ({ unsure: p.unsure, score: p.score, id: p.id });

async function sampleCase() {
  const { core } = await tempCase();
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
  await must(core, 'entities.resolve', {});
  return core;
}

const decide = (core: CoreContext, p: ReviewPair, decision: Decision) =>
  must(core, 'review.decide', { entityA: p.a.entityId, entityB: p.b.entityId, decision, note: '' });

describe('review queue', () => {
  it('shows the scorer’s score for the two names compared, with their entities’ countries, not 1.00', async () => {
    const { core, dir } = await tempCase();
    // The producer's spelling carries no country of its own: compared as two spellings, it scored 1.00 against the
    // Uzbek company, while the entity it belongs to is in the Emirates.
    const rows = [
      ...Array.from({ length: 3 }, () => line('Caspian Systems FZE', 'AE')),
      ...Array.from({ length: 3 }, () => line('CASPIAN SYSTEMS FZE', 'UZ')),
      ...Array.from({ length: 2 }, () => line('Alpha Trading LLC', 'AE', 'Caspian Systems FZE')),
    ];
    const file = join(dir, 'caspian.csv');
    writeFileSync(file, [HEADER, ...rows].join('\n'));
    await must(core, 'import.run', { path: file, preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const queue = await must(core, 'review.list', { limit: 50 });
    const pair = queue.find((p) => /caspian/i.test(p.a.name) && /caspian/i.test(p.b.name))!;
    expect(pair).toBeDefined();
    const country = (s: ReviewPair['a']) => (expect(s.countries).toHaveLength(1), s.countries[0]!);
    const [scored] = await must(core, 'names.match', {
      pairs: [
        { name1: pair.compared!.a, name2: pair.compared!.b, country1: country(pair.a), country2: country(pair.b) },
      ],
    });
    expect(scored!.score).toBeLessThan(1);
    expect(pair.score).toBe(scored!.score);
    expect(pair.reasons).toContain(`Countries differ (${country(pair.a)} vs ${country(pair.b)}).`);
    expect(pair.reasons.at(-1)).toMatch(/^Not merged automatically: their countries differ/);
    expect(pair.a.names).toContain(pair.compared!.a);
    expect(pair.b.names).toContain(pair.compared!.b);
    core.session?.close();
  }, 60_000);

  it('never shows 1.00 next to a difference the scorer weighs', async () => {
    const core = await sampleCase();
    const queue = await must(core, 'review.list', { limit: 1000 });
    expect(queue.length).toBeGreaterThan(20);
    expect(queue.map((p) => p.position)).toEqual(queue.map((_, i) => i + 1));
    for (const p of queue) {
      if (p.reasons.some((r) => /^(Countries differ|Legal forms differ|Different identifiers)/.test(r)))
        expect(p.score, p.reasons.join(' ')).toBeLessThan(1);
      expect(p.compared).not.toBeNull();
    }
    // Best first, as the queue is ordered.
    expect(queue.map((p) => p.score)).toEqual([...queue.map((p) => p.score)].sort((x, y) => y - x));
    core.session?.close();
  }, 60_000);

  it.each(['same', 'not_same', 'unsure'] as const)(
    'after “%s” on pair k, goes on with pair k+1, not back to a pair skipped before',
    async (decision) => {
      const core = await sampleCase();
      const before = await must(core, 'review.list', { limit: 1000 });
      // Pair 1 skipped, pair 2 decided: the queue goes on at what was pair 3.
      const [, second, third] = before;
      await decide(core, second!, decision);
      const next = await must(core, 'review.list', { limit: 5, from: place(second!) });
      expect(next[0]!.id).toBe(third!.id);
      // Pair 2 is out of the way (an unsure pair waits at the back): what was pair 3 is the second pair now.
      expect(next[0]!.position).toBe(2);
      const after = await must(core, 'review.list', { limit: 1000 });
      expect(after[0]!.id).toBe(before[0]!.id);
      if (decision === 'unsure') expect(after.at(-1)).toMatchObject({ id: second!.id, unsure: true });
      else expect(after.some((p) => p.id === second!.id)).toBe(false);
      // Past the last pair there is nothing: the queue wraps to its top.
      expect(
        await must(core, 'review.list', { limit: 5, from: { ...place(after.at(-1)!), id: after.at(-1)!.id + 1 } }),
      ).toEqual([]);
      core.session?.close();
    },
    60_000,
  );

  it('undoing “not the same” puts its pair back in place, the survivor’s when one side was merged away since', async () => {
    const core = await sampleCase();
    const pair = (await must(core, 'review.list', { limit: 1 }))[0]!;
    const { judgementId } = await decide(core, pair, 'not_same');
    const list = await must(core, 'entities.list', { limit: 100_000 });
    const bigger = list.find((e) => e.mentions > pair.a.mentions && e.id !== pair.b.entityId)!;
    await must(core, 'entities.merge', { ids: [bigger.id, pair.a.entityId], note: '' });
    expect(await must(core, 'judgements.undo', { id: judgementId })).toMatchObject({ how: 'local' });
    const back = (await must(core, 'review.list', { limit: 1000 })).find((p) => p.id === pair.id)!;
    expect([back.a.entityId, back.b.entityId]).toEqual([bigger.id, pair.b.entityId]);
    expect(back).toMatchObject({ score: pair.score, reasons: pair.reasons, position: 1 });
    core.session?.close();
  }, 60_000);

  it('a merge keeps the merged-away entity’s queued pairs, as the survivor’s, in their places', async () => {
    const core = await sampleCase();
    const before = await must(core, 'review.list', { limit: 1000 });
    // An entity queued with another whose pair with the survivor is not queued: merge it away, and that pair is the
    // survivor's, with its id (a merge keeps the entity with more mentions).
    const has = (p: ReviewPair, e: number) => p.a.entityId === e || p.b.entityId === e;
    const other = (p: ReviewPair, e: number) => (p.a.entityId === e ? p.b.entityId : p.a.entityId);
    const pair = before.find((p) => {
      if (p.a.mentions === p.b.mentions) return false;
      const [small, big] = p.a.mentions < p.b.mentions ? [p.a.entityId, p.b.entityId] : [p.b.entityId, p.a.entityId];
      return before.some(
        (o) => o.id !== p.id && has(o, small) && !before.some((q) => has(q, big) && has(q, other(o, small))),
      );
    })!;
    expect(pair).toBeDefined();
    const { mergedInto } = await decide(core, pair, 'same');
    const gone = pair.a.entityId === mergedInto ? pair.b.entityId : pair.a.entityId;
    const others = before.filter((p) => p.id !== pair.id && (p.a.entityId === gone || p.b.entityId === gone));
    const after = await must(core, 'review.list', { limit: 1000 });
    expect(after.some((p) => p.a.entityId === gone || p.b.entityId === gone)).toBe(false);
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) {
      // Its pair is the survivor's now: the same row, or the survivor's own pair with that entity when that scored better.
      const partner = o.a.entityId === gone ? o.b.entityId : o.a.entityId;
      const now = after.find(
        (p) => [p.a.entityId, p.b.entityId].sort().join() === [mergedInto!, partner].sort().join(),
      )!;
      expect(now, `pair ${o.id}`).toBeDefined();
      expect(now.score).toBeGreaterThanOrEqual(o.score);
      if (now.id === o.id) expect(now.reasons).toEqual(o.reasons);
    }
    expect(others.some((o) => after.some((p) => p.id === o.id))).toBe(true);
    expect(after.length).toBeLessThan(before.length);
    core.session?.close();
  }, 60_000);
});
