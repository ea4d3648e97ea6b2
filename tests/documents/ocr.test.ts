import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { callToEnd } from '../../electron/core/dispatch';
import { ocrAvailable } from '../../electron/core/documents/ocr';
import type { CoreContext } from '../../electron/core/context';
import { must, startJob, tempCase } from '../helpers/temp';
import { makePdf } from './make-pdf';

const hasOcr = ocrAvailable();
if (!hasOcr)
  console.warn('\n*** OCR TESTS SKIPPED: no tesseract binary (apt-get install tesseract-ocr tesseract-ocr-rus) ***\n');

/** Renders a text PDF's first page to a grey image (what a scanner would give). */
function scan(dir: string, lines: string[], script: 'latin' | 'cyrillic' = 'latin'): { png: string; pgm: Buffer } {
  const pdf = join(dir, 'source.pdf');
  writeFileSync(pdf, makePdf({ pages: [lines], script }));
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-f', '1', '-l', '1', pdf, join(dir, 'scan')]);
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', '1', pdf, join(dir, 'raw')]);
  const png = join(
    dir,
    readdirSync(dir).find((f) => f.startsWith('scan') && f.endsWith('.png'))!,
  );
  const pgm = readFileSync(
    join(
      dir,
      readdirSync(dir).find((f) => f.startsWith('raw') && f.endsWith('.pgm'))!,
    ),
  );
  return { png, pgm };
}

/** A PDF whose only page is an image: no text layer, like a scanned letter. */
function imageOnlyPdf(pgm: Buffer): Buffer {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 50).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = deflateSync(pgm.subarray(header[0].length));
  const parts: (string | Buffer)[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (p: string | Buffer) => {
    parts.push(p);
    length += Buffer.byteLength(p as string);
  };
  const obj = (n: number, body: string | Buffer[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of Array.isArray(body) ? body : [body]) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.7\n');
  const draw = `q 612 0 0 792 0 0 cm /Im1 Do Q`;
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(
    3,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
  );
  obj(4, `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
  obj(5, [
    Buffer.from(
      `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
    ),
    pixels,
    Buffer.from('\nendstream'),
  ]);
  const xref = length;
  push(
    `xref\n0 6\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
}

async function ocr(core: CoreContext, id: number) {
  const started = await startJob(core, 'documents.ocr', { id });
  for (;;) {
    const s = await must(core, 'jobs.get', { jobId: started.jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(hasOcr)('OCR with tesseract, where it is installed', () => {
  it('marks an image and a scanned PDF "no text", then OCRs them in the background and makes them searchable', async () => {
    const { core, dir } = await tempCase();
    const { png, pgm } = scan(dir, ['ULAN-UDE AVIATION PLANT', 'HELICOPTER ROTOR BLADES'], 'latin');
    const scanned = join(dir, 'scanned.pdf');
    writeFileSync(scanned, imageOnlyPdf(pgm));
    const [image, pdf] = await must(core, 'documents.add', { paths: [png, scanned] });
    expect([image!.textStatus, pdf!.textStatus]).toEqual(['no_text', 'no_text']);
    expect(await must(core, 'documents.search', { query: 'helicopter' })).toEqual([]);
    for (const d of [image!, pdf!]) {
      const end = await ocr(core, d.documentId);
      expect(end.state, end.message).toBe('done');
      expect((await must(core, 'documents.get', { id: d.documentId })).textStatus).toBe('ocr');
      expect((await must(core, 'documents.page', { id: d.documentId, page: 1 })).source).toBe('ocr');
    }
    const hits = await must(core, 'documents.search', { query: 'helicopter rotor' });
    expect(hits.map((h) => h.id).sort()).toEqual([image!.documentId, pdf!.documentId]);
  });

  it('reads Russian when the rus data is installed, and refuses OCR of a document that has text', async () => {
    const { core, dir } = await tempCase();
    const { png } = scan(dir, ['УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД'], 'cyrillic');
    const txt = join(dir, 'a.txt');
    writeFileSync(txt, 'has text');
    const [image, text] = await must(core, 'documents.add', { paths: [png, txt] });
    const refused = await callToEnd(core, 'documents.ocr', { id: text!.documentId });
    expect(!refused.ok && refused.error.code).toBe('has_text');
    if (!execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).includes('rus')) return;
    expect((await ocr(core, image!.documentId)).state).toBe('done');
    const hits = await must(core, 'documents.search', { query: 'авиационный завод' });
    expect(hits.map((h) => h.id)).toEqual([image!.documentId]);
  });
});
