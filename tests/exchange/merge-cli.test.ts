import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { custodian } from '../helpers/cli';
import { SAMPLES, tempDir } from '../helpers/temp';
import { tampered } from './helpers';

describe('custodian merge / merges / unmerge', () => {
  it('merges a colleague’s file per the contract, adds nothing the second time, undoes; refuses a hostile file', () => {
    const dir = tempDir();
    const env = { CUSTODIAN_HOME: join(dir, 'home') };
    const run = (args: string[]) => custodian([...args, '--json'], env);
    const mine = join(dir, 'mine.case');
    const theirs = join(dir, 'theirs.case');
    run(['new', mine, '--title', 'Mine']);
    run(['new', theirs, '--title', 'Theirs']);
    run(['import', mine, join(SAMPLES, 'ru-customs-1k.clean.csv'), '--preset', 'ru-customs']);
    run(['import', theirs, join(SAMPLES, 'ru-customs-1k.clean.csv'), '--preset', 'ru-customs']);
    const cn = run(['import', theirs, join(SAMPLES, 'cn-customs-1k.csv'), '--preset', 'cn-customs']).json<{
      rowsImported: number;
    }>();
    const sent = join(dir, 'sent.case');
    expect(run(['export', theirs, sent]).status).toBe(0);

    const merged = run(['merge', mine, sent]);
    expect(merged.status, merged.stderr).toBe(0);
    const r = merged.json<{ added: Record<string, number>; conflicts: unknown[]; verify: { ok: boolean } }>();
    expect(r).toMatchObject({
      added: { sources: 1, imports: 1, records: cn.rowsImported },
      conflicts: [],
      verify: { ok: true },
    });
    expect(run(['merge', mine, sent]).json()).toMatchObject({ added: {}, conflicts: [] });
    const human = custodian(['merge', mine, sent], env);
    expect(human.stdout).toMatch(/Added: nothing \(all of it was here already\)/);

    const merges = run(['merges', mine]).json<{ mergeId: number }[]>();
    expect(merges).toHaveLength(3);
    expect(run(['unmerge', mine, String(merges[2]!.mergeId)]).status).toBe(1); // later merges first
    for (const m of merges) expect(run(['unmerge', mine, String(m.mergeId)]).status).toBe(0);
    expect(run(['merges', mine]).json()).toEqual([]);

    const hostile = tampered(sent, 'hostile.case', 'CREATE VIEW v AS SELECT * FROM records');
    const refused = run(['merge', mine, hostile]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused: it has a view "v" that Custodian did not create/);
  }, 300_000);
});
