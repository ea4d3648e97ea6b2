// Main-thread CPU of the page through the Chrome DevTools Protocol, for bench/canvas.bench.ts. On a
// machine shared with other work, wall time mostly measures waiting for a core; the renderer's own
// accounting (Performance.getMetrics: time in tasks, in script, in style and layout) measures the
// work, so a change to the canvas shows in these figures whatever the load. With PROFILE=1 each
// phase also runs under the CPU profiler and the functions with the most self time are printed;
// with TRACE=1 it is traced and the renderer main thread's work is summed by kind (paint, layout…).
import type { CDPSession, Page } from 'playwright-core';

/** Seconds, as Chromium counts them since the page started. */
export interface MainThread {
  task: number;
  script: number;
  layout: number;
  style: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export class PageCpu {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly page: Page,
  ) {}

  static async attach(page: Page): Promise<PageCpu> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    if (process.env.PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    }
    return new PageCpu(cdp, page);
  }

  async read(): Promise<MainThread> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
    return {
      task: m('TaskDuration'),
      script: m('ScriptDuration'),
      layout: m('LayoutDuration'),
      style: m('RecalcStyleDuration'),
    };
  }

  /** The main thread's work while `f` runs (milliseconds), with `f`'s answer; under PROFILE=1, its hottest functions. */
  async measure<T>(phase: string, f: () => Promise<T>): Promise<{ value: T; cpu: MainThread }> {
    if (process.env.PROFILE) await this.cdp.send('Profiler.start');
    const browser = this.page.context().browser()!;
    if (process.env.TRACE)
      await browser.startTracing(this.page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
      });
    const before = await this.read();
    const value = await f();
    const after = await this.read();
    if (process.env.TRACE)
      printTrace(phase, JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] });
    if (process.env.PROFILE)
      printHottest(phase, ((await this.cdp.send('Profiler.stop')) as { profile: Profile }).profile);
    const ms = (k: keyof MainThread) => (after[k] - before[k]) * 1000;
    return { value, cpu: { task: ms('task'), script: ms('script'), layout: ms('layout'), style: ms('style') } };
  }
}

/** "main thread 812 ms: script 420, style 96, layout 140, other (paint, commit, GC…) 156". */
export function describeCpu(c: MainThread): string {
  const other = c.task - c.script - c.layout - c.style;
  return (
    `main thread ${c.task.toFixed(0)} ms: script ${c.script.toFixed(0)}, style ${c.style.toFixed(0)}, ` +
    `layout ${c.layout.toFixed(0)}, other (paint, commit, GC…) ${Math.max(0, other).toFixed(0)}`
  );
}

function printHottest(phase: string, p: Profile): void {
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (p.samples ?? []).forEach((id, i) => {
    const f = byNode.get(id)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`    [profile: ${phase}, ${total.toFixed(0)} ms sampled]`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`      ${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

/** The renderer main thread's traced events by name, by thread (CPU) time; nested events count in their parents too. */
function printTrace(phase: string, trace: { traceEvents: TraceEvent[] }): void {
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const by = new Map<string, { n: number; ms: number }>();
  for (const e of trace.traceEvents) {
    if (e.tid !== main || e.ph !== 'X') continue;
    const t = by.get(e.name) ?? by.set(e.name, { n: 0, ms: 0 }).get(e.name)!;
    t.n++;
    t.ms += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  console.log(`    [trace: ${phase}, main thread by event, thread time]`);
  for (const [name, t] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 16))
    console.log(`      ${t.ms.toFixed(0).padStart(6)} ms  ${String(t.n).padStart(6)}×  ${name}`);
}
