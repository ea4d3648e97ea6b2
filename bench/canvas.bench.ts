// Canvas bench (issue 12): a diagram of 1,000 entity nodes and 2,000 edges, opened in Chromium through
// the browser bridge: time until interactive (budget 1.5 s), frames per second while panning and
// zooming with every node in view (≥ 30, from requestAnimationFrame timestamps), ELK auto-layout
// (≤ 3 s, in its worker) and how long the page's main thread stalls meanwhile. The case is a
// generated ru-customs file (seed 7; 120,000 rows give ~1,150 entities) imported and resolved once
// through the CLI and cached in .cache/canvas-bench/; the diagram is built on a copy through the core
// API: the 1,000 biggest entities, their 2,000 biggest shipment pairs as shipment edges (free edges
// make up the count if they trade less). Needs the built renderer (`npm run build`) and Chromium.
// Beside each wall time, the page's main-thread CPU (bench/canvas-cdp.ts): on a loaded machine wall
// time mostly measures waiting for a core, CPU time measures the canvas's work ("fps of main-thread
// work" is the rate a free core would allow). A big diagram opens before its shipments are summed (their
// edges pending), then shows the sums: the bench says when. Screenshots of the diagram as opened and
// as laid out go to .cache/canvas-bench/ to look at.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { describeCpu, PageCpu } from './canvas-cdp';
import type { DiagramOp } from '../shared/api/diagrams';
import { CLI, ensureResolvedCase, freshCopy, openCore, ROOT } from './resolved-case';

const ROWS = Number(process.env.ROWS ?? 120_000);
const NODES = 1000;
const EDGES = 2000;
const DIR = join(ROOT, '.cache', 'canvas-bench');
const CSV = join(DIR, `ru-${ROWS}-seed7.csv`);
const RESOLVED = join(DIR, `ru-${ROWS}-seed7.resolved.case`);
const RUN = join(DIR, 'run.case');
const BUDGET = { interactiveMs: 1500, fps: 30, elkMs: 3000 };
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);

/** The bench diagram, through the core API: entity nodes on a grid, shipment edges, free edges to make up the count. */
async function buildDiagram(): Promise<{ id: number; shipments: number; free: number }> {
  const { core, must } = await openCore(DIR, RUN);
  const entities = (await must('entities.list', { limit: NODES })).map((e) => e.id);
  if (entities.length < NODES) throw new Error(`only ${entities.length} entities in the case; raise ROWS`);
  const pairs = (await must('diagrams.shipments', { entityIds: entities })).slice(0, EDGES);
  const temp = new Map(entities.map((id, i) => [id, -(i + 1)]));
  const ops: DiagramOp[] = entities.map((ref, i) => ({
    op: 'addNode',
    tempId: temp.get(ref)!,
    kind: 'entity',
    ref,
    x: (i % 40) * 260,
    y: Math.floor(i / 40) * 120,
  }));
  for (const p of pairs)
    ops.push({ op: 'addEdge', kind: 'shipment', source: temp.get(p.source)!, target: temp.get(p.target)! });
  // A fixed sequence (no Math.random): the same diagram every run.
  for (let k = 0; ops.length < NODES + EDGES; k++) {
    const [s, t] = [(k * 7919) % NODES, (k * 104_729 + 1) % NODES];
    if (s !== t) ops.push({ op: 'addEdge', kind: 'free', source: -(s + 1), target: -(t + 1), label: 'bench' });
  }
  const { id } = await must('diagrams.create', { name: 'Canvas bench: 1,000 nodes' });
  await must('diagrams.apply', { id, ops });
  core.session?.close();
  return { id, shipments: pairs.length, free: EDGES - pairs.length };
}

async function serve(): Promise<{ url: string; stop(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'custodian-bench-home-'));
  const child = spawn(process.execPath, [CLI, 'serve', RUN, '--json'], {
    env: { ...process.env, CUSTODIAN_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`serve exited (${code})`)));
  });
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  };
  return { url: (JSON.parse(line) as { url: string }).url, stop };
}

/** Frames per second of what `drive` does, from requestAnimationFrame timestamps in the page, and the main thread's work meanwhile. */
async function fps(page: Page, cpu: PageCpu, phase: string, drive: () => Promise<void>) {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean };
    w.frames_ = [];
    w.stop_ = false;
    const tick = (t: number) => {
      w.frames_.push(t);
      if (!w.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const { value: frames, cpu: work } = await cpu.measure(phase, async () => {
    await drive();
    return page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; stop_: boolean };
      w.stop_ = true;
      return w.frames_;
    });
  });
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  const wallMs = frames.at(-1)! - frames[0]!;
  return {
    fps: (frames.length - 1) / (wallMs / 1000),
    // Frames per second of main-thread work: what a free core would allow, were the main thread the limit.
    cpuFps: (frames.length - 1) / (work.task / 1000),
    p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    worst: gaps.at(-1) ?? 0,
    cpu: work,
    wallMs,
  };
}

const line = (what: string, value: string, ratio: number) =>
  console.log(`  ${what.padEnd(44)} ${value.padStart(12)}   ratio ${ratio.toFixed(2)}`);

