// Entity ids are what diagrams and briefs hold: they stay through resolving again, importing more, merging,
// splitting and undoing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import type { MentionRow } from '../../shared/domain/entities';
import { call } from '../../electron/core/dispatch';
import { must, SAMPLES, tempCase } from '../helpers/temp';

/** Entity id → its names as written (every one, from the mentions) and their mentions. */
async function idsToNames(core: CoreContext): Promise<Map<number, string>> {
  const names = new Map<number, Map<string, number>>();
  for (const m of await must(core, 'mentions.list', { limit: 1_000_000 })) {
    if (m.entityId === null) continue;
    const of = names.get(m.entityId) ?? names.set(m.entityId, new Map()).get(m.entityId)!;
    of.set(m.rawName, (of.get(m.rawName) ?? 0) + 1);
  }
  const out = new Map<number, string>();
  for (const [id, of] of [...names].sort((a, b) => a[0] - b[0]))
    out.set(
      id,
      [...of]
        .map(([n, k]) => `${n} ×${k}`)
        .sort()
        .join(' | '),
    );
  return out;
}

async function resolvedCase(file = 'ru-customs-1k.clean.csv') {
  const made = await tempCase();
  await must(made.core, 'import.run', { path: join(SAMPLES, file), preset: 'ru-customs' });
  await must(made.core, 'entities.resolve', {});
  return made;
}

/** The facts an entity's page shows, which an undo must give back as they were. */
const facts = async (core: CoreContext, id: number) => {
  const d = await must(core, 'entities.get', { id });
  return {
    id: d.id,
    name: d.name,
    country: d.country,
    identifiers: d.identifiers,
    mentions: d.mentions,
    names: d.names,
  };
};

