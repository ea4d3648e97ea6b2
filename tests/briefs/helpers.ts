import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { must, REPO, tempCase } from '../helpers/temp';
import { importFtm } from '../screening/ftm-lines';

/** Where the brief tests keep a PNG of one page each, to look at (git-ignored). */
export const BRIEF_PNGS = join(REPO, 'test-output', 'briefs');

export const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The text of a PDF (or of one page) as poppler's pdftotext reads it, in reading order. */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, path, '-'], { encoding: 'utf8' });
}

export function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}

export function pdfInfo(path: string): string {
  return execFileSync('pdfinfo', [path], { encoding: 'utf8' });
}

/** Renders one page to `test-output/briefs/NAME.png` at 100 dpi (look at it). */
export function pagePng(path: string, page: number, name: string): string {
  mkdirSync(BRIEF_PNGS, { recursive: true });
  const base = join(BRIEF_PNGS, name);
  execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', '-f', String(page), '-l', String(page), path, base]);
  return `${base}.png`;
}

/** The files embedded in the PDF, by name, as pdfdetach saves them. */
export function attachments(path: string, dir: string): Record<string, string> {
  const out = join(dir, 'attached');
  mkdirSync(out, { recursive: true });
  execFileSync('pdfdetach', ['-saveall', '-o', out, path]);
  const list = execFileSync('pdfdetach', ['-list', path], { encoding: 'utf8' });
  const names = [...list.matchAll(/^\d+: (.+)$/gm)].map((m) => m[1]!.trim());
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(out, n), 'utf8')]));
}

/** Whitespace folded, so text wrapped over lines still matches. */
export const folded = (s: string) => s.replace(/\s+/g, ' ');

/** The words of one page with their top edge (points from the top), in reading order, as pdftotext -bbox gives them. */
export function pageWords(path: string, page: number): { word: string; top: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
  });
  return [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    word: m[2]!,
    top: Number(m[1]),
  }));
}

/**
 * How many glyphs the PDF's pages draw as .notdef (glyph 0: the box a font draws for a character it lacks).
 * pdftotext cannot see them (a hyphen textkit appended in a font without one extracts as nothing), so the
 * content streams are read: their text is glyph ids, four hex digits each (Identity-H, as react-pdf writes).
 */
export function notdefGlyphs(path: string): number {
  const pdf = readFileSync(path);
  const text = pdf.toString('latin1');
  let count = 0;
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, text.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a Flate stream (an image, an attachment stored as is)
    }
    if (!/\bT[Jj]\b/.test(body)) continue;
    for (const [, hex] of body.matchAll(/<([0-9a-fA-F]+)>/g))
      for (let i = 0; i + 4 <= hex!.length; i += 4) if (hex!.slice(i, i + 4) === '0000') count++;
  }
  return count;
}

/** The sample case in a temporary folder, screened against the OpenSanctions lines, and its hit on the plant (NK-uuaz). */
export async function screenedSample() {
  const { core, dir } = await tempCase();
  await must(core, 'case.openSample', {});
  await importFtm(core, dir);
  await must(core, 'screening.run', {});
  const hit = (await must(core, 'hits.list', { limit: 1000 })).find((h) => h.externalId === 'NK-uuaz');
  if (!hit) throw new Error('screening the sample case found no hit on the plant (NK-uuaz)');
  return { core, dir, hit };
}
