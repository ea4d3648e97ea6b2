import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REPO, SAMPLES } from '../helpers/temp';

/** Each sample with the preset that reads it (fixtures README, "Samples"). */
export const SAMPLE_PRESETS: { file: string; preset: string; rows: number; total: boolean }[] = [
  { file: 'ru-customs-2k.csv', preset: 'ru-customs', rows: 2000, total: true },
  { file: 'bol-2k.csv', preset: 'bol', rows: 2000, total: true },
  { file: 'panjiva-2k.csv', preset: 'panjiva', rows: 2000, total: true },
  { file: 'cn-customs-1k.csv', preset: 'cn-customs', rows: 1000, total: true },
  { file: 'ru-customs-500.jsonl', preset: 'ru-customs', rows: 500, total: false },
  { file: 'ru-customs-1k.clean.csv', preset: 'ru-customs', rows: 1000, total: false },
  { file: 'ru-customs-300.cp1251.csv', preset: 'ru-customs', rows: 300, total: true },
  { file: 'ru-customs-300.utf8bom.csv', preset: 'ru-customs', rows: 300, total: true },
  { file: 'bol-300.utf16le.csv', preset: 'bol', rows: 300, total: true },
  { file: 'cn-customs-300.gb18030.csv', preset: 'cn-customs', rows: 300, total: true },
];

/** row → dirt kind, from a sample's labels file. */
export function dirtByRow(file: string): Map<number, string> {
  const labels = join(SAMPLES, file.replace(/\.(csv|jsonl)$/, '.labels.csv'));
  const out = new Map<number, string>();
  for (const line of readFileSync(labels, 'utf8').split('\n').slice(1)) {
    const [row, , , dirt] = line.split(',');
    if (dirt) out.set(Number(row), dirt);
  }
  return out;
}

/** Runs the fixture generator (deterministic) into `out`. */
export function generate(args: string[], out: string): void {
  const r = spawnSync(process.execPath, [join(FIXTURES, 'gen-customs.mjs'), ...args, '--out', out], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`generator failed: ${r.stderr}`);
}

export const CLI = join(REPO, 'bin', 'custodian.mjs');

export function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
