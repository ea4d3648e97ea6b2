// @ts-check
// Pure-ish helpers for `npm start` (scripts/start-electron.mjs): where the
// Electron binary and our Electron build of better-sqlite3 live, and whether
// out/ must be rebuilt. Kept apart from the script so tests can call them
// under plain Node (tests/shell/start-electron.test.ts).
//
// Why a separate build of better-sqlite3: node_modules/better-sqlite3 stays
// built for Node (tests, CLI, `custodian serve`); the app loads a copy built
// for Electron's ABI from .cache/electron-native/<electron version>/, passed
// to better-sqlite3's `nativeBinding` option via CUSTODIAN_ELECTRON_SQLITE.
// So `npm test` and `npm start` work in one checkout, in either order.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} repoRoot */
export function electronVersion(repoRoot) {
  return /** @type {{version: string}} */ (
    JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8'))
  ).version;
}

/** @param {string} repoRoot */
export function betterSqliteVersion(repoRoot) {
  return /** @type {{version: string}} */ (
    JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'))
  ).version;
}

/** @param {string} repoRoot @param {string} version */
export function nativeCacheDir(repoRoot, version) {
  return join(repoRoot, '.cache', 'electron-native', version);
}

/** The better_sqlite3.node built for Electron `version`. @param {string} repoRoot @param {string} version */
export function nativeCachePath(repoRoot, version) {
  return join(nativeCacheDir(repoRoot, version), 'better_sqlite3.node');
}

/**
 * Whether the cached build is usable: present, and made from the
 * better-sqlite3 version now installed (an upgrade must rebuild it).
 * @param {string} repoRoot @param {string} version @param {string} sqliteVersion
 */
export function nativeCacheIsFresh(repoRoot, version, sqliteVersion) {
  if (!existsSync(nativeCachePath(repoRoot, version))) return false;
  try {
    const info = JSON.parse(readFileSync(join(nativeCacheDir(repoRoot, version), 'build-info.json'), 'utf8'));
    return info.betterSqlite3 === sqliteVersion && info.electron === version;
  } catch {
    return false;
  }
}

/**
 * The Electron executable as electron's own install.js records it
 * (node_modules/electron/path.txt names it inside dist/), or null when the
 * binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or is stale.
 * @param {string} repoRoot
 */
export function electronBinaryPath(repoRoot) {
  const pkg = join(repoRoot, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
    const installed = readFileSync(join(pkg, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    if (installed !== electronVersion(repoRoot)) return null;
    const binary = join(pkg, 'dist', relative);
    return relative && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** What `npm run build` produces and the app needs. @param {string} repoRoot */
export function buildOutputs(repoRoot) {
  return ['out/main/main.cjs', 'out/main/job-worker.cjs', 'out/preload/preload.cjs', 'out/renderer/index.html'].map(
    (p) => join(repoRoot, p),
  );
}

/** What the build reads: a change here makes out/ stale. @param {string} repoRoot */
export function buildInputs(repoRoot) {
  return ['electron', 'shared', 'renderer', 'scripts/build-node.mjs', 'package.json'].map((p) => join(repoRoot, p));
}

/**
 * Newest modification time (ms) among files under `paths`, skipping
 * tests and dependency folders; 0 when there are none.
 * @param {string[]} paths
 */
export function newestMtime(paths) {
  let newest = 0;
  /** @param {string} p */
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === 'node_modules' || name.startsWith('.') || /\.test\.tsx?$/.test(name)) continue;
        visit(join(p, name));
      }
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(visit);
  return newest;
}

/**
 * Why out/ must be (re)built, or null when it is up to date: an output is
 * missing, or a source is newer than the oldest output.
 * @param {string[]} outputs @param {string[]} inputs
 * @returns {string | null}
 */
export function buildIsStale(outputs, inputs) {
  let oldest = Infinity;
  for (const out of outputs) {
    if (!existsSync(out)) return `${out} is missing`;
    oldest = Math.min(oldest, statSync(out).mtimeMs);
  }
  const newest = newestMtime(inputs);
  return newest > oldest ? 'sources changed since the last build' : null;
}

/**
 * Whether node_modules/better-sqlite3 still loads in plain Node (tests, CLI).
 * electron-builder's npmRebuild rebuilds it for Electron in place, so
 * `npm run dist` checks this afterwards and puts the Node build back.
 * @param {string} repoRoot
 */
export function betterSqliteLoadsInNode(repoRoot) {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
  return spawnSync(process.execPath, ['-e', probe], { cwd: repoRoot, stdio: 'ignore' }).status === 0;
}
