import { closeSync, openSync, readSync } from 'node:fs';
import { CustodianError } from '../../../../shared/result';

/** Beyond these an XLSX is refused before any of it is inflated. */
const MAX_ENTRIES = 10_000;
const MAX_TOTAL_UNCOMPRESSED = 2 * 1024 ** 3;
const MAX_RATIO = 150;
const RATIO_CHECK_ABOVE = 32 * 1024 ** 2;

/**
 * Reads a zip's central directory (without inflating anything) and refuses
 * a zip bomb: too many entries, more than 2 GiB of content, or a large entry
 * that inflates far beyond what spreadsheet XML does (~10–30×).
 */
export function assertSafeZip(path: string, size: number): void {
  const fd = openSync(path, 'r');
  try {
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw new CustodianError('invalid_input', `${path} is not a readable XLSX file (its zip directory is missing).`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || cdOffset === 0xffffffff)
      throw bomb(path, 'it uses zip64 sizes, beyond any spreadsheet Custodian reads');
    if (entries > MAX_ENTRIES) throw bomb(path, `it holds ${entries} files`);
    if (cdOffset + cdSize > size)
      throw new CustodianError('invalid_input', `${path} is not a readable XLSX file (its zip directory is damaged).`);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    let total = 0;
    for (let p = 0, n = 0; n < entries; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) {
        throw new CustodianError(
          'invalid_input',
          `${path} is not a readable XLSX file (its zip directory is damaged).`,
        );
      }
      const compressed = cd.readUInt32LE(p + 20);
      const uncompressed = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      if (uncompressed === 0xffffffff) throw bomb(path, 'an entry uses zip64 sizes');
      total += uncompressed;
      if (uncompressed > RATIO_CHECK_ABOVE && uncompressed > compressed * MAX_RATIO) {
        throw bomb(
          path,
          `${cd.toString('utf8', p + 46, p + 46 + nameLen)} inflates ${Math.round(uncompressed / Math.max(1, compressed))}×`,
        );
      }
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    if (total > MAX_TOTAL_UNCOMPRESSED) throw bomb(path, `it would inflate to ${Math.round(total / 1024 ** 2)} MB`);
  } finally {
    closeSync(fd);
  }
}

const bomb = (path: string, why: string) =>
  new CustodianError('unsafe_file', `${path} was refused as a possible zip bomb: ${why}.`);
