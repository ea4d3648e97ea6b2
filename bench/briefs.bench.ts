// Briefs bench (issue 14): render a brief with one 60-node diagram and 200 cited records to PDF
// (budget 5 s). Built on the sample case (a neighbourhood diagram of its busiest company, capped at
// 60 nodes, and three findings citing 200 records). The first render also loads the PDF library and
// the fonts (reported apart); the budget is for a render after that, as in a running app. Wall and
// CPU time (of the whole process, the job's worker thread included): a shared machine inflates wall time.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MethodName } from '../shared/api';
import type { BriefVersion, RenderedBrief } from '../shared/domain/briefs';
import type { DiagramCreated } from '../shared/domain/diagrams';
import { createCore } from '../electron/core/create-core';
import { callToEnd, type FinalOutput } from '../electron/core/dispatch';

const ROOT = resolve(import.meta.dirname, '..');
const BUDGET_MS = 5000;
const dir = mkdtempSync(join(tmpdir(), 'custodian-briefs-bench-'));
const core = createCore({ appDataDir: join(dir, 'app'), sampleDir: join(ROOT, 'build', 'sample'), actor: 'bench' });

async function must<M extends MethodName>(method: M, input: unknown): Promise<FinalOutput<M>> {
  const r = await callToEnd(core, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

try {
  await must('case.openSample', {});
  const [hub] = await must('entities.list', { limit: 1 });
  const { view } = (await must('diagrams.neighbourhood', {
    name: 'Bench: 60 nodes',
    entityId: hub!.id,
    depth: 2,
    maxNodes: 60,
  })) as DiagramCreated;
  const ids = (await must('records.list', { limit: 200 })).map((r) => r.id);
  const brief = (await must('briefs.save', {
    content: {
      title: 'Bench brief',
      author: 'bench',
      summary: 'One 60-node diagram and 200 cited records.',
      findings: [
        {
          text: 'First.',
          citations: [
            { kind: 'records', ids: ids.slice(0, 70) },
            { kind: 'diagram', id: view.id },
          ],
        },
        { text: 'Second.', citations: [{ kind: 'records', ids: ids.slice(70, 140) }] },
        { text: 'Third.', citations: [{ kind: 'records', ids: ids.slice(140) }] },
      ],
      diagrams: [],
    },
  })) as BriefVersion;
  const times: number[] = [];
  const cpu: number[] = [];
  const hashes = new Set<string>();
  let last: RenderedBrief | null = null;
  for (let i = 0; i < 4; i++) {
    const out = join(dir, `brief-${i}.pdf`);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = (await must('briefs.render', { id: brief.id, out })) as RenderedBrief;
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    hashes.add(createHash('sha256').update(readFileSync(out)).digest('hex'));
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)]!;
  const cpuMedian = cpu.slice(1).sort((a, b) => a - b)[Math.floor(warm.length / 2)]!;
  console.log(
    `diagram: ${view.nodes.length} nodes, ${view.edges.length} edges; 200 cited records; ${last!.pages} pages, ${last!.bytes.toLocaleString('en')} bytes`,
  );
  console.log(`first render (loads react-pdf and fonts): ${Math.round(times[0]!)} ms`);
  console.log(
    `render, median of ${warm.length}: ${Math.round(median)} ms — budget ${BUDGET_MS} ms, ratio ${(median / BUDGET_MS).toFixed(2)}; CPU time ${Math.round(cpuMedian)} ms, ratio ${(cpuMedian / BUDGET_MS).toFixed(2)}`,
  );
  console.log(
    `identical bytes every time: ${hashes.size === 1 ? 'yes' : `NO (${hashes.size} different)`}; load ${loadavg()[0]!.toFixed(1)}`,
  );
} finally {
  core.session?.close();
  rmSync(dir, { recursive: true, force: true });
}
