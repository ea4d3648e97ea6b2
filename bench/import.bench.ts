// Import at scale (issue 3): 1,000,000 ru-customs rows through the real CLI
// (worker thread, normalization, FTS, provenance, one transaction), timed
// against the sqlite3 shell's plain `.import` of the same file in the same
// run; peak RSS; the longest gap between progress reports; then search
// latency over 100 queries on the resulting case. Reports, never fails.
// `BENCH_IMPORT_ROWS=200000 npm run bench -- import` for a quicker look.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCaseReadOnly } from '../electron/core/db/connection';
import { searchAll } from '../electron/core/search/search-all';

const ROOT = resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const GEN = resolve(ROOT, '..', 'shared', 'fixtures', 'gen-customs.mjs');
const CACHE = join(ROOT, '.cache');
const DATA = join(CACHE, `ru-customs-${ROWS}-seed7.csv`);
const CLI = join(ROOT, 'bin', 'custodian.mjs');
const BUDGET = { ratio: 2.5, rssMb: 400, progressGapS: 1, searchP95Ms: 50 };

function ensureData(): void {
  if (existsSync(DATA)) return;
  mkdirSync(CACHE, { recursive: true });
  console.log(`generating ${ROWS.toLocaleString('en')} rows into ${DATA} (cached for later runs)…`);
  const r = spawnSync(
    process.execPath,
    [GEN, '--rows', String(ROWS), '--seed', '7', '--schema', 'ru-customs', '--format', 'csv', '--out', DATA],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('the generator failed');
}

function timeSqlite(dir: string): number {
  const db = join(dir, 'sqlite3.db');
  const t = performance.now();
  const r = spawnSync('sqlite3', [db, '.mode csv', `.import ${DATA} t`], { stdio: ['ignore', 'ignore', 'ignore'] });
  const s = (performance.now() - t) / 1000;
  rmSync(db, { force: true });
  if (r.error) throw new Error(`sqlite3 shell not available: ${r.error.message}`);
  return s;
}

/** Runs the CLI import under GNU time for its peak RSS; collects progress timestamps from stderr. */
interface ImportRun {
  seconds: number;
  rssMb: number;
  /** CPU seconds (user + system, all threads): the import runs in two threads, so this can exceed `seconds`. */
  cpuS: number;
  /** Seconds between consecutive progress reports while rows were being read. */
  gaps: number[];
  /** From "Saving…" (the commit, one SQLite call) to the end. */
  saveS: number;
  summary: Record<string, unknown>;
}

async function timeImport(casePath: string): Promise<ImportRun> {
  spawnSync(process.execPath, [CLI, 'new', casePath, '--title', 'bench'], { stdio: 'ignore' });
  const args = [
    '-f',
    'RSS_KB %M CPU_S %U %S',
    process.execPath,
    CLI,
    'import',
    casePath,
    DATA,
    '--preset',
    'ru-customs',
    '--json',
    '--progress',
  ];
  const t = performance.now();
  const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const stamps: number[] = [];
  let saving = 0;
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    for (const line of d.toString().split('\n')) {
      if (!line.startsWith('progress ')) continue;
      if (line.includes('Saving')) saving ||= performance.now();
      else if (!saving) stamps.push(performance.now());
    }
  });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  const seconds = (performance.now() - t) / 1000;
  if (code !== 0) throw new Error(`the import failed (${code}): ${err.slice(-500)}`);
  const rss = Number(/RSS_KB (\d+)/.exec(err)?.[1] ?? 0) / 1024;
  const cpu = /CPU_S ([\d.]+) ([\d.]+)/.exec(err);
  const cpuS = cpu ? Number(cpu[1]) + Number(cpu[2]) : 0;
  const end = performance.now();
  if (saving) stamps.push(saving);
  const gaps = stamps.slice(1).map((s, i) => (s - stamps[i]!) / 1000);
  return {
    seconds,
    rssMb: rss,
    cpuS,
    gaps,
    saveS: saving ? (end - saving) / 1000 : 0,
    summary: JSON.parse(out) as Record<string, unknown>,
  };
}

