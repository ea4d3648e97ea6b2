/**
 * Fonts for briefs, from the Noto Sans and Noto Sans SC packages in
 * node_modules (nothing is fetched). Fontsource ships each font cut into
 * subsets by Unicode range (Noto Sans SC in about a hundred files), and
 * react-pdf's fontkit reads WOFF; so each subset is registered as a family
 * of its own and a brief uses, in order, only the subsets its text needs:
 * react-pdf then picks per glyph the first family that has it (Latin, then
 * Cyrillic, …, then the Chinese subsets, which also hold arrows and
 * symbols), and embeds only the glyphs used (a subset of a subset).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface FontFace {
  /** The family name it is registered under, e.g. `Noto-cyrillic`, `Noto-sc-97`. */
  family: string;
  /** WOFF files by weight. */
  files: Record<400 | 700, string>;
  ranges: [number, number][];
}

const requireHere = createRequire(
  // The esbuild bundle is CommonJS (has __filename); vitest and tsx provide it too.
  typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'),
);

function packageDir(name: string): string {
  return dirname(requireHere.resolve(`${name}/package.json`));
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b === undefined ? lo : parseInt(b, 16)];
  });
}

/** Every subset a fontsource package's 400.css declares, in the order it lists them. */
function facesOf(pkg: string, prefix: string): FontFace[] {
  const dir = packageDir(pkg);
  const css = readFileSync(join(dir, '400.css'), 'utf8');
  const faces: FontFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+?-400-normal\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const key = file.replace(/-400-normal\.woff$/, '');
    faces.push({
      family: `${prefix}${key.replace(/^noto-sans(-sc)?-/, '')}`,
      files: { 400: join(dir, 'files', file), 700: join(dir, 'files', `${key}-700-normal.woff`) },
      ranges: parseRanges(range),
    });
  }
  return faces;
}

let allFaces: FontFace[] | null = null;

/** Noto Sans's subsets first (Latin before the rest), then Noto Sans SC's. */
export function fontFaces(): FontFace[] {
  if (!allFaces) {
    const latinFirst = (f: FontFace) => (f.family === 'Noto-latin' ? 0 : 1);
    const sans = facesOf('@fontsource/noto-sans', 'Noto-').sort((a, b) => latinFirst(a) - latinFirst(b));
    allFaces = [...sans, ...facesOf('@fontsource/noto-sans-sc', 'Noto-sc-')];
  }
  return allFaces;
}

const covers = (f: FontFace, cp: number) => f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/**
 * The faces the text needs, in fallback order: for each character the first
 * face that has it. Characters no face has (the caller replaces them) are
 * returned apart.
 */
export function facesFor(text: string): { faces: FontFace[]; missing: Set<string> } {
  const faces = fontFaces();
  const used = new Set<FontFace>([faces[0]!]);
  const missing = new Set<string>();
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20) continue;
    const face = faces.find((f) => covers(f, cp));
    if (face) used.add(face);
    else missing.add(ch);
  }
  return { faces: faces.filter((f) => used.has(f)), missing };
}

/**
 * A WOFF 1.0 file as the plain TrueType/OpenType font inside it. fontkit
 * reads WOFF, but inflates a compressed table again on every read of it
 * (each glyph outline read inflated the whole glyf table: most of a brief's
 * render time went to that and its garbage), so the fonts are unpacked once.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const pow = 2 ** Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavor: TrueType or CFF
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(numTables * 16 - pow * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(header, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** A font file as a data: URL of its unpacked font, which react-pdf loads without touching the file system again. */
export const fontDataUrl = (woffPath: string): string =>
  `data:font/ttf;base64,${woffToSfnt(readFileSync(woffPath)).toString('base64')}`;