if (!CHROMIUM) {
  console.log('no Chromium (apt-get install -y chromium): canvas bench skipped');
  process.exit(0);
}
if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
  console.log('no built renderer: run `npm run build` first; canvas bench skipped');
  process.exit(0);
}
ensureResolvedCase({ rows: ROWS, csv: CSV, resolved: RESOLVED, title: 'canvas bench' });
freshCopy(RESOLVED, RUN);
const diagram = await buildDiagram();
const served = await serve();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-background-networking', '--no-first-run', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx names functions with a helper (`__name`) that the page does not have; the page's functions here are tsx-compiled.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'Case sections' }).waitFor({ timeout: 120_000 });

  // Main-thread CPU (CDP, thread time), beside wall time: on a loaded machine the difference is waiting for a core.
  const cpu = await PageCpu.attach(page);
  // Interactive: the nodes are drawn and the main thread is free again (a task after two frames runs).
  const { value: interactiveMs, cpu: openCpu } = await cpu.measure('open', () =>
    page.evaluate(async (id) => {
      const t0 = performance.now();
      location.hash = `#/diagrams/${id}`;
      await new Promise<void>((done) => {
        const check = () => (document.querySelector('.react-flow__node') ? done() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await new Promise((r) => setTimeout(r, 0));
      (window as unknown as { openedAt_: number }).openedAt_ = t0;
      return performance.now() - t0;
    }, diagram.id),
  );
  // The shipment sums come after (a quick view first: see diagrams.get `quick`): when no edge is pending any more.
  const summedMs = await page.evaluate(async () => {
    while (!document.querySelector('.diagram-edge') || document.querySelector('.diagram-edge.pending'))
      await new Promise((r) => setTimeout(r, 10));
    return performance.now() - (window as unknown as { openedAt_: number }).openedAt_;
  });
  const drawn = await page.locator('.react-flow__node').count();
  const drawnEdges = await page.locator('.react-flow__edge').count();
  const drawnLabels = await page.locator('.edge-label').count();
  await page.screenshot({ path: join(DIR, 'opened.png') });

  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const mid = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const pan = await fps(page, cpu, 'pan', async () => {
    await page.mouse.move(mid.x, mid.y);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(mid.x + 200 * Math.sin(i / 6), mid.y + 120 * Math.cos(i / 6));
    await page.mouse.up();
  });
  const zoom = await fps(page, cpu, 'zoom', async () => {
    await page.mouse.move(mid.x, mid.y);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, i < 20 ? -120 : 120);
  });

  // ELK: the main thread is watched while the worker lays out (until ELK's answer arrives; applying
  // a thousand moves afterwards is the canvas's own work): a 16 ms timer's lateness, and how long the
  // page takes to run a task sent to it (against the same probe before the layout).
  await page.waitForTimeout(1000);
  const probe = async () => {
    const t = performance.now();
    await page.evaluate(() => 1);
    return performance.now() - t;
  };
  const idle: number[] = [];
  for (let i = 0; i < 5; i++) idle.push(await probe());
  await page.evaluate(() => {
    const w = window as unknown as { lag_: number; lagTimer_: number };
    const before = performance.getEntriesByName('elk-layout').length;
    w.lag_ = 0;
    let last = performance.now();
    w.lagTimer_ = window.setInterval(() => {
      const now = performance.now();
      if (performance.getEntriesByName('elk-layout').length > before) return clearInterval(w.lagTimer_);
      w.lag_ = Math.max(w.lag_, now - last - 16);
      last = now;
    }, 16);
  });
  const t0 = Date.now();
  const during: number[] = [];
  const { cpu: elkPageCpu } = await cpu.measure('during ELK', async () => {
    await page.getByRole('button', { name: 'Lay out', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Cancel layout' });
    await cancel.waitFor();
    while (await cancel.isVisible()) {
      during.push(await probe());
      await page.waitForTimeout(200);
    }
  });
  await page.locator('button[title^="Undo Auto-layout"]').waitFor({ timeout: 300_000 });
  const appliedMs = Date.now() - t0;
  await page.waitForTimeout(1000); // the fit-view animation after the layout
  await page.screenshot({ path: join(DIR, 'laid-out.png') });
  const { elkMs, stallMs } = await page.evaluate(() => {
    const w = window as unknown as { lag_: number };
    const mark = performance.getEntriesByName('elk-layout').at(-1) as PerformanceMark | undefined;
    return { elkMs: (mark?.detail as { ms: number } | undefined)?.ms ?? NaN, stallMs: w.lag_ };
  });

  console.log(
    `canvas: ${NODES} entity nodes, ${EDGES} edges (${diagram.shipments} shipment, ${diagram.free} free) over ${ROWS.toLocaleString('en')} records; ` +
      `${drawn} nodes and ${drawnEdges} edges drawn; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  line('open → interactive (budget 1,500 ms)', `${interactiveMs.toFixed(0)} ms`, interactiveMs / BUDGET.interactiveMs);
  console.log(
    `    ${describeCpu(openCpu)} (${drawnLabels} edge labels drawn); shipment sums shown after ${summedMs.toFixed(0)} ms`,
  );
  for (const [what, f] of [
    ['panning, all nodes in view (budget ≥ 30 fps)', pan],
    ['zooming (budget ≥ 30 fps)', zoom],
  ] as const) {
    line(what, `${f.fps.toFixed(1)} fps`, BUDGET.fps / f.fps);
    console.log(
      `    frame p95 ${f.p95.toFixed(0)} ms, worst ${f.worst.toFixed(0)} ms over ${f.wallMs.toFixed(0)} ms; ` +
        `${describeCpu(f.cpu)}: ${f.cpuFps.toFixed(0)} fps of main-thread work`,
    );
  }
  line('ELK layout in its worker (budget 3,000 ms)', `${elkMs.toFixed(0)} ms`, elkMs / BUDGET.elkMs);
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(
    `    click → positions stored and shown: ${appliedMs} ms; while ELK ran the page answered a task in ` +
      `${med(during).toFixed(0)} ms median, ${Math.max(...during).toFixed(0)} ms worst (${during.length} probes; ` +
      `${med(idle).toFixed(0)} ms before the layout); longest main-thread stall ${stallMs.toFixed(0)} ms; ` +
      describeCpu(elkPageCpu),
  );
} finally {
  await browser.close();
  await served.stop();
}
