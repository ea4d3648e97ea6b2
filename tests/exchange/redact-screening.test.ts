// A redacted export keeps the screening of the entities it keeps (their hits, the list entries those hits
// name, with their facts and reviews) and no other entry of any list, nor the list files themselves.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { must, SAMPLES, tempCase } from '../helpers/temp';
import { FTM_LINES, importFtm } from '../screening/ftm-lines';
import { exportTo, verify } from './helpers';

const CANARY = {
  unhitEntry: 'qqzunhitentrycanary',
  otherHitAlias: 'qqzotherhitaliascanary',
  otherReview: 'qqzotherreviewcanary',
};
const KEPT_REVIEW = 'qqzkeptreviewnote';

const fileBytes = (path: string) =>
  Buffer.concat([path, `${path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));

describe('redaction of the screening tables', () => {
  it('keeps the hits of kept entities and the entries they name, and nothing else of the lists', async () => {
    const { core, dir } = await tempCase('Screening redaction');
    await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-1k.clean.csv'), preset: 'ru-customs' });
    await must(core, 'entities.resolve', {});
    const lines = [
      ...FTM_LINES.map((l) => l.replace('"保利科技有限公司"', `"保利科技有限公司","${CANARY.otherHitAlias}"`)),
      JSON.stringify({ id: 'NK-unhit', schema: 'Person', properties: { name: [`Pyotr ${CANARY.unhitEntry}`] } }),
    ];
    await importFtm(core, dir, lines);
    await must(core, 'screening.run', {});
    const hits = await must(core, 'hits.list', { limit: 1000 });
    const plant = hits.find((h) => h.externalId === 'NK-uuaz')!;
    const other = hits.find((h) => h.entityId !== plant.entityId && h.externalId !== 'NK-uuaz')!;
    expect(plant).toBeDefined();
    expect(other).toBeDefined();
    await must(core, 'hits.review', { id: plant.id, status: 'confirmed', note: KEPT_REVIEW });
    await must(core, 'hits.review', { id: other.id, status: 'false_positive', note: CANARY.otherReview });

    const d = await must(core, 'diagrams.create', { name: 'The plant' });
    await must(core, 'diagrams.apply', {
      id: d.id,
      label: 'plant',
      ops: [{ op: 'addNode', tempId: -1, kind: 'entity', ref: plant.entityId, x: 0, y: 0 }],
    });
    const preview = await must(core, 'exchange.preview', { onlyDiagrams: [d.id] });
    const plantHits = hits.filter((h) => h.entityId === plant.entityId);
    expect(preview).toMatchObject({ diagrams: [d.id], entities: 1, records: 0, hits: plantHits.length });

    const out = join(dir, 'plant.case');
    const result = await exportTo(core, out, { onlyDiagrams: [d.id] });
    expect(result.kept).toMatchObject({ entities: 1, hits: plantHits.length, listEntries: preview.listEntries });
    expect((await verify(core, out)).ok).toBe(true);

    const db = new Database(out, { readonly: true });
    const rows = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];
    expect(rows('SELECT DISTINCT entity_id FROM screening_hits')).toEqual([{ entity_id: plant.entityId }]);
    expect(rows('SELECT count(*) AS n FROM screening_hits')).toEqual([{ n: plantHits.length }]);
    const entries = rows('SELECT external_id FROM sanction_entries ORDER BY 1').map((r) => r.external_id);
    expect(entries).toEqual([...new Set(plantHits.map((h) => h.externalId))].sort());
    const valuesOf = rows('SELECT DISTINCT external_id FROM sanction_entry_values').map((r) => r.external_id);
    expect(valuesOf).toContain('NK-uuaz');
    expect(valuesOf.filter((id) => !entries.includes(id))).toEqual([]);
    expect(rows('SELECT count(*) AS n FROM sanction_list_files')).toEqual([{ n: 0 }]);
    // The runs count only what is kept, not the case's entities.
    expect(rows('SELECT DISTINCT entities FROM screening_runs')).toEqual([{ entities: 1 }]);
    expect(rows('SELECT name FROM sanction_lists')).toEqual([{ name: 'OFAC SDN (OpenSanctions)' }]);
    expect(rows('SELECT note FROM screening_reviews')).toEqual([{ note: KEPT_REVIEW }]);
    // The exported file's own audit entry says what it kept, screening included.
    const audit = rows('SELECT action, detail FROM audit_log');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({
      redacted: true,
      kept: { diagrams: [d.id], entities: 1, hits: plantHits.length },
    });
    db.close();

    const bytes = fileBytes(out);
    for (const canary of Object.values(CANARY)) expect(bytes.includes(Buffer.from(canary)), canary).toBe(false);
    expect(bytes.includes(Buffer.from(KEPT_REVIEW))).toBe(true);
    expect(bytes.includes(Buffer.from('Ivan Ivanovich Testov'))).toBe(false);
    core.session?.close();
  }, 240_000);
});
