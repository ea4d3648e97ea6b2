// @ts-check
// `npm run dist`: build, package with electron-builder (see electron-builder.yml;
// needs internet), then make sure node_modules/better-sqlite3 is the Node build
// again. electron-builder's npmRebuild rebuilds it for Electron in place, which
// would leave `npm test` and the CLI unable to load it.
// Arguments go to electron-builder: npm run dist -- --linux AppImage
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { betterSqliteLoadsInNode } from './electron-native.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', shell: cmd === npm && process.platform === 'win32' })
    .status ?? 1;
/** @param {string} line */
const say = (line) => console.log(`[dist] ${line}`);

function restoreNodeBuild() {
  if (betterSqliteLoadsInNode(repoRoot)) return true;
  say('electron-builder left better-sqlite3 built for Electron; rebuilding it for Node (npm rebuild better-sqlite3) …');
  run(npm, ['rebuild', 'better-sqlite3']);
  if (betterSqliteLoadsInNode(repoRoot)) return true;
  console.error(
    '[dist] better-sqlite3 still does not load in Node; run `npm rebuild better-sqlite3` before `npm test`.',
  );
  return false;
}

say('npm run build …');
if (run(npm, ['run', 'build']) !== 0) process.exit(1);
let status = 1;
try {
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  say(`electron-builder ${process.argv.slice(2).join(' ')}`);
  status = run(process.execPath, [cli, ...process.argv.slice(2)]);
} finally {
  if (!restoreNodeBuild()) status = status || 1;
}
process.exit(status);
