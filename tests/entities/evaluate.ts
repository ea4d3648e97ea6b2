/**
 * Scoring resolution against the fixtures' ground truth (shared by the tests
 * and bench/entities.bench.ts). Labels map (row, role) → true entity; the
 * case's mentions map (row, role) → resolved entity. Pairwise precision and
 * recall count pairs of labelled mentions put in one entity.
 */
import { readFileSync } from 'node:fs';

export type Labels = Map<string, string>;

export function readLabels(path: string): Labels {
  const out: Labels = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [row, role, entity] = line.split(',');
    if (row && role && entity) out.set(`${row}:${role}`, entity);
  }
  return out;
}

export interface MentionLike {
  row: number;
  role: string;
  entityId: number | null;
}

export interface PairwiseQuality {
  labelled: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function pairwiseQuality(mentions: readonly MentionLike[], labels: Labels): PairwiseQuality {
  const predicted = new Map<string, number>();
  for (const m of mentions) if (m.entityId !== null) predicted.set(`${m.row}:${m.role}`, m.entityId);
  const truthSizes = new Map<string, number>();
  const predSizes = new Map<string, number>();
  const cells = new Map<string, number>();
  let found = 0;
  let singleton = 0;
  for (const [key, truth] of labels) {
    truthSizes.set(truth, (truthSizes.get(truth) ?? 0) + 1);
    const p = predicted.get(key);
    // A labelled mention the case does not have counts as an entity of its own.
    const pk = p === undefined ? `missing:${singleton++}` : String(p);
    if (p !== undefined) found++;
    predSizes.set(pk, (predSizes.get(pk) ?? 0) + 1);
    const cell = `${pk}|${truth}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  let tp = 0;
  for (const n of cells.values()) tp += pairs(n);
  let truePairs = 0;
  for (const n of truthSizes.values()) truePairs += pairs(n);
  let predictedPairs = 0;
  for (const n of predSizes.values()) predictedPairs += pairs(n);
  const precision = predictedPairs ? tp / predictedPairs : 1;
  const recall = truePairs ? tp / truePairs : 1;
  return {
    labelled: labels.size,
    found,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
    truePairs,
    predictedPairs,
  };
}

export const STORYLINE = ['E0001', 'E0002', 'E0003', 'E0004', 'E0005'];
export const DECOYS = ['E0006', 'E0007', 'E0008', 'E0009', 'E0010', 'E0011'];

/** For each storyline company: the entities its mentions landed in, and the decoys sharing those entities. */
export function storylineCheck(mentions: readonly MentionLike[], labels: Labels) {
  const entityOf = new Map<string, number>();
  for (const m of mentions) if (m.entityId !== null) entityOf.set(`${m.row}:${m.role}`, m.entityId);
  const truthOfEntity = new Map<number, Set<string>>();
  const entitiesOfTruth = new Map<string, Set<number>>();
  const missing = new Map<string, number>();
  for (const [key, truth] of labels) {
    const e = entityOf.get(key);
    if (e === undefined) {
      missing.set(truth, (missing.get(truth) ?? 0) + 1);
      continue;
    }
    (truthOfEntity.get(e) ?? truthOfEntity.set(e, new Set()).get(e)!).add(truth);
    (entitiesOfTruth.get(truth) ?? entitiesOfTruth.set(truth, new Set()).get(truth)!).add(e);
  }
  return STORYLINE.filter((s) => entitiesOfTruth.has(s) || missing.has(s)).map((s) => {
    const entities = [...(entitiesOfTruth.get(s) ?? [])];
    const mixedWith = [...new Set(entities.flatMap((e) => [...truthOfEntity.get(e)!].filter((t) => t !== s)))];
    return {
      company: s,
      entities,
      missing: missing.get(s) ?? 0,
      mixedWithDecoys: mixedWith.filter((t) => DECOYS.includes(t)),
      mixedWith,
    };
  });
}
