import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

const FLUSH_BYTES = 1 << 20;

/**
 * Writes a file through `fill`, which appends text with `put`: into
 * `<path>.part` beside it, a megabyte at a time, renamed to `path` only at
 * the end, so a failed or cancelled export (fill throws) leaves no half file
 * and memory stays flat however many rows go out. Returns the absolute path
 * and what fill returned.
 */
export function writeBeside<R>(path: string, fill: (put: (text: string) => void) => R): { file: string; result: R } {
  const file = resolve(path);
  const part = `${file}.part`;
  const fd = openSync(part, 'w');
  let buffer = '';
  const flush = () => {
    if (buffer) writeSync(fd, buffer);
    buffer = '';
  };
  try {
    const result = fill((text) => {
      buffer += text;
      if (buffer.length >= FLUSH_BYTES) flush();
    });
    flush();
    closeSync(fd);
    renameSync(part, file);
    return { file, result };
  } catch (e) {
    closeSync(fd);
    rmSync(part, { force: true });
    throw e;
  }
}
