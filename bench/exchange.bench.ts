// Exchange bench (issue 15): sealing and verifying a case, each against `sha256sum` over the same
// file (budget: at most 2×), with the peak memory of each (it must stay flat: rows and blobs are
// read one at a time; anonymous memory is reported apart from RSS, which counts the pages of the file
// that verify maps). The case is generated records plus stored files (random bytes, as documents
// are incompressible) up to SIZE_MB, built once into .cache/exchange-bench/. The figure is
// 1 GB (`SIZE_MB=1024`); the default is 300 MB, as a shared machine should not write gigabytes for a
// look. `ROWS` sets the records (default 100,000). Seal and verify each run in a child process, so
// that each one's peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../electron/core/create-core';
import { callToEnd } from '../electron/core/dispatch';
import { openExportCopy } from '../electron/core/db/connection';
import { ownSigningKey } from '../electron/core/exchange/identity';
import { sealCopy } from '../electron/core/exchange/seal';
import { verifyFile } from '../electron/core/exchange/verify';
import type { JobControl } from '../electron/core/jobs/protocol';

const ROOT = resolve(import.meta.dirname, '..');
const SIZE_MB = Number(process.env.SIZE_MB ?? 300);
const ROWS = Number(process.env.ROWS ?? 100_000);
const DIR = join(ROOT, '.cache', 'exchange-bench');
const BUILT = join(DIR, `case-${ROWS}-${SIZE_MB}mb.case`);
const WORK = join(DIR, 'sealed.case');
const APP = join(DIR, 'app');
const BLOB_BYTES = 4 << 20;

interface Measured {
  wallMs: number;
  cpuMs: number;
  /**
   * Peak anonymous memory (the process's own: heap, buffers, SQLite's cache), sampled as the step
   * reports progress. RSS also counts the file's pages that verify maps (the OS page cache's, shared
   * and given back under pressure), so it grows with the file by design; this must not.
   */
  anonBeforeMb: number;
  anonPeakMb: number;
  /** Peak RSS before the step (code loaded) and at its end: the difference is what the step itself held. */
  rssBeforeMb: number;
  maxRssMb: number;
}

