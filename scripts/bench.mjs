// `npm run bench`: runs every benchmark in bench/ in name order (or only those
// whose name contains an argument: `npm run bench -- import`). Each prints its
// own figures and ratios against the budget its issue names. Benchmarks
// report; they never fail the build.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

spawnSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], { stdio: 'inherit' });
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const args = file.endsWith('.ts')
    ? [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join('bench', file)]
    : [join('bench', file)];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${file} exited with ${r.status})`);
}
