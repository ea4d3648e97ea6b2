// @ts-check
// `npm start`: opens Custodian in Electron on the sample case, from any state
// of the checkout, with no manual step:
//   1. the Electron binary: downloaded now if `npm install` skipped it
//      (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on the test machines);
//   2. better-sqlite3 for Electron: built once into .cache/electron-native/<version>/
//      (node_modules/better-sqlite3 stays built for Node, so `npm test` keeps working);
//   3. out/: rebuilt with `npm run build` when missing or older than the sources;
//   4. Electron started on the repo with CUSTODIAN_ELECTRON_SQLITE pointing at step 2.
// Arguments after `npm start --` go to the app (e.g. a .case path, which wins over the sample).
// CUSTODIAN_START_DRY_RUN=1 stops before step 4 (used by tests/shell).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  betterSqliteVersion,
  buildInputs,
  buildIsStale,
  buildOutputs,
  electronBinaryPath,
  electronVersion,
  nativeCacheIsFresh,
  nativeCachePath,
} from './electron-native.mjs';
import { rebuildSqliteForElectron } from './electron-rebuild-sqlite.mjs';

const repoRoot = process.env.CUSTODIAN_REPO_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
/** @param {string} line */
const step = (line) => console.log(`[start] ${line}`);
/** @param {string} line */
const fail = (line) => {
  console.error(`[start] ${line}`);
  process.exit(1);
};

function ensureElectronBinary() {
  const existing = electronBinaryPath(repoRoot);
  if (existing) {
    step(`Electron binary: ${existing}`);
    return existing;
  }
  step(
    'The Electron binary is not installed (npm install skipped it). Downloading it with node_modules/electron/install.js …',
  );
  // install.js exits at once, doing nothing, while this variable is set.
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.npm_config_electron_skip_binary_download;
  const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'electron', 'install.js')], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  const binary = electronBinaryPath(repoRoot);
  if (r.status !== 0 || !binary) {
    fail(
      'Could not download the Electron binary. It comes from github.com (or $ELECTRON_MIRROR); ' +
        'this machine may have no internet access. Everything except the desktop window works without it: ' +
        '`npm test`, `npx custodian …`, and `npm run web` (the app in a browser).',
    );
  }
  step(`Electron binary: ${binary}`);
  return /** @type {string} */ (binary);
}

async function ensureNativeSqlite(/** @type {string} */ version, /** @type {string} */ binary) {
  const cached = nativeCachePath(repoRoot, version);
  if (nativeCacheIsFresh(repoRoot, version, betterSqliteVersion(repoRoot))) {
    step(`better-sqlite3 for Electron ${version}: ${cached}`);
    return cached;
  }
  step(`better-sqlite3 has no build for Electron ${version} yet; building one (once, a minute or two) …`);
  let built;
  try {
    built = await rebuildSqliteForElectron({ repoRoot, version, log: step });
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  // Load it once in Electron-as-Node: a wrong ABI fails here with a clear message rather than in the app.
  const probe = spawnSync(
    binary,
    [
      '-e',
      `const D=require('better-sqlite3');new D(':memory:',{nativeBinding:${JSON.stringify(built)}}).prepare('select 1').get()`,
    ],
    { cwd: repoRoot, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' },
  );
  if (probe.status !== 0)
    fail(`The Electron build of better-sqlite3 does not load in Electron ${version}: ${probe.stderr || probe.error}`);
  step('better-sqlite3 loads in Electron.');
  return built;
}

function ensureBuilt() {
  const why = buildIsStale(buildOutputs(repoRoot), buildInputs(repoRoot));
  if (!why) {
    step('out/ is up to date.');
    return;
  }
  step(`Building (${why}): npm run build …`);
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) fail('`npm run build` failed; see above.');
}

async function main() {
  const version = electronVersion(repoRoot);
  step(`Electron ${version}, repository ${repoRoot}`);
  const binary = ensureElectronBinary();
  const sqlite = await ensureNativeSqlite(version, binary);
  ensureBuilt();
  const userArgs = process.argv.slice(2);
  // A .case path given by the person wins; otherwise open the sample case, so a newcomer sees data at once.
  const args = [
    repoRoot,
    ...(userArgs.some((a) => a.toLowerCase().endsWith('.case')) ? [] : ['--sample']),
    ...userArgs,
  ];
  if (process.env.CUSTODIAN_START_DRY_RUN) {
    step(`Dry run: would start ${binary} ${args.join(' ')} with CUSTODIAN_ELECTRON_SQLITE=${sqlite}`);
    return;
  }
  step(`Starting ${binary} ${args.join(' ')}`);
  const env = { ...process.env, CUSTODIAN_ELECTRON_SQLITE: sqlite };
  delete env.ELECTRON_RUN_AS_NODE; // inherited from some shells; it would make Electron act as plain Node
  const child = spawn(binary, args, { cwd: repoRoot, env, stdio: 'inherit' });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (code && process.platform === 'linux') {
      step(
        'Electron exited with an error. On Linux, a sandbox error usually means node_modules/electron/dist/chrome-sandbox needs `sudo chown root:root` and `sudo chmod 4755`.',
      );
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
