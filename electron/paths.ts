import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Locations of shipped files, found from the running script: in the repo
 * the bundles live in out/node/, the renderer in out/renderer/, the sample
 * data in build/sample/. The Electron shell passes its own for a package.
 */
function repoRoot(): string {
  // Walk up from this bundle (or source file) to the folder with package.json.
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const sampleDir = (): string => process.env.CUSTODIAN_SAMPLE_DIR ?? join(repoRoot(), 'build', 'sample');
export const rendererDir = (): string => join(repoRoot(), 'out', 'renderer');
export const workerScript = (): string => resolve(repoRoot(), 'out', 'node', 'job-worker.cjs');
