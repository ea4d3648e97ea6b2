// Diagrams bench (issue 12): how long a diagram's shipment edges take to sum from the records on a
// 1,000,000-row case (budget 200 ms). The case is the import bench's generated file (seed 7), imported
// and resolved once through the CLI and cached in .cache/diagrams-bench/; each run works on a copy.
// Reports wall and CPU time (a shared machine’s load inflates wall time; CPU time is the work), for the
// sum alone (uncached) and for the whole view (`diagrams.get`: first, then as kept while nothing
// changes). `ROWS=200000 npm run bench -- diagrams` for a quicker look.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { neighbourhood, NO_FILTERS } from '../electron/core/diagrams/neighbourhood';
import { sumShipments } from '../electron/core/diagrams/shipments';
import { ensureResolvedCase, freshCopy, openCore, ROOT } from './resolved-case';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const CACHE = join(ROOT, '.cache');
const CSV = join(CACHE, `ru-customs-${ROWS}-seed7.csv`);
const DIR = join(CACHE, 'diagrams-bench');
const RESOLVED = join(DIR, `ru-${ROWS}-seed7.resolved.case`);
const RUN = join(DIR, 'run.case');
const BUDGET_MS = 200;

interface Timing {
  wall: number;
  cpu: number;
}

function timed(f: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

async function timedAsync(f: () => Promise<unknown>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (t: Timing) => `${t.wall.toFixed(0)} ms wall / ${t.cpu.toFixed(0)} ms CPU`;
const ratio = (t: Timing) =>
  `ratio ${(t.cpu / BUDGET_MS).toFixed(2)} by CPU, ${(t.wall / BUDGET_MS).toFixed(2)} by wall`;

ensureResolvedCase({ rows: ROWS, csv: CSV, resolved: RESOLVED, title: 'diagrams bench' });
freshCopy(RESOLVED, RUN);
const { core, must } = await openCore(DIR, RUN);
const db = core.session!.db;
const find = async (query: string) => (await must('entities.list', { query, limit: 1 }))[0]?.id;
const story = [
  await find('Poly Technologies'),
  await find('Ulan-Ude Aviation'),
  await find('AVIC International'),
  await find('United Engine Corp'),
].filter((id): id is number => id !== undefined);
const biggest = (await must('entities.list', { limit: 1 }))[0]!.id;

const storyView = await must('diagrams.create', { name: 'Storyline' });
// As the sample case's diagram: Poly Technologies ⇄ U-UAZ, AVIC International ⇄ UEC.
const storyPairs = [
  [0, 1],
  [1, 0],
  [2, 3],
  [3, 2],
].filter(([s, t]) => story[s!] !== undefined && story[t!] !== undefined);
await must('diagrams.apply', {
  id: storyView.id,
  ops: [
    ...story.map((ref, i) => ({ op: 'addNode', tempId: -(i + 1), kind: 'entity', ref, x: i * 300, y: 0 })),
    ...storyPairs.map(([s, t]) => ({ op: 'addEdge', kind: 'shipment', source: -(s! + 1), target: -(t! + 1) })),
  ],
});
const cases: { label: string; id: number }[] = [{ label: `storyline (${story.length} entities)`, id: storyView.id }];
for (const [label, from] of [
  ['Poly Technologies, depth 1', { entityId: story[0]!, depth: 1 }],
  ['the biggest entity, depth 1 (top 40 by value)', { entityId: biggest, depth: 1 }],
  ['Poly Technologies, depth 2 (capped at 150)', { entityId: story[0]!, depth: 2 }],
] as const) {
  // The job opens the case afresh (with its quick_check); the reading of the counterparties is timed apart.
  const reading = timed(() =>
    neighbourhood(db, from.entityId, { depth: from.depth, perNode: 40, maxNodes: 150 }, NO_FILTERS),
  );
  const t0 = performance.now();
  const { view, leftOut } = await must('diagrams.neighbourhood', { name: label, ...from });
  const job = performance.now() - t0;
  cases.push({
    label: `${label}: ${view.nodes.length} nodes, ${view.edges.length} edges, ${leftOut} left out; counterparties read in ${fmt(reading)}, the whole job ${job.toFixed(0)} ms`,
    id: view.id,
  });
}

console.log(
  `diagrams over ${ROWS.toLocaleString('en')} records (load average ${loadavg()[0]!.toFixed(1)} on this machine); budget ${BUDGET_MS} ms`,
);
for (const c of cases) {
  const view = await must('diagrams.get', { id: c.id });
  const entityAt = new Map(view.nodes.map((n) => [n.id, n.ref!]));
  const shipping = view.edges.filter((e) => e.kind === 'shipment');
  const sources = [...new Set(shipping.map((e) => entityAt.get(e.source)!))];
  const targets = [...new Set(shipping.map((e) => entityAt.get(e.target)!))];
  const sql = Array.from({ length: 5 }, () => timed(() => sumShipments(db, sources, targets)));
  const sqlMedian = { wall: median(sql.map((t) => t.wall)), cpu: median(sql.map((t) => t.cpu)) };
  // A view after an audited change (a rename of a case entity) sums again; the next one is kept.
  await must('entities.rename', { id: view.nodes[0]!.ref!, name: view.nodes[0]!.label });
  const first = await timedAsync(() => must('diagrams.get', { id: c.id }));
  const kept = await timedAsync(() => must('diagrams.get', { id: c.id }));
  console.log(`  ${c.label}`);
  console.log(`    sum from the records (uncached, median of 5): ${fmt(sqlMedian)}; ${ratio(sqlMedian)}`);
  console.log(`    diagrams.get after a change: ${fmt(first)}; ${ratio(first)}; again: ${fmt(kept)}`);
}
core.session?.close();
