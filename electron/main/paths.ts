import { join } from 'node:path';

/**
 * Where the shell finds its files. `appRoot` is `app.getAppPath()`: the repo
 * in development (`electron .`), `resources/app.asar` in a package. The job
 * worker (out/main/job-worker.cjs) stays inside the asar: Electron ≥ 18 reads asar archives in worker
 * threads (electron/electron#33216), and from there it resolves its
 * dependencies in app.asar/node_modules; better-sqlite3's .node file is
 * unpacked by electron-builder (asarUnpack) and found through Electron's
 * asar redirect.
 */
export interface ShellPaths {
  preload: string;
  rendererIndex: string;
  workerScript: string;
  sampleDir: string;
  icon: string;
}

export function shellPaths(opts: { appRoot: string; isPackaged: boolean; resourcesPath: string }): ShellPaths {
  const { appRoot } = opts;
  return {
    preload: join(appRoot, 'out', 'preload', 'preload.cjs'),
    rendererIndex: join(appRoot, 'out', 'renderer', 'index.html'),
    // The app's own worker entry (job-worker.ts): core's worker plus the Electron build of better-sqlite3.
    workerScript: join(appRoot, 'out', 'main', 'job-worker.cjs'),
    // electron-builder's extraResources copies build/sample to resources/sample (outside the asar).
    sampleDir: opts.isPackaged ? join(opts.resourcesPath, 'sample') : join(appRoot, 'build', 'sample'),
    // Linux window icon (Windows and macOS take theirs from the executable).
    icon: opts.isPackaged ? join(opts.resourcesPath, 'icon.png') : join(appRoot, 'build', 'icon.png'),
  };
}
