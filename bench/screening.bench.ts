// Screening bench: 50,000 entities against a 20,000-entry list (aliases in Latin, Cyrillic and Chinese) in
// ≤ 30 s and ≤ 1 GB peak RSS (issue 13). Entities are written straight into a case (resolution is benched
// elsewhere); 1 in 20 names a listed entry in another script or spelling (planted: recall is reported), the
// rest are made of the same words (what blocking and the scorer must keep apart).
// ENTITIES=50000 ENTRIES=20000 by default.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pinyin } from 'pinyin-pro';
import { createCore } from '../electron/core/create-core';
import { callToEnd } from '../electron/core/dispatch';
import { entityWriter } from '../electron/core/db/entities';
import { entityNameBatchInserter } from '../electron/core/db/entity-names';
import type { WriteDb } from '../electron/core/db/types';

const ENTITIES = Number(process.env.ENTITIES ?? 50_000);
const ENTRIES = Number(process.env.ENTRIES ?? 20_000);
const BUDGET_S = 30;
const BUDGET_MB = 1024;

// mulberry32: exact in 32-bit integers (an LCG computed in doubles loses its low bits and repeats names).
let seed = 13;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

// Syllables spelled in Latin and Cyrillic alike: proper words of 3–4 of them (~70M) rarely repeat by chance.
const CONS: [string, string][] = [
  ['b', 'б'],
  ['d', 'д'],
  ['f', 'ф'],
  ['g', 'г'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['v', 'в'],
  ['z', 'з'],
  ['sh', 'ш'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['zh', 'ж'],
];
const VOW: [string, string][] = [
  ['a', 'а'],
  ['o', 'о'],
  ['u', 'у'],
  ['i', 'и'],
  ['e', 'е'],
];
const SYL = CONS.flatMap(([cl, cc]) => VOW.map(([vl, vc]) => [cl + vl, cc + vc] as [string, string]));
const HAN =
  '华宝利中航恒泰鑫达联信德盛远科兴隆金海龙天明新东方永安光辉瑞丰汇通博鸿嘉捷诚昌凯锦荣旭晨阳峰岳川江湖山林森';
const TRADE = [
  ['Trading', 'Торговый дом'],
  ['Engineering', 'Инжиниринг'],
  ['Machine Works', 'Машиностроительный завод'],
  ['Aviation Plant', 'Авиационный завод'],
  ['Instruments', 'Приборы'],
  ['Logistics', 'Логистик'],
] as const;
const HAN_TRADE = ['科技', '贸易', '机械', '航空', '电子', '物流'];

/** A proper name: Latin and Cyrillic spellings of the same syllables. */
function properWord(): [string, string] {
  const syl = Array.from({ length: 3 + Math.floor(rand() * 2) }, () => pick(SYL));
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  return [cap(syl.map((s) => s[0]).join('')), cap(syl.map((s) => s[1]).join(''))];
}

interface Party {
  names: string[];
  /** A name of the same company written otherwise: what a customs record would carry. */
  variant: string;
}

function party(): Party {
  const r = rand();
  if (r < 0.4) {
    const [lat, cyr] = properWord();
    const [en, ru] = pick(TRADE);
    return { names: [`${lat} ${en} LLC`, `ООО «${cyr} ${ru}»`], variant: `ООО «${cyr}»` };
  }
  if (r < 0.7) {
    const han = Array.from({ length: 3 }, () => pick([...HAN])).join('') + pick(HAN_TRADE);
    const py = pinyin(han, { toneType: 'none', type: 'array' }).join('');
    return { names: [`${han}有限公司`, `${py[0]!.toUpperCase()}${py.slice(1)} Co., Ltd.`], variant: `${han}有限公司` };
  }
  const [a] = properWord();
  const [b] = properWord();
  const [en] = pick(TRADE);
  return { names: [`${a} ${b} ${en} JSC`, `${a.toUpperCase()} ${b.toUpperCase()}`], variant: `JSC "${a}-${b}"` };
}

const dir = mkdtempSync(join(tmpdir(), 'custodian-screening-bench-'));
try {
  const listPath = join(dir, 'list.json');
  const listed: Party[] = [];
  const lines: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const p = party();
    listed.push(p);
    lines.push(
      JSON.stringify({ id: `E${i}`, schema: 'Company', properties: { name: [p.names[0]], alias: p.names.slice(1) } }),
    );
    lines.push(
      JSON.stringify({ id: `S${i}`, schema: 'Sanction', properties: { entity: [`E${i}`], program: ['BENCH'] } }),
    );
  }
  writeFileSync(listPath, lines.join('\n'));
  const casePath = join(dir, 'bench.case');
  const core = createCore({ appDataDir: join(dir, 'app'), sampleDir: dir, actor: 'bench' });
  const created = await callToEnd(core, 'case.create', { path: casePath, title: 'screening bench' });
  if (!created.ok) throw new Error(created.error.message);
  core.session?.close();
  // Entities: every 20th names a listed entry as a record would (another script or form); the rest are new parties.
  const planted = new Set<number>();
  const db = new Database(casePath) as unknown as WriteDb;
  db.transaction(() => {
    const entities = entityWriter(db);
    const names = entityNameBatchInserter(db);
    for (let i = 0; i < ENTITIES; i++) {
      const isPlanted = i % 20 === 0;
      const p = isPlanted ? listed[Math.floor(rand() * listed.length)]! : party();
      const shown = isPlanted ? p.variant : p.names[0]!;
      const id = entities.insert({ name: shown, country: null, identifiers: [], mentionCount: 1 });
      if (isPlanted) planted.add(id);
      names.add(id, { name: shown, scripts: [], legalForm: null, mentions: 1 });
      if (!isPlanted) names.add(id, { name: p.names[1]!, scripts: [], legalForm: null, mentions: 1 });
    }
    names.flush();
  })();
  db.close();

  const cli = (args: string[]) => {
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%e %U %S %M', process.execPath, join('bin', 'custodian.mjs'), ...args, '--json'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    const [s, user, sys, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    return { out: r.stdout, seconds: s!, cpu: user! + sys!, mb: kb! / 1024 };
  };
  const imported = cli(['lists', 'import', casePath, listPath, '--as-of', '2025-01-01']);
  console.log(
    `list import: ${ENTRIES.toLocaleString('en')} entries in ${imported.seconds.toFixed(1)} s, peak RSS ${imported.mb.toFixed(0)} MB`,
  );
  const screened = cli(['screen', casePath]);
  const hits = JSON.parse(screened.out) as { entityId: number; entryName: string }[];
  const hitEntities = new Set(hits.map((h) => h.entityId));
  const found = [...planted].filter((id) => hitEntities.has(id)).length;
  console.log(
    `screen: ${ENTITIES.toLocaleString('en')} entities × ${ENTRIES.toLocaleString('en')} entries in ${screened.seconds.toFixed(1)} s wall, ` +
      `${screened.cpu.toFixed(1)} s CPU (budget ${BUDGET_S} s, ratio ${(screened.seconds / BUDGET_S).toFixed(2)} by wall, ` +
      `${(screened.cpu / BUDGET_S).toFixed(2)} by CPU; the machine's load shows in wall time), peak RSS ${screened.mb.toFixed(0)} MB ` +
      `(budget ${BUDGET_MB} MB, ratio ${(screened.mb / BUDGET_MB).toFixed(2)})`,
  );
  console.log(
    `  ${hits.length.toLocaleString('en')} hits on ${hitEntities.size.toLocaleString('en')} entities; planted cross-script names found: ` +
      `${found} of ${planted.size} (recall ${(found / planted.size).toFixed(3)}); hits on entities not planted: ${[...hitEntities].filter((id) => !planted.has(id)).length}`,
  );
} finally {
  if (process.env.KEEP) console.log(dir);
  else rmSync(dir, { recursive: true, force: true });
}
