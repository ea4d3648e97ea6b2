import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { recordPages } from '../../electron/cli/stream-records';
import type { CustomsRecord } from '../../shared/domain/records';
import { custodian } from '../helpers/cli';
import { must, SAMPLES, tempCase } from '../helpers/temp';

/** A case with the 2,000-row Russian sample imported (a few rows rejected), open in `core`. */
async function importedCase() {
  const { core, path } = await tempCase();
  await must(core, 'import.run', { path: join(SAMPLES, 'ru-customs-2k.csv'), preset: 'ru-customs' });
  return { core, path };
}

async function collect(pages: AsyncIterable<CustomsRecord[]>) {
  const sizes: number[] = [];
  const all: CustomsRecord[] = [];
  for await (const page of pages) {
    sizes.push(page.length);
    all.push(...page);
  }
  return { sizes, all };
}

describe('custodian records --all', () => {
  it('streams every record as JSON lines, as records.list has them, and as one array with --json', async () => {
    const { core, path } = await importedCase();
    const count = await must(core, 'records.count', {});
    const listed = await must(core, 'records.list', { limit: 100_000 });
    expect(count).toBeGreaterThan(1900);
    core.session?.close();

    const jsonl = custodian(['records', path, '--all', '--jsonl']);
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const lines = jsonl.stdout.split('\n');
    expect(lines.pop()).toBe(''); // every line ends with a newline, the last too
    expect(lines).toHaveLength(count);
    const records = lines.map((l) => JSON.parse(l) as CustomsRecord);
    expect(records).toEqual(listed);
    expect(Object.keys(records[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'importId',
        'row',
        'date',
        'shipper',
        'consignee',
        'hsCode',
        'description',
        'valueUsd',
        'flags',
      ]),
    );

    const array = custodian(['records', path, '--all', '--json']);
    expect(array.status, array.stderr).toBe(0);
    expect(array.json<CustomsRecord[]>()).toEqual(listed);

    // A limit above what one records.list call returns is paged rather than refused.
    const big = custodian(['records', path, '--limit', '200000', '--offset', '10', '--json']);
    expect(big.status, big.stderr).toBe(0);
    expect(big.json<CustomsRecord[]>()).toEqual(listed.slice(10));

    const nothing = custodian(['records', path, '--all', '--json', '--query', 'zzzqqqxxx']);
    expect(nothing.json()).toEqual([]);
    expect(custodian(['records', path, '--all', '--limit', '5']).status).toBe(2);
  }, 60_000);

  it('pages by id after the last record, or by offset in another order, to the same records', async () => {
    const { core } = await importedCase();
    const listed = await must(core, 'records.list', { limit: 100_000 });

    const everything = await collect(recordPages(core, {}, { limit: Infinity, offset: 0, pageSize: 300 }));
    expect(everything.all).toEqual(listed);
    expect(everything.sizes.slice(0, -1).every((n) => n === 300)).toBe(true);

    const slice = await collect(recordPages(core, {}, { limit: 1000, offset: 7, pageSize: 300 }));
    expect(slice.all).toEqual(listed.slice(7, 1007));

    const newestFirst = await collect(recordPages(core, { desc: true }, { limit: Infinity, offset: 0, pageSize: 300 }));
    expect(newestFirst.all).toEqual([...listed].reverse());

    const byValue = await must(core, 'records.list', { limit: 100_000, sort: 'valueUsd', desc: true });
    const sorted = await collect(
      recordPages(core, { sort: 'valueUsd', desc: true }, { limit: Infinity, offset: 0, pageSize: 300 }),
    );
    expect(sorted.all).toEqual(byValue);

    const flagged = await collect(recordPages(core, { flagged: true }, { limit: Infinity, offset: 0, pageSize: 5 }));
    expect(flagged.all).toHaveLength(await must(core, 'records.count', { flagged: true }));
    expect(flagged.sizes.length).toBeGreaterThan(1);

    // Keyset paging is in id order only.
    const refused = await call(core, 'records.list', { sort: 'date', afterId: 10 });
    expect(refused.ok || refused.error.code).toBe('invalid_input');
    core.session?.close();
  }, 60_000);
});