describe('stable entity ids', () => {
  it('resolving an unchanged case again keeps every id with its names', async () => {
    const { core } = await resolvedCase();
    const before = await idsToNames(core);
    expect(before.size).toBeGreaterThan(50);
    await must(core, 'entities.resolve', {});
    expect(await idsToNames(core)).toEqual(before);
    core.session?.close();
  }, 120_000);

  it('a merge undone gives both entities back under their ids, with their names and facts, at once', async () => {
    const { core } = await resolvedCase();
    const before = await idsToNames(core);
    const list = await must(core, 'entities.list', { limit: 100_000 });
    // The bigger survives: merge a smaller entity into a bigger one (the case the issue saw: the smaller got a new id).
    const big = list[3]!;
    const small = list.find((e) => e.mentions < big.mentions)!;
    const was = [await facts(core, big.id), await facts(core, small.id)];
    const queueBefore = await must(core, 'review.list', { limit: 1000 });

    const merged = await must(core, 'entities.merge', { ids: [small.id, big.id], note: '' });
    expect(merged.entity.id).toBe(big.id);
    expect(merged.entity.mentions).toBe(big.mentions + small.mentions);
    // The merged-away id leads to its survivor.
    const followed = await must(core, 'entities.get', { id: small.id });
    expect(followed).toMatchObject({ id: big.id, followedFrom: small.id });
    expect((await must(core, 'entities.get', { id: big.id })).followedFrom).toBeNull();

    const undone = await must(core, 'judgements.undo', { id: merged.judgementId });
    expect(undone).toMatchObject({ judgementId: merged.judgementId, how: 'local', resolve: null });
    expect(undone.entities).toEqual([big.id, small.id].sort((a, b) => a - b));
    expect(await idsToNames(core)).toEqual(before);
    expect([await facts(core, big.id), await facts(core, small.id)]).toEqual(was);
    expect((await must(core, 'entities.get', { id: small.id })).followedFrom).toBeNull();
    expect(await must(core, 'review.list', { limit: 1000 })).toEqual(queueBefore);
    core.session?.close();
  }, 120_000);

  it('a split keeps the original id, gives the split-off names a new one, and its undo gives everything back', async () => {
    const { core } = await resolvedCase();
    const before = await idsToNames(core);
    const maxId = Math.max(...before.keys());
    const plant = (await must(core, 'entities.list', { limit: 100_000 })).find((e) =>
      [e.name, ...e.aliases].some((n) => /авиационный завод/i.test(n)),
    )!;
    const cyrillic = [plant.name, ...plant.aliases].filter((n) => /[а-я]/i.test(n));
    const was = await facts(core, plant.id);

    const split = await must(core, 'entities.split', { id: plant.id, names: cyrillic });
    expect(split.entity.id).toBeGreaterThan(maxId);
    const after = await idsToNames(core);
    expect(after.get(plant.id)).not.toContain('авиационный');
    expect([...after.keys()].sort()).toEqual([...before.keys(), split.entity.id].sort());

    const undone = await must(core, 'judgements.undo', { id: split.judgementId });
    expect(undone.how).toBe('local');
    expect(await idsToNames(core)).toEqual(before);
    expect(await facts(core, plant.id)).toEqual(was);
    // The split-off id leads back to where its names went.
    expect(await must(core, 'entities.get', { id: split.entity.id })).toMatchObject({
      id: plant.id,
      followedFrom: split.entity.id,
    });
    core.session?.close();
  }, 120_000);

  it('an undo after a later resolve resolves again, and the merged-away entity still comes back under its id', async () => {
    const { core } = await resolvedCase();
    const before = await idsToNames(core);
    const list = await must(core, 'entities.list', { limit: 100_000 });
    const [big, small] = [list[3]!, list[10]!];
    const merged = await must(core, 'entities.merge', { ids: [big.id, small.id], note: '' });
    await must(core, 'entities.resolve', {});
    expect((await idsToNames(core)).has(small.id)).toBe(false);
    expect(await call(core, 'judgements.undo', { id: merged.judgementId })).toMatchObject({
      ok: false,
      error: { code: 'needs_resolve' },
    });
    const undone = await must(core, 'judgements.undoResolving', { id: merged.judgementId });
    expect(undone.how).toBe('resolved');
    expect(undone.resolve?.judgementsApplied).toBe(0);
    expect(await idsToNames(core)).toEqual(before);
    core.session?.close();
  }, 120_000);

  it('undoes an earlier decision in place when a later one changed other entities, and resolves when it changed the same', async () => {
    const { core } = await resolvedCase();
    const before = await idsToNames(core);
    const list = await must(core, 'entities.list', { limit: 100_000 });
    const first = await must(core, 'entities.merge', { ids: [list[3]!.id, list[10]!.id], note: '' });
    const second = await must(core, 'entities.merge', { ids: [list[4]!.id, list[11]!.id], note: '' });
    const third = await must(core, 'entities.merge', { ids: [list[3]!.id, list[12]!.id], note: '' });
    expect((await must(core, 'judgements.undo', { id: second.judgementId })).how).toBe('local');
    // The third changed the first's survivor after it: the first cannot be put back in place on top of it.
    expect((await call(core, 'judgements.undo', { id: first.judgementId })).ok).toBe(false);
    expect((await must(core, 'judgements.undoResolving', { id: first.judgementId })).how).toBe('resolved');
    expect((await must(core, 'judgements.undoResolving', { id: third.judgementId })).how).toBe('resolved');
    expect(await idsToNames(core)).toEqual(before);
    core.session?.close();
  }, 120_000);

  it('after importing more records, the entities already there keep their ids; new ones get new ids', async () => {
    const { core, dir } = await tempCase();
    const [header, ...rows] = readFileSync(join(SAMPLES, 'ru-customs-2k.csv'), 'utf8').trimEnd().split('\n');
    // Rows hold no line breaks in this sample: halves are whole records.
    const half = Math.floor(rows.length / 2);
    const files = [rows.slice(0, half), rows.slice(half)].map((part, i) => {
      const file = join(dir, `part-${i}.csv`);
      writeFileSync(file, [header, ...part].join('\n'));
      return file;
    });
    await must(core, 'import.run', { path: files[0], preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    // A name as written with what travels with it (one spelling may be two companies in two countries).
    const key = (m: MentionRow) => `${m.rawName} | ${m.identifier ?? ''} | ${m.country ?? ''}`;
    const before = new Map<number, string[]>();
    for (const m of await must(core, 'mentions.list', { limit: 1_000_000 }))
      if (m.entityId !== null) (before.get(m.entityId) ?? before.set(m.entityId, []).get(m.entityId)!).push(key(m));
    await must(core, 'import.run', { path: files[1], preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const after = await must(core, 'mentions.list', { limit: 1_000_000 });
    const entityOf = new Map(after.map((m) => [key(m), m.entityId]));
    let kept = 0;
    for (const [id, mentions] of before) {
      // New records may bring two entities together (the id merged away leads to the survivor) or set a spelling
      // apart; most of an entity's mentions are where its id leads.
      const now = await must(core, 'entities.get', { id });
      const there = mentions.filter((k) => entityOf.get(k) === now.id);
      expect(there.length, `entity ${id}: ${[...new Set(mentions)].join('; ')}`).toBeGreaterThan(mentions.length / 2);
      if (now.id === id) kept++;
    }
    expect(kept).toBeGreaterThan(before.size * 0.9);
    const maxBefore = Math.max(...before.keys());
    const added = [...new Set(after.map((m) => m.entityId))].filter((id) => id !== null && !before.has(id));
    expect(added.length).toBeGreaterThan(0);
    for (const id of added) expect(id).toBeGreaterThan(maxBefore);
    core.session?.close();
  }, 180_000);
});
