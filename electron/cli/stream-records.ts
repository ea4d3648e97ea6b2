import type { CustomsRecord } from '../../shared/domain/records';
import type { CoreContext } from '../core/context';
import { humanLine } from './print';
import { unwrap } from './unwrap';

/** Records per `records.list` call: a page is built in memory, the whole listing never is. */
export const RECORD_PAGE = 10_000;

/** The `records.list` input without the paging (filters, sort). */
export type RecordQuery = Record<string, unknown> & { sort?: unknown };

/**
 * The records a query selects, from `offset` on, at most `limit` (Infinity: all), one page at a time
 * through `records.list` as any transport calls it. In record order each page starts after the last
 * id the previous one ended on (keyset), so paging through a million records reads each once; with
 * another sort the pages go by offset, slower on a big case but as flat in memory.
 */
export async function* recordPages(
  core: CoreContext,
  query: RecordQuery,
  { limit, offset, pageSize = RECORD_PAGE }: { limit: number; offset: number; pageSize?: number },
): AsyncGenerator<CustomsRecord[]> {
  const byId = query.sort === undefined || query.sort === 'row';
  let left = limit;
  let skip = offset;
  let afterId: number | undefined;
  while (left > 0) {
    const size = Math.min(pageSize, left);
    const page = (await unwrap(core, 'records.list', {
      ...query,
      limit: size,
      offset: skip,
      afterId,
    })) as CustomsRecord[];
    if (page.length > 0) yield page;
    if (page.length < size) return;
    left -= page.length;
    if (byId) {
      afterId = page[page.length - 1]!.id;
      skip = 0;
    } else skip += page.length;
  }
}

/**
 * Writes to stdout no faster than the reader takes it (waits for 'drain'), so that pages do not pile
 * up in memory ahead of a slow pipe; `write` says false once the reader has gone (`… | head`).
 */
function stdoutWriter() {
  const out = process.stdout;
  let failed: NodeJS.ErrnoException | null = null;
  // Left attached: an EPIPE can still arrive after the last write, and unheard it would crash the process.
  out.on('error', (e: NodeJS.ErrnoException) => (failed ??= e));
  return {
    async write(text: string): Promise<boolean> {
      if (!failed && !out.write(text)) {
        await new Promise<void>((done) => {
          const finish = () => {
            out.off('drain', finish);
            out.off('error', finish);
            done();
          };
          out.once('drain', finish);
          out.once('error', finish);
        });
      }
      return !failed;
    },
    /** A write error other than the reader going away. */
    error: (): Error | null => (failed && failed.code !== 'EPIPE' ? failed : null),
  };
}

export type RecordsFormat = 'jsonl' | 'json' | 'human';

/**
 * Prints the records page by page as they are read: `jsonl` one JSON record per line, `json` one
 * array (a record per line inside it), `human` the plain lines `printHuman` writes.
 */
export async function streamRecords(
  core: CoreContext,
  query: RecordQuery,
  paging: { limit: number; offset: number },
  format: RecordsFormat,
): Promise<void> {
  const out = stdoutWriter();
  const line = format === 'human' ? humanLine : (r: CustomsRecord) => JSON.stringify(r);
  const json = format === 'json';
  let count = 0;
  let reading = true;
  for await (const page of recordPages(core, query, paging)) {
    const text = page.map(line).join(json ? ',\n' : '\n');
    // The array opens with the first page (an error before it prints nothing); commas go between records.
    reading = await out.write(json ? `${count === 0 ? '[\n' : ',\n'}${text}` : `${text}\n`);
    count += page.length;
    if (!reading) break;
  }
  if (reading && json) await out.write(count === 0 ? '[]\n' : '\n]\n');
  if (reading && format === 'human' && count === 0) await out.write('(none)\n');
  const failed = out.error();
  if (failed) throw failed;
}
