import chardet from 'chardet';
import { CustodianError } from '../../../../shared/result';

export interface EncodingGuess {
  /** A WHATWG label TextDecoder understands. */
  encoding: string;
  /** 0..1; 1 for a byte-order mark or valid UTF-8. */
  confidence: number;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * Guesses a text file's encoding from its first bytes: a BOM decides;
 * bytes that are valid UTF-8 are UTF-8 (legacy single-byte text almost
 * never is); otherwise chardet's statistical guess, limited to the
 * encodings customs files come in.
 */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', confidence: 1, bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', confidence: 1, bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', confidence: 1, bomLength: 2 };
  const utf16 = utf16WithoutBom(head) ?? utf16ByPlausibility(head);
  if (utf16) return { encoding: utf16, confidence: 0.8, bomLength: 0 };
  if (isUtf8(head)) return { encoding: 'utf-8', confidence: 1, bomLength: 0 };
  const candidates = chardet.analyse(head);
  for (const c of candidates) {
    const label = CHARDET_TO_WHATWG[c.name];
    if (label) return { encoding: label, confidence: Math.min(1, c.confidence / 100), bomLength: 0 };
  }
  return { encoding: 'windows-1252', confidence: 0.1, bomLength: 0 };
}

const CHARDET_TO_WHATWG: Record<string, string> = {
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'ISO-8859-9': 'windows-1254',
  'windows-1254': 'windows-1254',
};

/** UTF-16 text without a BOM shows as every other byte zero in ASCII-heavy text. */
function utf16WithoutBom(head: Uint8Array): string | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 of non-Latin text (Cyrillic: 1E 04 1F 04 …) has no zero bytes but
 * is full of control bytes no text file has; when many low bytes show up,
 * decode both ways and keep the one that reads as letters, digits and
 * punctuation.
 */
function utf16ByPlausibility(head: Uint8Array): string | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return null;
  let control = 0;
  for (let i = 0; i < n; i++) if (head[i]! < 9) control++;
  if (control < n * 0.1) return null;
  let best: string | null = null;
  let bestShare = 0.9;
  for (const enc of ['utf-16le', 'utf-16be']) {
    const text = new TextDecoder(enc).decode(head.subarray(0, n));
    const good = text.match(/[\p{L}\p{N}\p{P}\p{Zs}\r\n\t]/gu)?.length ?? 0;
    if (good / text.length > bestShare) {
      best = enc;
      bestShare = good / text.length;
    }
  }
  return best;
}

/** True when the bytes are valid UTF-8, allowing a sequence cut off at the end of the sample. */
export function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Back off an incomplete trailing sequence (the sample ends mid-character).
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = bytes[end - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > k) end -= k;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** A streaming decoder for the label, or a clear error when the label is unknown. */
export function makeDecoder(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding, { ignoreBOM: true });
  } catch {
    throw new CustodianError(
      'invalid_input',
      `Unknown encoding ${encoding}; use a label such as utf-8, windows-1251, gb18030 or utf-16le.`,
    );
  }
}

/** Counts U+FFFD in decoded text: each one is a byte sequence the encoding could not read. */
export function countReplacements(text: string): number {
  let n = 0;
  let i = text.indexOf('\uFFFD');
  while (i !== -1) {
    n++;
    i = text.indexOf('\uFFFD', i + 1);
  }
  return n;
}

/** NUL bytes outside UTF-16 mean a binary file (an image, an archive, a database). */
export function looksBinary(head: Uint8Array, encoding: string): boolean {
  if (encoding.startsWith('utf-16')) return false;
  return head.subarray(0, 8192).includes(0);
}

export interface TextDecoding {
  /** The encoding's WHATWG name (a chosen label such as latin1 becomes windows-1252). */
  encoding: string;
  /** 1 when the person chose the encoding. */
  confidence: number;
  /** Bytes of a byte-order mark to skip at the start (0 when the encoding was chosen). */
  bomLength: number;
}

/**
 * How a text file (CSV, JSON lines) is decoded: the chosen encoding or the
 * detected one; a binary file is refused before anything is read.
 */
export function textDecoding(path: string, head: Uint8Array, chosen: string | undefined): TextDecoding {
  const guess = detectEncoding(head);
  const encoding = chosen ?? guess.encoding;
  if (looksBinary(head, encoding))
    throw new CustodianError('binary_file', `${path} is a binary file, not a table of records.`);
  return {
    encoding: makeDecoder(encoding).encoding,
    confidence: chosen ? 1 : guess.confidence,
    bomLength: chosen ? 0 : guess.bomLength,
  };
}
