import type { WriteDb } from './types';

/**
 * A multi-row INSERT fed a row at a time: millions of single-row calls cost
 * more than the writing, so rows go `batch` to a statement. The caller
 * pushes a row's `width` values onto `values`, then calls `added()`; the
 * rows left over go in at `flush()`. `sql(rows)` is the statement for that
 * many rows (valuesSql builds its VALUES list).
 */
export function batchInserter(
  db: WriteDb,
  sql: (rows: number) => string,
  width: number,
  batch: number,
): { values: unknown[]; added(): void; flush(): void } {
  const many = db.prepare(sql(batch));
  const values: unknown[] = [];
  return {
    values,
    added() {
      if (values.length === batch * width) {
        many.run(values);
        values.length = 0;
      }
    },
    flush() {
      if (values.length) db.prepare(sql(values.length / width)).run(values);
      values.length = 0;
    },
  };
}

/** `(?, ?, …), (?, ?, …), …`: `rows` groups of `width` parameters. */
export const valuesSql = (rows: number, width: number): string =>
  Array(rows)
    .fill(`(${Array(width).fill('?').join(', ')})`)
    .join(', ');
