// Bundles the Node side (CLI, job worker, Electron main and preload) with esbuild.
// Runs at `npm install` (prepare) and before tests; takes well under a second.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Runtime dependencies stay in node_modules (native better-sqlite3, jsdom's dynamic requires).
  packages: 'external',
};

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'electron/cli/bin.ts', 'job-worker': 'electron/core/worker-main.ts' },
    outdir: 'out/node',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    entryPoints: { main: 'electron/main/main.ts', 'job-worker': 'electron/main/job-worker.ts' },
    outdir: 'out/main',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
  // The preload runs sandboxed: one self-contained file, nothing but `electron` external.
  build({
    ...common,
    packages: undefined,
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'out/preload',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
