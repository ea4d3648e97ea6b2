#!/usr/bin/env node
// The `custodian` command. Runs the bundled CLI, rebuilding the bundle first
// when a source file is newer (a development checkout), so that it never
// runs stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'node', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale = () =>
  !existsSync(bundle) ||
  Math.max(newestSource(join(root, 'electron')), newestSource(join(root, 'shared'))) > statSync(bundle).mtimeMs;

if (existsSync(join(root, 'node_modules', 'esbuild')) && stale()) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
createRequire(import.meta.url)(bundle);
