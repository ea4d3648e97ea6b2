import { statSync } from 'node:fs';
import { CustodianError } from '../../shared/result';

/**
 * The size of a file the person picked, with one clear sentence when it is
 * missing, not a file, or empty (`purpose` finishes "there is nothing to …").
 */
export function nonEmptyFileSize(path: string, purpose: 'import' | 'add'): number {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new CustodianError('not_found', `${path} does not exist or is not a file.`);
  }
  if (size === 0) throw new CustodianError('empty_file', `${path} is empty: there is nothing to ${purpose}.`);
  return size;
}
