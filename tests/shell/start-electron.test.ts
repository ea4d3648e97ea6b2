import { spawnSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildInputs,
  buildIsStale,
  betterSqliteLoadsInNode,
  buildOutputs,
  electronBinaryPath,
  nativeCacheDir,
  nativeCacheIsFresh,
  nativeCachePath,
} from '../../scripts/electron-native.mjs';
import { REPO, tempDir } from '../helpers/temp';

const write = (path: string, text = '') => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

/** A repository with the packages' metadata only, as `npm install` with ELECTRON_SKIP_BINARY_DOWNLOAD=1 leaves it. */
function fakeRepo(opts: { binary?: boolean; cache?: boolean; built?: boolean } = {}) {
  const root = tempDir();
  write(join(root, 'node_modules/electron/package.json'), JSON.stringify({ version: '40.10.2' }));
  write(join(root, 'node_modules/better-sqlite3/package.json'), JSON.stringify({ version: '12.11.1' }));
  if (opts.binary) {
    write(join(root, 'node_modules/electron/path.txt'), 'electron');
    write(join(root, 'node_modules/electron/dist/version'), '40.10.2');
    write(join(root, 'node_modules/electron/dist/electron'), '#!/bin/sh\nexit 0\n');
  }
  if (opts.cache) {
    write(nativeCachePath(root, '40.10.2'), 'not really a .node');
    write(
      join(nativeCacheDir(root, '40.10.2'), 'build-info.json'),
      JSON.stringify({ electron: '40.10.2', betterSqlite3: '12.11.1' }),
    );
  }
  if (opts.built) for (const out of buildOutputs(root)) write(out);
  return root;
}

function start(root: string, ...args: string[]) {
  const env = { ...process.env, CUSTODIAN_REPO_ROOT: root, CUSTODIAN_START_DRY_RUN: '1' };
  return spawnSync(process.execPath, [join(REPO, 'scripts/start-electron.mjs'), ...args], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm start helpers', () => {
  it('keeps the Electron build of better-sqlite3 per Electron version, and rebuilds when better-sqlite3 changes', () => {
    const root = fakeRepo();
    expect(nativeCachePath(root, '40.10.2')).toBe(join(root, '.cache/electron-native/40.10.2/better_sqlite3.node'));
    expect(nativeCacheIsFresh(root, '40.10.2', '12.11.1')).toBe(false);
    write(nativeCachePath(root, '40.10.2'), 'x');
    expect(nativeCacheIsFresh(root, '40.10.2', '12.11.1')).toBe(false); // no build-info: unknown origin
    write(
      join(nativeCacheDir(root, '40.10.2'), 'build-info.json'),
      JSON.stringify({ electron: '40.10.2', betterSqlite3: '12.11.1' }),
    );
    expect(nativeCacheIsFresh(root, '40.10.2', '12.11.1')).toBe(true);
    expect(nativeCacheIsFresh(root, '40.10.2', '12.12.0')).toBe(false);
    expect(nativeCacheIsFresh(root, '41.0.0', '12.11.1')).toBe(false);
  });

  it('finds the Electron binary only when install.js put the right version there', () => {
    expect(electronBinaryPath(fakeRepo())).toBeNull();
    const root = fakeRepo({ binary: true });
    expect(electronBinaryPath(root)).toBe(join(root, 'node_modules/electron/dist/electron'));
    write(join(root, 'node_modules/electron/dist/version'), '39.0.0');
    expect(electronBinaryPath(root)).toBeNull();
  });

  it('rebuilds out/ when an output is missing or a source is newer', () => {
    const root = fakeRepo();
    const outputs = buildOutputs(root);
    expect(buildIsStale(outputs, buildInputs(root))).toMatch(/out\/main\/main\.cjs is missing/);
    for (const o of outputs) write(o);
    const source = join(root, 'electron/main/main.ts');
    write(source);
    const past = new Date(Date.now() - 60_000);
    utimesSync(source, past, past);
    expect(buildIsStale(outputs, buildInputs(root))).toBeNull();
    const future = new Date(Date.now() + 60_000);
    utimesSync(source, future, future);
    expect(buildIsStale(outputs, buildInputs(root))).toBe('sources changed since the last build');
  });
});

describe('npm run dist', () => {
  it('can tell whether better-sqlite3 still loads in Node after electron-builder rebuilt it', () => {
    expect(betterSqliteLoadsInNode(REPO)).toBe(true);
    const root = fakeRepo();
    write(
      join(root, 'node_modules/better-sqlite3/index.js'),
      "throw new Error('was compiled against a different Node.js version')",
    );
    expect(betterSqliteLoadsInNode(root)).toBe(false);
  });
});

describe('npm start (dry run on a fake checkout)', () => {
  it('says clearly when the Electron binary cannot be had, and what still works', () => {
    const r = start(fakeRepo());
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('The Electron binary is not installed');
    expect(r.stderr).toContain('Could not download the Electron binary');
    expect(r.stderr).toContain('npm test');
  });

  it('starts Electron on the sample case with the cached Electron build of better-sqlite3', () => {
    const root = fakeRepo({ binary: true, cache: true, built: true });
    const r = start(root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('out/ is up to date.');
    expect(r.stdout).toContain(
      `Dry run: would start ${join(root, 'node_modules/electron/dist/electron')} ${root} --sample`,
    );
    expect(r.stdout).toContain(`CUSTODIAN_ELECTRON_SQLITE=${nativeCachePath(root, '40.10.2')}`);
  });

  it('opens a named case instead of the sample', () => {
    const r = start(fakeRepo({ binary: true, cache: true, built: true }), 'evidence/poly.case');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('--sample');
    expect(r.stdout).toMatch(/would start .* evidence\/poly\.case/);
  });
});
