import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustodianError } from '../../shared/result';
import type { ReadPlan, RowBatch } from '../../electron/core/import/batches/import-rows';
import { readImportRows } from '../../electron/core/import/batches/import-rows';
import { PRESETS } from '../../electron/core/import/mapping/presets';
import { fileFacts, openTable } from '../../electron/core/import/readers/open-table';
import { readImportRowsInThread } from '../../electron/core/import/batches/read-thread';
import { PackCursor, RecordPacker } from '../../electron/core/import/batches/record-pack';
import { helperStarter } from '../../electron/core/jobs/worker-thread';
import { custodian } from '../helpers/cli';
import { REPO, SAMPLES, must, tempCase, tempDir } from '../helpers/temp';
import { SAMPLE_PRESETS } from './helpers';

const WORKER = join(REPO, 'out', 'node', 'job-worker.cjs');

/** Everything an import wrote that does not depend on the clock. */
function contentOf(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).raw().all();
    const match = (q: string) => all(`SELECT rowid FROM records_fts WHERE records_fts MATCH '${q}' ORDER BY rowid`);
    return {
      records: all('SELECT * FROM records ORDER BY id'),
      rejects: all('SELECT import_id, row, reason, raw, duplicate_of FROM rejects ORDER BY id'),
      imports: all(
        'SELECT rows_read, rows_imported, rows_rejected, duplicates, rows_flagged, replacement_chars, warnings FROM imports',
      ),
      fts: [match('ltd'), match('ооо'), match('cjk : "有限"'), match('description : части*')],
    };
  } finally {
    db.close();
  }
}

describe('reading in a second thread', () => {
  // The CLI runs imports in the job worker; a threshold of 1 byte makes even a sample use the reading thread.
  for (const s of SAMPLE_PRESETS) {
    it(`imports ${s.file} exactly as the single-threaded import does`, async () => {
      const single = await tempCase();
      await must(single.core, 'import.run', { path: join(SAMPLES, s.file), preset: s.preset });
      single.core.session?.close();

      const threaded = join(tempDir(), 'threaded.case');
      expect(custodian(['new', threaded, '--title', 'Test case']).status).toBe(0);
      const run = custodian(['import', threaded, join(SAMPLES, s.file), '--preset', s.preset, '--json'], {
        CUSTODIAN_READ_THREAD_MIN_BYTES: '1',
      });
      expect(run.status, run.stderr).toBe(0);

      const a = contentOf(single.path);
      const b = contentOf(threaded);
      expect(a.records.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    }, 60_000);
  }

  const RU_HEADER = readFileSync(join(SAMPLES, 'ru-customs-2k.csv'), 'utf8').split('\n', 1)[0]!.trim().split(',');
  const plan = (path: string): ReadPlan => ({
    source: openTable(fileFacts(path), {}),
    columns: RU_HEADER,
    mapping: PRESETS['ru-customs']!.mapping,
    importId: 1,
    base: 0,
    hashBytes: true,
  });

  it.runIf(existsSync(WORKER))(
    'hands every batch to the writer in order, with the same content as reading in place',
    async () => {
      const path = join(SAMPLES, 'ru-customs-2k.csv');
      const inPlace: RowBatch[] = [];
      const direct = await readImportRows(plan(path), (b) => void inPlace.push(b));
      const viaThread: RowBatch[] = [];
      const threaded = await readImportRowsInThread(helperStarter(WORKER), plan(path), (b) => void viaThread.push(b));
      expect(threaded).toEqual(direct);
      expect(viaThread.map((b) => [b.firstId, b.lastId, b.rowsRead, b.records.count])).toEqual(
        inPlace.map((b) => [b.firstId, b.lastId, b.rowsRead, b.records.count]),
      );
      expect(viaThread.map((b) => b.records.text)).toEqual(inPlace.map((b) => b.records.text));
    },
  );

  it.runIf(existsSync(WORKER))(
    "stops the reader when the writer fails, and passes on the reader's own errors with their code",
    async () => {
      const big = plan(join(SAMPLES, 'ru-customs-2k.csv'));
      let batches = 0;
      const stopped = readImportRowsInThread(helperStarter(WORKER), big, () => {
        if (++batches === 1) throw new Error('the disk is full');
      });
      await expect(stopped).rejects.toThrow('the disk is full');
      expect(batches).toBe(1);

      const opened = plan(join(SAMPLES, 'ru-customs-2k.csv'));
      const gone = { ...opened, source: { ...opened.source, path: join(tempDir(), 'gone.csv') } };
      const missing = readImportRowsInThread(helperStarter(WORKER), gone, () => {});
      const error = await missing.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CustodianError);
      expect((error as CustodianError).code).not.toBe('internal');
    },
  );
});

describe('record packs', () => {
  it('give back every cell as it was pushed: text in any script, empty text, numbers, nulls, past the first capacity', () => {
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 300; i++)
      rows.push([i, `АО «Улан-Удэ» ${i}`, '', null, -i / 7, '保利科技有限公司', i % 2 ? '{}' : '{"3":"x"}']);
    const packer = new RecordPacker(7, 4);
    for (const r of rows) packer.push(r);
    const pack = packer.finish();
    expect(pack.count).toBe(300);
    const cursor = new PackCursor(structuredClone(pack));
    const back: (string | number | null)[][] = [];
    while (cursor.at < pack.count) {
      cursor.next();
      back.push([...cursor.cells]);
    }
    expect(back).toEqual(rows);
  });
});