/** Runs one step in a child process (this file with STEP set) and reads its timing and peak memory. */
function child(step: 'seal' | 'verify'): Measured {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, join(ROOT, 'bench', 'exchange.bench.ts')], {
    env: { ...process.env, STEP: step },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${step} failed`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measured;
}

/** The process's anonymous resident memory now, in MB (Linux: RssAnon of /proc/self/status). */
function anonMb(): number {
  const m = /RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

let anonPeak = 0;
/** A job control that samples memory at every progress report of the step. */
const sampling: JobControl = {
  progress: () => {
    anonPeak = Math.max(anonPeak, anonMb());
  },
  signal: new AbortController().signal,
};

function timed(work: () => void): Measured {
  const rssBeforeMb = process.resourceUsage().maxRSS / 1024;
  const anonBeforeMb = anonMb();
  anonPeak = anonBeforeMb;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  work();
  const c = process.cpuUsage(c0);
  return {
    wallMs: performance.now() - t0,
    cpuMs: (c.user + c.system) / 1000,
    rssBeforeMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    anonBeforeMb,
    anonPeakMb: Math.max(anonPeak, anonMb()),
  };
}

async function build(): Promise<void> {
  if (existsSync(BUILT)) return;
  mkdirSync(DIR, { recursive: true });
  const csv = join(DIR, `ru-customs-${ROWS}.csv`);
  if (!existsSync(csv)) {
    const gen = join(ROOT, '..', 'shared', 'fixtures', 'gen-customs.mjs');
    const args = [gen, '--rows', String(ROWS), '--seed', '15', '--schema', 'ru-customs', '--format', 'csv'];
    const g = spawnSync(process.execPath, [...args, '--out', csv], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (g.status !== 0) throw new Error('generating the records failed');
  }
  const building = `${BUILT}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(building + s, { force: true });
  const core = createCore({ appDataDir: APP, sampleDir: ROOT, actor: 'bench' });
  for (const [m, input] of [
    ['case.create', { path: building, title: 'exchange bench' }],
    ['import.run', { path: csv, preset: 'ru-customs' }],
  ] as const) {
    const r = await callToEnd(core, m, input);
    if (!r.ok) throw new Error(r.error.message);
  }
  core.session?.close();
  // Stored files up to the size asked for: random bytes, stored as documents' bytes are (by SHA-256).
  const db = new Database(building);
  const insert = db.prepare('INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)');
  while (
    statSync(building).size + (existsSync(`${building}-wal`) ? statSync(`${building}-wal`).size : 0) <
    SIZE_MB << 20
  ) {
    db.transaction(() => {
      for (let i = 0; i < 8; i++) {
        const data = randomBytes(BLOB_BYTES);
        insert.run(createHash('sha256').update(data).digest('hex'), data.length, data);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  db.close();
  renameSync(building, BUILT);
}

/** sha256sum over the file: its wall time and CPU time (user + system, as bash's `time` reports them). */
function sha256sum(file: string): { wallMs: number; cpuMs: number } {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT=%U:%S; time sha256sum "$0" >/dev/null', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sha256sum failed: ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split('\n').pop()!.split(':').map(Number);
  return { wallMs: performance.now() - t0, cpuMs: (user! + sys!) * 1000 };
}

const best = (runs: { wallMs: number; cpuMs: number }[]) => ({
  wallMs: Math.min(...runs.map((r) => r.wallMs)),
  cpuMs: Math.min(...runs.map((r) => r.cpuMs)),
});

async function main(): Promise<void> {
  if (process.env.STEP === 'seal') {
    const db = openExportCopy(WORK);
    const m = timed(() => sealCopy(db, ownSigningKey(APP), 'bench', sampling));
    db.close();
    console.log(JSON.stringify(m));
    return;
  }
  if (process.env.STEP === 'verify') {
    let ok = false;
    const m = timed(() => (ok = verifyFile(WORK, APP, sampling).ok));
    if (!ok) throw new Error('the sealed bench case did not verify');
    console.log(JSON.stringify(m));
    return;
  }
  await build();
  // Sealed as an export seals its copy: on a compact copy of the case (VACUUM INTO, not timed here).
  rmSync(WORK, { force: true });
  const src = new Database(BUILT, { readonly: true });
  src.prepare('VACUUM INTO ?').run(WORK);
  src.close();
  // On disk before timing: else the seal's first commit (synchronous=FULL) pays for flushing the whole
  // copy VACUUM INTO just wrote, which is the copy's cost, not the seal's.
  const fd = openSync(WORK, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const mb = statSync(WORK).size / 2 ** 20;
  sha256sum(WORK); // once to warm the page cache, as seal and verify then read a warm file too
  const hashRuns = [sha256sum(WORK), sha256sum(WORK)];
  const seal = child('seal');
  const verify = child('verify');
  const hash = best([...hashRuns, sha256sum(WORK)]);
  console.log(
    `exchange: ${mb.toFixed(0)} MB case (${ROWS.toLocaleString('en')} records + stored files), load average ${loadavg()[0]!.toFixed(1)}; budget 2× sha256sum`,
  );
  console.log(`  sha256sum: ${hash.wallMs.toFixed(0)} ms wall / ${hash.cpuMs.toFixed(0)} ms CPU (best of 3)`);
  for (const [name, m] of [
    ['seal', seal],
    ['verify', verify],
  ] as const) {
    console.log(
      `  ${name}: ${m.wallMs.toFixed(0)} ms wall / ${m.cpuMs.toFixed(0)} ms CPU; ratio ${(m.wallMs / hash.wallMs).toFixed(2)}× by wall, ${(m.cpuMs / hash.cpuMs).toFixed(2)}× by CPU; peak RSS ${m.rssBeforeMb.toFixed(0)} → ${m.maxRssMb.toFixed(0)} MB, anonymous ${m.anonBeforeMb.toFixed(0)} → ${m.anonPeakMb.toFixed(0)} MB for a ${mb.toFixed(0)} MB file`,
    );
  }
}

await main();
