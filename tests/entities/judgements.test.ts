import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { must, SAMPLES, tempCase } from '../helpers/temp';

async function resolvedCase() {
  const { core } = await tempCase();
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
  await must(core, 'entities.resolve', {});
  return core;
}

const entityOfName = async (core: Awaited<ReturnType<typeof resolvedCase>>, needle: RegExp) => {
  const list = await must(core, 'entities.list', { limit: 100_000 });
  return list.find((e) => [e.name, ...e.aliases].some((n) => needle.test(n)));
};

describe('judgements survive resolve', () => {
  it('keeps a "not the same" decision and a manual merge when resolve runs again', async () => {
    const core = await resolvedCase();
    const list = await must(core, 'entities.list', { limit: 100_000 });
    expect(list.length).toBeGreaterThan(10);
    // Split the aviation plant's Cyrillic names from its Latin ones, then resolve again.
    const uuaz = (await entityOfName(core, /авиационный завод/i))!;
    expect(uuaz).toBeDefined();
    const cyrillic = [uuaz.name, ...uuaz.aliases].filter((n) => /[а-я]/i.test(n));
    expect(cyrillic.length).toBeGreaterThan(0);
    const split = await must(core, 'entities.split', { id: uuaz.id, names: cyrillic });
    await must(core, 'entities.resolve', {});
    const mentions = await must(core, 'mentions.list', { limit: 1_000_000 });
    const entityOf = (n: string) => mentions.find((m) => m.rawName === n)!.entityId;
    const latin = [uuaz.name, ...uuaz.aliases].find((n) => !/[а-я]/i.test(n))!;
    expect(entityOf(cyrillic[0]!)).not.toBe(entityOf(latin));
    expect(split.entity.id).toBeGreaterThan(0);

    // A manual merge of two unrelated entities survives too.
    const [a, b] = (await must(core, 'entities.list', { limit: 100_000 })).slice(-2);
    await must(core, 'entities.merge', { ids: [a!.id, b!.id], note: 'test' });
    await must(core, 'entities.resolve', {});
    const after = await must(core, 'mentions.list', { limit: 1_000_000 });
    const ea = after.find((m) => m.rawName === a!.name)!.entityId;
    const eb = after.find((m) => m.rawName === b!.name)!.entityId;
    expect(ea).toBe(eb);

    // Undo the merge: they come apart again, and the judgement is kept as revoked.
    const js = await must(core, 'judgements.list', {});
    const merge = js.find((j) => j.decision === 'same')!;
    // (Resolved since the merge: undone by resolving again.)
    await must(core, 'judgements.undoResolving', { id: merge.id });
    const undone = await must(core, 'mentions.list', { limit: 1_000_000 });
    expect(undone.find((m) => m.rawName === a!.name)!.entityId).not.toBe(
      undone.find((m) => m.rawName === b!.name)!.entityId,
    );
    const all = await must(core, 'judgements.list', { includeRevoked: true });
    expect(all.find((j) => j.id === merge.id)!.revokedAt).not.toBeNull();
    const audit = await must(core, 'audit.list', { limit: 50 }).catch(() => null);
    if (audit) expect(JSON.stringify(audit)).toContain('entities.merge');
    core.session?.close();
  }, 120_000);

  it('a split-off entity and a merged one carry the countries and identifiers of their names', async () => {
    const core = await resolvedCase();
    const list = await must(core, 'entities.list', { limit: 100_000 });
    // Two entities with identifiers (INNs of receivers) in one country.
    const withIds = list.filter((e) => e.identifiers.length > 0 && e.country === 'RU' && e.aliases.length > 0);
    expect(withIds.length).toBeGreaterThan(1);
    const [a, b] = withIds;
    const { entity: merged } = await must(core, 'entities.merge', { ids: [a!.id, b!.id], note: '' });
    expect(merged.identifiers).toEqual([...new Set([...a!.identifiers, ...b!.identifiers])].sort());
    // Split the names of b back out: the new entity takes b's identifiers and country, the rest keeps a's.
    const bNames = [b!.name, ...b!.aliases];
    const { entity: split } = await must(core, 'entities.split', { id: merged.id, names: bNames });
    expect(split.identifiers).toEqual([...b!.identifiers].sort());
    expect(split.country).toBe('RU');
    const rest = await must(core, 'entities.get', { id: merged.id });
    expect(rest.identifiers).toEqual([...a!.identifiers].sort());
    core.session?.close();
  }, 120_000);

  it('merge and split return their judgement, and undoing that judgement puts the entities back', async () => {
    const core = await resolvedCase();
    // Which names go together, and how often they are mentioned (stable-ids.test.ts checks the ids).
    const grouping = async () =>
      (await must(core, 'entities.list', { limit: 100_000 }))
        .map((e) => `${[e.name, ...e.aliases].sort().join(' | ')} (${e.mentions})`)
        .sort();
    const before = await grouping();
    const list = await must(core, 'entities.list', { limit: 100_000 });
    const inForce = async () => (await must(core, 'judgements.list', {})).map((j) => [j.id, j.decision]);

    const [a, b] = list.slice(-2);
    const merged = await must(core, 'entities.merge', { ids: [a!.id, b!.id], note: '' });
    expect(merged.entity.mentions).toBe(a!.mentions + b!.mentions);
    expect(await inForce()).toEqual([[merged.judgementId, 'same']]);
    expect(await grouping()).not.toEqual(before);
    await must(core, 'judgements.undo', { id: merged.judgementId });
    expect(await inForce()).toEqual([]);
    expect(await grouping()).toEqual(before);

    const plant = list.find((e) => [e.name, ...e.aliases].some((n) => /авиационный завод/i.test(n)))!;
    const cyrillic = [plant.name, ...plant.aliases].filter((n) => /[а-я]/i.test(n));
    const split = await must(core, 'entities.split', { id: plant.id, names: cyrillic });
    expect([split.entity.name, ...split.entity.aliases].sort()).toEqual([...cyrillic].sort());
    expect(await inForce()).toEqual([[split.judgementId, 'not_same']]);
    expect(await grouping()).not.toEqual(before);
    await must(core, 'judgements.undo', { id: split.judgementId });
    expect(await grouping()).toEqual(before);
    core.session?.close();
  }, 120_000);

  it('review.decide not_same removes the pair from the queue and keeps it apart', async () => {
    const core = await resolvedCase();
    const queue = await must(core, 'review.list', { limit: 5 });
    expect(queue.length).toBeGreaterThan(0);
    const pair = queue[0]!;
    expect(pair.a.names.length).toBeGreaterThan(0);
    await must(core, 'review.decide', { entityA: pair.a.entityId, entityB: pair.b.entityId, decision: 'not_same' });
    await must(core, 'entities.resolve', {});
    const mentions = await must(core, 'mentions.list', { limit: 1_000_000 });
    const ea = mentions.find((m) => m.rawName === pair.a.names[0])!.entityId;
    const eb = mentions.find((m) => m.rawName === pair.b.names[0])!.entityId;
    expect(ea).not.toBe(eb);
    core.session?.close();
  }, 120_000);
});
