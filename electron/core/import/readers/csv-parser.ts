/**
 * A streaming RFC 4180 parser written for speed on million-row files (the
 * import budget is a small multiple of the sqlite3 shell's own `.import`).
 * Text arrives in decoded chunks; complete records are handed out with the
 * source text range they span, so the caller can hash or quote a row's
 * raw text without copying it. A record cut by the chunk end waits for the
 * next chunk. Quoted fields may hold the delimiter, doubled quotes and line
 * breaks (a multi-line record is one record). Relaxed where files are
 * sloppy: a quote inside an unquoted field is literal, and text after a
 * closing quote is kept.
 */
export type CsvEmit = (fields: string[], src: string, start: number, end: number, problem: string | null) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvParser {
  private rest = '';
  private readonly delim: number;

  constructor(delimiter: string) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Parses what was left plus `text`; `final` on the last call (the end of the file). */
  push(text: string, final: boolean, emit: CsvEmit): void {
    const s = this.rest.length ? this.rest + text : text;
    const n = s.length;
    const delim = this.delim;
    const delimText = String.fromCharCode(delim);
    // Where the next delimiter, LF and CR are (n: none): each found by indexOf, which scans
    // far faster than a loop over characters, and reused until the parse passes it.
    let nextDelim = -1;
    let nextLf = -1;
    let nextCr = -1;
    /** The end of an unquoted field starting at `from`: the next delimiter or line break, or n. */
    const fieldEnd = (from: number): number => {
      if (nextDelim < from) nextDelim = indexOrEnd(s, delimText, from);
      if (nextLf < from) nextLf = indexOrEnd(s, '\n', from);
      if (nextCr < from) nextCr = indexOrEnd(s, '\r', from);
      return Math.min(nextDelim, nextLf, nextCr);
    };
    let i = 0;
    while (i < n) {
      const recStart = i;
      const fields: string[] = [];
      let problem: string | null = null;
      let recEnd = -1;
      for (;;) {
        if (i < n && s.charCodeAt(i) === QUOTE) {
          let val = '';
          let seg = i + 1;
          let j = seg;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q === -1 || (q + 1 >= n && !final)) {
              if (!final) {
                this.rest = s.slice(recStart);
                return;
              }
              if (q === -1) {
                val += s.slice(seg);
                problem = 'a quoted field is never closed';
                i = n;
              } else {
                val += s.slice(seg, q);
                i = q + 1;
              }
              break;
            }
            if (s.charCodeAt(q + 1) === QUOTE) {
              val += s.slice(seg, q + 1);
              j = q + 2;
              seg = j;
              continue;
            }
            val += s.slice(seg, q);
            i = q + 1;
            break;
          }
          const k = fieldEnd(i);
          if (k > i) val += s.slice(i, k);
          i = k;
          fields.push(val);
        } else {
          const k = fieldEnd(i);
          fields.push(s.slice(i, k));
          i = k;
        }
        if (i >= n) {
          if (!final) {
            this.rest = s.slice(recStart);
            return;
          }
          recEnd = n;
          break;
        }
        const c = s.charCodeAt(i);
        if (c === delim) {
          i++;
          continue;
        }
        recEnd = i;
        if (c === CR) {
          if (i + 1 >= n && !final) {
            this.rest = s.slice(recStart);
            return;
          }
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        break;
      }
      emit(fields, s, recStart, recEnd, problem);
    }
    this.rest = '';
  }
}

function indexOrEnd(s: string, what: string, from: number): number {
  const at = s.indexOf(what, from);
  return at < 0 ? s.length : at;
}