function searchLatency(casePath: string): { p50: number; p95: number; max: number; queries: number; hits: number } {
  const db = openCaseReadOnly(casePath);
  try {
    // Realistic queries: words of party names and descriptions from random records, plus the storyline names.
    const sample = db
      .prepare('SELECT shipper, consignee, description FROM records WHERE id % 9973 = 1 LIMIT 90')
      .all() as Record<string, string | null>[];
    const words = sample.flatMap((r) => {
      const pick = (t: string | null | undefined) => (t ?? '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
      return [pick(r.shipper)[0], pick(r.description)[0], pick(r.consignee).slice(0, 2).join(' ')].filter(
        Boolean,
      ) as string[];
    });
    const fixed = [
      'Poly Technologies',
      'Ulan-Ude',
      'ВЕРТОЛЕТ',
      'ПОДШИПНИКИ',
      'Улан-Удэнский авиационный',
      'ОДК',
      'AVIC',
      'лопасть',
      'радио',
      'Промтех',
    ];
    const queries = [...fixed, ...words];
    while (queries.length < 100) queries.push(...words.map((w) => w.slice(0, Math.max(3, w.length - 2))));
    queries.length = 100;
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const t = performance.now();
      hits += searchAll(db, q, 50).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, queries: times.length, hits };
  } finally {
    db.close();
  }
}

const row = (name: string, value: string, budget = '', ratio = '') =>
  console.log(`${name.padEnd(34)}${value.padStart(16)}${budget.padStart(14)}${ratio.padStart(10)}`);

async function main(): Promise<void> {
  ensureData();
  const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-'));
  try {
    const mb = statSync(DATA).size / 1024 / 1024;
    console.log(`file: ${ROWS.toLocaleString('en')} ru-customs rows, ${mb.toFixed(0)} MB`);
    const loadBefore = loadavg()[0]!;
    const sqliteS = timeSqlite(dir);
    const casePath = join(dir, 'bench.case');
    const imp = await timeImport(casePath);
    const rowsRead = Number(imp.summary.rowsRead);
    const ratio = imp.seconds / sqliteS;
    // The first gap is the job worker starting (loading its modules) before the import begins.
    const startS = imp.gaps[0] ?? 0;
    const maxGap = Math.max(0, ...imp.gaps.slice(1));
    const search = searchLatency(casePath);
    const caseMb = statSync(casePath).size / 1024 / 1024;
    console.log('');
    row('metric', 'value', 'budget', 'ratio');
    row('sqlite3 .import (s)', sqliteS.toFixed(1));
    row('custodian import (s)', imp.seconds.toFixed(1));
    row('import / sqlite3', `${ratio.toFixed(2)}×`, `≤ ${BUDGET.ratio}×`, (ratio / BUDGET.ratio).toFixed(2));
    row('custodian import CPU (s)', imp.cpuS.toFixed(1));
    row('import rows/s', Math.round(rowsRead / imp.seconds).toLocaleString('en'));
    row('sqlite3 rows/s', Math.round(ROWS / sqliteS).toLocaleString('en'));
    row('peak RSS (MB)', imp.rssMb.toFixed(0), `≤ ${BUDGET.rssMb}`, (imp.rssMb / BUDGET.rssMb).toFixed(2));
    row('job worker start (s)', startS.toFixed(2));
    row(
      'longest progress gap (s)',
      maxGap.toFixed(2),
      `≤ ${BUDGET.progressGapS}`,
      (maxGap / BUDGET.progressGapS).toFixed(2),
    );
    row('final commit, "Saving…" (s)', imp.saveS.toFixed(1));
    row('search p50 (ms)', search.p50.toFixed(1));
    row(
      'search p95 (ms)',
      search.p95.toFixed(1),
      `≤ ${BUDGET.searchP95Ms}`,
      (search.p95 / BUDGET.searchP95Ms).toFixed(2),
    );
    row('search max (ms)', search.max.toFixed(1));
    row('case file (MB)', caseMb.toFixed(0));
    // Timings on a shared machine: the 1-minute load average before and after says how busy it was.
    row('load average before / after', `${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}`);
    console.log(
      `\nimport: ${rowsRead} read, ${String(imp.summary.rowsImported)} imported, ${String(imp.summary.rowsRejected)} rejected, ${String(imp.summary.duplicates)} duplicates; ${search.queries} queries, ${search.hits} hits`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
