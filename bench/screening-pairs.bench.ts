// Screening recall bench: precision, recall and F1 of the screening scorer (shared/names/screening-score.ts)
// at its review threshold, on the labelled pairs of bench/data: OFAC organisations against their own aliases
// (true) and against the most similar other entry (false; scripts/build-screening-pairs.mjs), and the
// name-writing phenomena screening must catch, with near-misses. The resolver's pair score on the same pairs
// is shown beside it: resolution stays strict, screening reads more loosely.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../electron/core/chinese-libraries';
import { analyzeName } from '../shared/names/analyze';
import { scorePair } from '../shared/names/score';
import {
  prepareScreeningName,
  SCREENING_REVIEW_THRESHOLD,
  screeningScorePrepared,
  type ScreeningName,
} from '../shared/names/screening-score';

interface Pair {
  label: number;
  kind: string;
  a: string;
  b: string;
}
const read = (file: string): Pair[] =>
  (parse(readFileSync(join('bench', 'data', file), 'utf8'), { columns: true }) as Record<string, string>[]).map(
    (r) => ({ label: Number(r.label), kind: r.kind!, a: r.a!, b: r.b! }),
  );
const sets: [string, Pair[]][] = [
  ['OFAC aliases / other entries', read('screening-pairs.ofac.csv')],
  ['phenomena / near-misses', read('screening-pairs.phenomena.csv')],
];

function quality(pairs: Pair[], scores: number[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pairs.forEach((p, i) => {
    const hit = scores[i]! >= SCREENING_REVIEW_THRESHOLD;
    if (hit && p.label) tp++;
    else if (hit) fp++;
    else if (p.label) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), fp, fn };
}
const fmt = (q: ReturnType<typeof quality>) =>
  `P ${q.precision.toFixed(3)}  R ${q.recall.toFixed(3)}  F1 ${q.f1.toFixed(3)}  (${q.fp} false hits, ${q.fn} missed)`;

const all: Pair[] = [];
const allScreening: number[] = [];
const allResolver: number[] = [];
for (const [title, pairs] of sets) {
  // Names are prepared once each (the screener prepares every name and entry once), then pairs are scored.
  const t0 = performance.now();
  const prepared = new Map<string, ScreeningName>();
  for (const p of pairs) for (const n of [p.a, p.b]) if (!prepared.has(n)) prepared.set(n, prepareScreeningName(n));
  const t1 = performance.now();
  const screening = pairs.map((p) => screeningScorePrepared(prepared.get(p.a)!, prepared.get(p.b)!).score);
  const t2 = performance.now();
  const speed = `prepare ${(((t1 - t0) * 1000) / prepared.size).toFixed(0)} µs/name, score ${(((t2 - t1) * 1000) / pairs.length).toFixed(0)} µs/pair`;
  const resolver = pairs.map((p) => scorePair(analyzeName(p.a), analyzeName(p.b)).score);
  console.log(`\n${title}: ${pairs.length} pairs (${pairs.filter((p) => p.label).length} true)`);
  console.log(`  screening  ${fmt(quality(pairs, screening))}  (${speed})`);
  console.log(`  resolver   ${fmt(quality(pairs, resolver))}`);
  const kinds = [...new Set(pairs.map((p) => p.kind))];
  for (const kind of kinds) {
    const idx = pairs.map((p, i) => (p.kind === kind ? i : -1)).filter((i) => i >= 0);
    const q = quality(
      idx.map((i) => pairs[i]!),
      idx.map((i) => screening[i]!),
    );
    console.log(`    ${kind.padEnd(22)} ${idx.length.toString().padStart(5)} pairs  ${fmt(q)}`);
  }
  all.push(...pairs);
  allScreening.push(...screening);
  allResolver.push(...resolver);
}
console.log(`\nall pairs at threshold ${SCREENING_REVIEW_THRESHOLD}:`);
console.log(`  screening  ${fmt(quality(all, allScreening))}`);
console.log(`  resolver   ${fmt(quality(all, allResolver))}`);
