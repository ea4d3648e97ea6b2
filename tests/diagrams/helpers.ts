import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import type { CoreContext } from '../../electron/core/context';
import type { DiagramOp } from '../../shared/api/diagrams';
import type { DiagramView } from '../../shared/domain/diagrams';
import { readLabels, type Labels } from '../entities/evaluate';
import { generate } from '../import/helpers';
import { must, REPO } from '../helpers/temp';

/**
 * A case of generated ru-customs records (clean, with the generator's labels
 * of which company each party mention is), imported and resolved. It lives
 * in a folder of its own, for a whole describe block: call `remove` after it.
 */
export async function generatedCase(rows = 3000, seed = 'diagrams') {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-diagrams-'));
  const core = createCore({ appDataDir: join(dir, 'app'), sampleDir: join(REPO, 'build', 'sample'), actor: 'tester' });
  const path = join(dir, 'generated.case');
  await must(core, 'case.create', { path, title: 'Diagrams' });
  const csv = join(dir, 'gen.csv');
  const labelsPath = join(dir, 'gen.labels.csv');
  generate(
    [
      '--rows',
      String(rows),
      '--seed',
      seed,
      '--schema',
      'ru-customs',
      '--format',
      'csv',
      '--dirty',
      '0',
      '--labels',
      labelsPath,
    ],
    csv,
  );
  await must(core, 'import.run', { path: csv, preset: 'ru-customs' });
  await must(core, 'entities.resolve', {});
  const remove = () => {
    core.session?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { core, dir, path, labels: readLabels(labelsPath), remove };
}

/** The resolved entity holding a labelled company's mentions, failing loudly unless it holds all of them and nothing else. */
export async function entityOfCompany(core: CoreContext, labels: Labels, company: string): Promise<number> {
  const mentions = await must(core, 'mentions.list', { limit: 10_000_000 });
  const entities = new Set<number | null>();
  for (const m of mentions) if (labels.get(`${m.row}:${m.role}`) === company) entities.add(m.entityId);
  if (entities.size !== 1 || [...entities][0] === null)
    throw new Error(`${company}'s mentions are in entities ${[...entities].join(', ')}, not one`);
  const entity = [...entities][0]!;
  const others = mentions.filter((m) => m.entityId === entity && labels.get(`${m.row}:${m.role}`) !== company);
  if (others.length)
    throw new Error(`entity ${entity} of ${company} also holds ${others.length} mentions of other companies`);
  return entity;
}

export const apply = async (core: CoreContext, id: number, ops: DiagramOp[]) =>
  must(core, 'diagrams.apply', { id, ops });

/** A new empty diagram with one node per entity (temporary ids -1, -2, … in order) and the given shipment edges between them. */
export async function diagramOf(
  core: CoreContext,
  entities: number[],
  shipments: [number, number][] = [],
): Promise<DiagramView> {
  const view = await must(core, 'diagrams.create', { name: 'Test diagram' });
  const ops: DiagramOp[] = [
    ...entities.map((ref, i): DiagramOp => ({
      op: 'addNode',
      tempId: -(i + 1),
      kind: 'entity',
      ref,
      x: i * 300,
      y: 0,
    })),
    ...shipments.map(([s, t]): DiagramOp => ({
      op: 'addEdge',
      kind: 'shipment',
      source: -(entities.indexOf(s) + 1),
      target: -(entities.indexOf(t) + 1),
    })),
  ];
  return ops.length ? (await apply(core, view.id, ops)).view : view;
}

export interface RecordFacts {
  id: number;
  row: number;
  date: string | null;
  valueUsd: number | null;
  hsCode: string | null;
  shipper: number | null;
  consignee: number | null;
}

/**
 * Every record with the entity of its shipper and of its consignee, read
 * straight from the case file on a connection of its own, with a query
 * shaped unlike the core's (one correlated lookup per record and role).
 */
export function recordsWithParties(path: string): RecordFacts[] {
  const db = new Database(path, { readonly: true });
  try {
    const party = (role: string) =>
      `(SELECT n.entity_id FROM mentions m, mention_names n WHERE m.record_id = r.id AND m.role = '${role}' AND n.id = m.name_id)`;
    return db
      .prepare(
        `SELECT r.id, r.row, r.date, r.value_usd AS valueUsd, r.hs_code AS hsCode, ${party('shipper')} AS shipper, ${party('consignee')} AS consignee
         FROM records r ORDER BY r.id`,
      )
      .all() as RecordFacts[];
  } finally {
    db.close();
  }
}
