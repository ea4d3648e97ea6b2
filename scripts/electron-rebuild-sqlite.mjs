// @ts-check
// Builds better-sqlite3 for Electron WITHOUT touching node_modules/better-sqlite3
// (which stays built for Node, for tests and the CLI). Used by
// scripts/start-electron.mjs; can also be run alone: node scripts/electron-rebuild-sqlite.mjs
//
// How: copy the package's sources to .cache/electron-native/build-<version>/node_modules/,
// let @electron/rebuild build that copy (it first tries a prebuilt binary via
// prebuild-install, found by walking up to the repo's node_modules, then
// compiles with node-gyp against Electron's headers), and keep only the .node.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { betterSqliteVersion, electronVersion, nativeCacheDir, nativeCachePath } from './electron-native.mjs';

/**
 * @param {{ repoRoot: string, version?: string, log?: (line: string) => void }} opts
 * @returns {Promise<string>} the path of the Electron build of better_sqlite3.node
 */
export async function rebuildSqliteForElectron({ repoRoot, version = electronVersion(repoRoot), log = console.log }) {
  const sqliteVersion = betterSqliteVersion(repoRoot);
  const work = join(repoRoot, '.cache', 'electron-native', `build-${version}`);
  const copy = join(work, 'node_modules', 'better-sqlite3');
  log(`[native] Building better-sqlite3 ${sqliteVersion} for Electron ${version} in ${work}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  // The sources only: a leftover Node build in build/ must not be mistaken for the Electron one.
  const nodeBuild = join(repoRoot, 'node_modules', 'better-sqlite3', 'build');
  cpSync(join(repoRoot, 'node_modules', 'better-sqlite3'), copy, {
    recursive: true,
    dereference: true, // a symlinked package must be copied, never built in place
    filter: (src) => src !== nodeBuild && !src.startsWith(nodeBuild + sep),
  });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify(
      { name: 'custodian-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } },
      null,
      2,
    ),
  );

  /** @type {{ rebuild: (o: object) => Promise<void> }} */
  let electronRebuild;
  try {
    electronRebuild = await import('@electron/rebuild');
  } catch (e) {
    throw new Error(`@electron/rebuild is not installed (it is a devDependency; run npm install): ${String(e)}`);
  }
  try {
    await electronRebuild.rebuild({
      buildPath: work,
      electronVersion: version,
      force: true,
      onlyModules: ['better-sqlite3'],
    });
  } catch (e) {
    throw new Error(
      `Could not build better-sqlite3 for Electron ${version}. This needs either a prebuilt binary ` +
        `(downloaded from github.com) or Electron's headers (from electronjs.org/headers) plus a C++ toolchain ` +
        `(python3, make, g++ / Xcode / Visual Studio Build Tools). Cause: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`The rebuild finished but ${built} is not there.`);

  mkdirSync(nativeCacheDir(repoRoot, version), { recursive: true });
  const target = nativeCachePath(repoRoot, version);
  copyFileSync(built, target);
  writeFileSync(
    join(nativeCacheDir(repoRoot, version), 'build-info.json'),
    JSON.stringify(
      {
        electron: version,
        betterSqlite3: sqliteVersion,
        platform: process.platform,
        arch: process.arch,
        builtAt: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
  rmSync(work, { recursive: true, force: true });
  log(`[native] Wrote ${target}`);
  return target;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  rebuildSqliteForElectron({ repoRoot, version: process.argv[2] }).catch((e) => {
    console.error(`[native] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
