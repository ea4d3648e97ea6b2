/** Which reader a list file is read with, chosen from its name and first line when the format is not given. */
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ListColumnMapping, ListFormat } from '../../../shared/domain/screening';
import { CustodianError } from '../../../shared/result';
import { readFtm } from './readers/ftm';
import type { ListFile, ListItem, ReadProgress } from './readers/list-item';
import { isOfacFileName, ofacFiles, readOfac } from './readers/ofac';
import { readTableList, TARGETS_SIMPLE_COLUMNS, TARGETS_SIMPLE_MAPPING } from './readers/table';

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return (
      buf
        .subarray(0, n)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? ''
    );
  } finally {
    closeSync(fd);
  }
}

export function listFormat(paths: readonly string[]): ListFormat {
  if (paths.every(isOfacFileName)) return 'ofac';
  const path = paths[0]!;
  const ext = extname(path).toLowerCase();
  if (['.json', '.jsonl', '.ndjson'].includes(ext) || firstLine(path).trimStart().startsWith('{')) return 'ftm';
  if (firstLine(path).startsWith(TARGETS_SIMPLE_COLUMNS.slice(0, 4).join(','))) return 'opensanctions-csv';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  throw new CustodianError('invalid_input', `Cannot tell what list ${basename(path)} is; give --format.`);
}

export function listFiles(format: ListFormat, paths: readonly string[]): ListFile[] {
  if (format === 'ofac') return ofacFiles(paths);
  if (paths.length !== 1)
    throw new CustodianError('invalid_input', `A ${format} list is one file; ${paths.length} were given.`);
  return [{ path: paths[0]!, role: 'main' }];
}

export function listItems(
  format: ListFormat,
  files: readonly ListFile[],
  mapping: ListColumnMapping | null,
  read?: ReadProgress,
): AsyncGenerator<ListItem> {
  const path = files[0]!.path;
  if (format === 'ofac') return readOfac(files, read);
  if (format === 'ftm') return readFtm(path, read);
  if (format === 'opensanctions-csv') return readTableList(path, TARGETS_SIMPLE_MAPPING, true, read);
  return readTableList(path, mapping, false, read);
}
