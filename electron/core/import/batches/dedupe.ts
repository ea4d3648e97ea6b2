/**
 * Remembers rows by a 64-bit hash of their text (two 32-bit FNV-style
 * hashes) in typed arrays: a million rows cost ~24 MB instead of keeping
 * every row's text. A hash hit is only a candidate; the caller confirms it
 * against the stored row, so a collision can never drop a row.
 */
export class RowHashes {
  private cap = 1 << 16;
  private size = 0;
  private h1 = new Int32Array(this.cap);
  private h2 = new Int32Array(this.cap);
  private rows = new Int32Array(this.cap);

  /** The earlier row with the same hash, or 0. */
  find(a: number, b: number): number {
    const mask = this.cap - 1;
    for (let i = (a ^ (b >>> 7)) & mask; ; i = (i + 1) & mask) {
      const r = this.rows[i]!;
      if (r === 0) return 0;
      if (this.h1[i] === a && this.h2[i] === b) return r;
    }
  }

  add(a: number, b: number, row: number): void {
    if ((this.size + 1) * 10 > this.cap * 7) this.grow();
    this.insert(a, b, row);
    this.size++;
  }

  private insert(a: number, b: number, row: number): void {
    const mask = this.cap - 1;
    let i = (a ^ (b >>> 7)) & mask;
    while (this.rows[i] !== 0) i = (i + 1) & mask;
    this.h1[i] = a;
    this.h2[i] = b;
    this.rows[i] = row;
  }

  private grow(): void {
    const { h1, h2, rows } = this;
    this.cap *= 2;
    this.h1 = new Int32Array(this.cap);
    this.h2 = new Int32Array(this.cap);
    this.rows = new Int32Array(this.cap);
    for (let i = 0; i < rows.length; i++) if (rows[i] !== 0) this.insert(h1[i]!, h2[i]!, rows[i]!);
  }
}

/** The two halves of a row's hash, written here to avoid an allocation per row. */
export const HASH = new Int32Array(2);

export function hashText(s: string, start: number, end: number): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 | 0;
  // Two UTF-16 units per step: this runs over every character of the file.
  let i = start;
  for (; i + 1 < end; i += 2) {
    const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ c, 16777619);
    b = (Math.imul(b, 31) + c) | 0;
  }
  if (i < end) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = (Math.imul(b, 31) + c) | 0;
  }
  HASH[0] = a;
  HASH[1] = b ^ (end - start);
}
