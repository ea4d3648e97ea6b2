import { join } from 'node:path';

/**
 * Which better_sqlite3.node the app loads. node_modules/better-sqlite3 is
 * built for Node (tests, CLI); in development the app uses the copy built
 * for Electron by `npm start` (scripts/start-electron.mjs) under
 * .cache/electron-native/<electron version>/, named by CUSTODIAN_ELECTRON_SQLITE
 * or found there when Electron is started some other way (`electron .`).
 * In a package electron-builder has rebuilt node_modules for Electron, so
 * the default binding is right and nothing is passed.
 */
export interface NativeBindingChoice {
  /** The .node to pass to setNativeBinding, or undefined for better-sqlite3's own. */
  path: string | undefined;
  /** Set when development has no Electron build: the app cannot open cases. */
  problem?: string;
}

export function chooseNativeBinding(opts: {
  env: NodeJS.ProcessEnv;
  isPackaged: boolean;
  appRoot: string;
  electronVersion: string;
  exists(path: string): boolean;
}): NativeBindingChoice {
  const fromEnv = opts.env.CUSTODIAN_ELECTRON_SQLITE;
  if (fromEnv && opts.exists(fromEnv)) return { path: fromEnv };
  if (opts.isPackaged) return { path: undefined };
  const cached = join(opts.appRoot, '.cache', 'electron-native', opts.electronVersion, 'better_sqlite3.node');
  if (opts.exists(cached)) return { path: cached };
  return {
    path: undefined,
    problem:
      `There is no build of better-sqlite3 for Electron ${opts.electronVersion} (looked for ${fromEnv ?? cached}). ` +
      'Start the app with `npm start`, which builds it once.',
  };
}
