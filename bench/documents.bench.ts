// Documents: adding a 300-page PDF, and `search.query` (records and
// documents together) over 1,000 document pages, against the budget of the
// import issue: p95 ≤ 50 ms per query. Prints figures and ratios; never fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callToEnd, type FinalOutput } from '../electron/core/dispatch';
import { createCore } from '../electron/core/create-core';
import { fillerLines, makePdf } from '../tests/documents/make-pdf';
import type { MethodName } from '../shared/api';

const BUDGET_P95_MS = 50;
const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-docs-'));
const core = createCore({ appDataDir: join(dir, 'app'), sampleDir: join(dir, 'none'), actor: 'bench' });

async function must<M extends MethodName>(method: M, input: unknown): Promise<FinalOutput<M>> {
  const r = await callToEnd(core, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

try {
  await must('case.create', { path: join(dir, 'bench.case'), title: 'bench' });
  // Three 300-page PDFs and 100 pages of Russian/Chinese text: 1,000 pages.
  const pdfs: string[] = [];
  for (let k = 0; k < 3; k++) {
    const pages = Array.from({ length: 300 }, (_, i) => [
      `Report ${k} page ${i + 1}`,
      ...fillerLines(k * 1000 + i, 40),
    ]);
    pages[(k * 97) % 300]!.push('Poly Technologies shipped Mi-171E tail rotor blades to Ulan-Ude');
    const path = join(dir, `report-${k}.pdf`);
    writeFileSync(path, makePdf({ pages, title: `Report ${k}` }));
    pdfs.push(path);
  }
  const ru = Array.from(
    { length: 50 },
    (_, i) =>
      `Страница ${i + 1}. ` +
      'Поставка лопастей рулевого винта для вертолёта Ми-171Е на Улан-Удэнский авиационный завод. '.repeat(30),
  ).join('\f');
  const zh = Array.from(
    { length: 50 },
    (_, i) => `第${i + 1}页。` + '保利科技有限公司向乌兰乌德航空工厂出口直升机零件和机载无线电设备。'.repeat(40),
  ).join('\f');
  writeFileSync(join(dir, 'ru.txt'), ru);
  writeFileSync(join(dir, 'zh.txt'), zh);

  let t = performance.now();
  const [first] = await must('documents.add', { paths: [pdfs[0]] });
  const oneMs = performance.now() - t;
  console.log(
    `add one 300-page PDF: ${(oneMs / 1000).toFixed(2)} s (${((first!.pages / oneMs) * 1000).toFixed(0)} pages/s)`,
  );
  t = performance.now();
  await must('documents.add', { paths: [pdfs[1], pdfs[2], join(dir, 'ru.txt'), join(dir, 'zh.txt')] });
  console.log(`add the rest (600 PDF pages + 100 text pages): ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const docs = await must('documents.list', {});
  const totalPages = docs.reduce((n, d) => n + d.pages, 0);
  console.log(`documents: ${docs.length}, pages: ${totalPages}`);

  const queries = [
    'helicopter',
    'Ulan Ude',
    'Poly Technologies',
    'rotor blade',
    'warranty contract',
    'sanction',
    'consignee shipper invoice',
    'Улан-Удэнский',
    'вертолета',
    '保利科技',
    '直升机零件',
    '保利',
    'nothingmatches',
    'aviation plant',
  ];
  const times: Record<string, number[]> = {};
  const all: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (const q of queries) {
      const s = performance.now();
      await must('search.query', { query: q, limit: 50 });
      const ms = performance.now() - s;
      (times[q] ??= []).push(ms);
      if (round > 0) all.push(ms); // the first round warms the caches
    }
  }
  for (const q of queries)
    console.log(`  ${q.padEnd(26)} p50 ${pct(times[q]!, 50).toFixed(2)} ms  p95 ${pct(times[q]!, 95).toFixed(2)} ms`);
  const p95 = pct(all, 95);
  console.log(
    `search over ${totalPages} pages, ${all.length} queries: p50 ${pct(all, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...all).toFixed(2)} ms`,
  );
  console.log(
    `p95 vs budget ${BUDGET_P95_MS} ms: ${(p95 / BUDGET_P95_MS).toFixed(3)}× (${p95 <= BUDGET_P95_MS ? 'within' : 'OVER'} budget)`,
  );
} finally {
  core.session?.close();
  rmSync(dir, { recursive: true, force: true });
}
