// What the canvas and diagrams benches share: a generated ru-customs case (seed 7), imported and
// resolved once through the CLI and cached, a fresh copy of it for each run, and the core in this
// process to build diagrams on that copy.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MethodName } from '../shared/api';
import { createCore } from '../electron/core/create-core';
import { callToEnd, type FinalOutput } from '../electron/core/dispatch';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI = join(ROOT, 'bin', 'custodian.mjs');

/** Runs a Node script to its end (its errors show); throws when it fails. */
function run(args: string[]): void {
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`failed: ${args.join(' ')}`);
}

/** Removes a case file and its SQLite side files, so that nothing of an earlier run is left beside it. */
function removeCase(path: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
}

/**
 * Makes `resolved` unless it is there: `rows` generated ru-customs rows (seed 7; the CSV is kept at
 * `csv` and reused), imported and resolved through the CLI. Built under another name and renamed at
 * the end, so that a bench stopped half-way never leaves a half-built case to be taken as cached.
 */
export function ensureResolvedCase(o: { rows: number; csv: string; resolved: string; title: string }): void {
  if (existsSync(o.resolved)) return;
  mkdirSync(dirname(o.resolved), { recursive: true });
  if (!existsSync(o.csv)) {
    console.log(`generating ${o.rows.toLocaleString('en')} rows into ${o.csv}…`);
    const gen = join(ROOT, '..', 'shared', 'fixtures', 'gen-customs.mjs');
    run([gen, '--rows', String(o.rows), '--seed', '7', '--schema', 'ru-customs', '--format', 'csv', '--out', o.csv]);
  }
  const building = `${o.resolved}.building`;
  removeCase(building);
  const t = performance.now();
  run([CLI, 'new', building, '--title', o.title]);
  run([CLI, 'import', building, o.csv, '--preset', 'ru-customs']);
  run([CLI, 'resolve', building]);
  renameSync(building, o.resolved);
  const seconds = ((performance.now() - t) / 1000).toFixed(0);
  console.log(`(imported and resolved once in ${seconds} s; cached in ${dirname(o.resolved)})`);
}

/** Replaces `copy` with a fresh copy of the cached case, for a run to change. */
export function freshCopy(cached: string, copy: string): void {
  removeCase(copy);
  copyFileSync(cached, copy);
}

/**
 * The core in this process with `casePath` open (its app folder in `dir`), and `must`, which calls a
 * method to its end and throws the method's error.
 */
export async function openCore(dir: string, casePath: string) {
  const core = createCore({ appDataDir: join(dir, 'app'), sampleDir: join(ROOT, 'build', 'sample'), actor: 'bench' });
  async function must<M extends MethodName>(m: M, input: unknown): Promise<FinalOutput<M>> {
    const r = await callToEnd(core, m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value;
  }
  await must('case.open', { path: casePath });
  return { core, must };
}
