import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir } from '../helpers/temp';
import { matchNames } from '../../electron/core/entities/pairs/match-names';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(REPO, 'bin', 'custodian.mjs'), ...args], { encoding: 'utf8' });

describe('match-names', () => {
  it('meets scripts, spellings and legal forms, and keeps decoys apart', () => {
    const pairs = [
      ['АО «Улан-Удэнский авиационный завод»', 'AO ULAN-UDENSKIY AVIATSIONNYY ZAVOD', true],
      ['JSC ULAN-UDE AVIATION PLANT', 'Ulan-Udenskij aviacionnyj zavod', true],
      ['U-UAZ', 'Ulan Udensky aviatsionny zavod', true],
      ['保利科技有限公司', 'BAOLI KEJI YOUXIAN GONGSI', true],
      ['保利科技有限公司', 'Poly Technologies Inc.', true],
      ['ООО «Ромашка»', 'Romashka LLC', true],
      ['Ulan-Ude Locomotive Repair Plant', 'JSC Ulan-Ude Aviation Plant', false],
      ['PJSC UEC-Saturn', 'JSC United Engine Corporation', false],
      ['Poly Technology Development Co., Ltd.', 'Poly Technologies Inc.', false],
      ['Евроресурс-2000', 'Евроресурс-2', false],
    ] as const;
    const out = matchNames(pairs.map(([name1, name2]) => ({ name1, name2 })));
    pairs.forEach(([a, b, same], i) => expect({ a, b, match: out[i]!.match }).toEqual({ a, b, match: same }));
    for (const o of out) {
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(1);
    }
  });

  it('CLI: keeps rows in order, passes other columns through, and handles bad input without crashing', () => {
    const dir = tempDir();
    const good = join(dir, 'pairs.csv');
    writeFileSync(
      good,
      'id,name1,name2,label\n1,ООО Ромашка,Romashka LLC,1\n2,,Romashka,0\n3,Alpha Trading,Omega Systems,0\n',
    );
    const r = cli('match-names', good, '--json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; label: string; score: number; match: boolean }[];
    expect(rows.map((x) => x.id)).toEqual(['1', '2', '3']);
    expect(rows[0]).toMatchObject({ label: '1', match: true });
    expect(rows[1]).toMatchObject({ score: 0, match: false });
    expect(rows[2]!.match).toBe(false);

    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const e = cli('match-names', empty, '--json');
    expect(e.status).toBe(0);
    expect(JSON.parse(e.stdout)).toEqual([]);

    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, 'a,b\nx,y\n');
    const w = cli('match-names', wrong, '--json');
    expect(w.status).toBe(1);
    expect(w.stderr).toMatch(/name1/);
  }, 120_000);
});
