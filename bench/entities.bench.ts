import type { MethodName } from '../shared/api';
// Entities bench: resolution quality on held-out generated data (seed "heldout", never tuned on),
// name-pair F1 of match-names on pairs built from that data's labels, and resolve speed.
// ROWS=20000 by default; ROWS=1000000 for the 1M budget (slow: imports via the core first).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/create-core';
import { callToEnd, type FinalOutput } from '../electron/core/dispatch';
import { matchNames } from '../electron/core/entities/pairs/match-names';
import { pairwiseQuality, readLabels, storylineCheck } from '../tests/entities/evaluate';

const ROWS = Number(process.env.ROWS ?? 20_000);
const SEED = process.env.SEED ?? 'heldout';
// Big runs keep the generated file and the imported case under ./.cache (git-ignored) and copy the case per run.
const CACHE = join(process.cwd(), '.cache', 'entities-bench');
const cached = ROWS >= 200_000;
const dir = cached ? CACHE : mkdtempSync(join(tmpdir(), 'custodian-entities-bench-'));
mkdirSync(dir, { recursive: true });
async function must<M extends MethodName>(
  core: ReturnType<typeof createCore>,
  m: M,
  input: unknown,
): Promise<FinalOutput<M>> {
  const r = await callToEnd(core, m, input);
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  return r.value;
}
try {
  const base = `ru-${ROWS}-${SEED}`;
  const csv = join(dir, `${base}.csv`);
  const labelsPath = join(dir, `${base}.labels.csv`);
  const imported = join(dir, `${base}.imported.case`);
  const casePath = join(dir, `${base}.run.case`);
  // The built job worker, as the CLI and the app use it: big cases resolve with a second thread.
  const core = createCore({
    appDataDir: join(dir, 'app'),
    sampleDir: dir,
    actor: 'bench',
    workerScript: join(process.cwd(), 'out', 'node', 'job-worker.cjs'),
  });
  if (!existsSync(imported)) {
    execFileSync(process.execPath, [
      '../shared/fixtures/gen-customs.mjs',
      '--rows',
      String(ROWS),
      '--seed',
      SEED,
      '--schema',
      'ru-customs',
      '--format',
      'csv',
      '--out',
      csv,
      '--labels',
      labelsPath,
    ]);
    const t = performance.now();
    await must(core, 'case.create', { path: imported, title: 'bench' });
    await must(core, 'import.run', { path: csv, preset: 'ru-customs' });
    core.session?.close();
    core.session = null;
    console.log(
      `(imported ${ROWS.toLocaleString('en')} rows once in ${((performance.now() - t) / 1000).toFixed(0)} s; cached in ${dir})`,
    );
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(casePath + suffix, { force: true });
  copyFileSync(imported, casePath);
  // Resolve as a user runs it: the custodian command in a process of its own, so that its peak memory is the
  // product's (this bench process also carries the TypeScript loader). /usr/bin/time reports it; without it,
  // the resolve runs in this process.
  let summary: FinalOutput<'entities.resolve'>;
  let seconds: number;
  let rss: number;
  let where: string;
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%e %M', process.execPath, join('bin', 'custodian.mjs'), 'resolve', casePath, '--json'],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`custodian resolve failed: ${r.stderr}`);
    summary = JSON.parse(r.stdout) as FinalOutput<'entities.resolve'>;
    const [wall, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    seconds = wall!;
    rss = (kb! * 1024) / 1e6;
    where = '`custodian resolve`';
    await must(core, 'case.open', { path: casePath });
  } else {
    await must(core, 'case.open', { path: casePath });
    const t0 = performance.now();
    summary = await must(core, 'entities.resolve', {});
    seconds = (performance.now() - t0) / 1000;
    rss = (process.resourceUsage().maxRSS * 1024) / 1e6; // maxRSS is in KiB
    where = 'this bench process (no /usr/bin/time)';
  }
  const mentions = await must(core, 'mentions.list', { limit: 10_000_000 });
  const labels = readLabels(labelsPath);
  const q = pairwiseQuality(mentions, labels);
  console.log(
    `resolve ${ROWS.toLocaleString('en')} rows (seed ${SEED}): ${summary.mentions} mentions → ${summary.entities} entities, ${summary.toReview} to review`,
  );
  console.log(
    `  time ${seconds.toFixed(1)} s (budget 60 s at 1M rows; ratio at this size ${(seconds / 60).toFixed(2)}), peak RSS ${rss.toFixed(0)} MB (budget 1000 MB, ratio ${(rss / 1000).toFixed(2)}) of ${where}`,
  );
  console.log(
    `  pairwise precision ${q.precision.toFixed(4)} (budget 0.98, ratio ${(q.precision / 0.98).toFixed(3)})  recall ${q.recall.toFixed(4)} (budget 0.95, ratio ${(q.recall / 0.95).toFixed(3)})  F1 ${q.f1.toFixed(4)}`,
  );
  const story = storylineCheck(mentions, labels);
  console.log(
    `  storyline: ${story.map((s) => `${s.company}→${s.entities.length} entit${s.entities.length === 1 ? 'y' : 'ies'}${s.mixedWithDecoys.length ? ` WITH DECOY ${s.mixedWithDecoys.join('+')}` : ''}`).join(', ')}`,
  );

  // Name pairs from the held-out labels: every distinct name pair of one entity (positives) and pairs sharing a token across entities (negatives).
  const byEntity = new Map<string, Set<string>>();
  for (const m of mentions) {
    const e = labels.get(`${m.row}:${m.role}`);
    if (e) (byEntity.get(e) ?? byEntity.set(e, new Set()).get(e)!).add(m.rawName);
  }
  // At most 400 entities (the first ids) with 12 names each keep the pair set to a few hundred thousand pairs.
  const named = [...byEntity]
    .sort((x, y) => x[0].localeCompare(y[0]))
    .slice(0, 400)
    .flatMap(([e, ns]) => [...ns].slice(0, 12).map((n) => ({ e, n })));
  const pairs: { name1: string; name2: string; same: boolean }[] = [];
  for (let i = 0; i < named.length; i++)
    for (let j = i + 1; j < named.length; j++) {
      const same = named[i]!.e === named[j]!.e;
      const shareWord = named[i]!.n.toLowerCase()
        .split(/\W+/)
        .some((w) => w.length > 3 && named[j]!.n.toLowerCase().includes(w));
      if (same || shareWord) pairs.push({ name1: named[i]!.n, name2: named[j]!.n, same });
    }
  const scored = matchNames(pairs);
  let tp = 0,
    fp = 0,
    fn = 0;
  scored.forEach((s, i) => (s.match && pairs[i]!.same ? tp++ : s.match ? fp++ : pairs[i]!.same ? fn++ : 0));
  const p = tp / (tp + fp),
    r = tp / (tp + fn),
    f1 = (2 * p * r) / (p + r);
  console.log(
    `  match-names on ${pairs.length} held-out pairs (${pairs.filter((x) => x.same).length} same): P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)} (aim 0.92, ratio ${(f1 / 0.92).toFixed(3)})`,
  );
  core.session?.close();
} finally {
  if (!cached) rmSync(dir, { recursive: true, force: true });
}
