/**
 * Writes small PDFs by hand (PDF is text: objects, a cross-reference table
 * with byte offsets, a trailer), so tests control exactly what a file holds:
 * Latin, Cyrillic (WinAnsi + /Differences with Adobe glyph names) or Chinese
 * text (a predefined CMap, which pdf.js can only read with its cmap files),
 * and hostile extras (JavaScript, a launch action).
 */
export interface PdfOptions {
  /** Lines of text per page. */
  pages: string[][];
  script?: 'latin' | 'cyrillic' | 'chinese';
  /** JavaScript run on open, in the catalog and the document's name tree. */
  javascript?: string;
  /** A launch action (run a program) on open and on a link. */
  launch?: string;
  title?: string;
}

const CYRILLIC = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const FULL_UPPER = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';

/** Windows-1251 code → Adobe glyph name, for the letters of Russian. */
function cyrillicDifferences(): string {
  const names: string[] = [];
  for (let i = 0; i < 32; i++) {
    const upper = CYRILLIC[i]!;
    names.push(`${0xc0 + i} /afii${10017 + FULL_UPPER.indexOf(upper)}`);
    names.push(`${0xe0 + i} /afii${10065 + FULL_UPPER.indexOf(upper)}`);
  }
  names.push(`${0xa8} /afii10023`, `${0xb8} /afii10071`);
  return names.join(' ');
}

function encodeCyrillic(s: string): string {
  const bytes = [...s].map((c) => {
    const up = CYRILLIC.indexOf(c);
    if (up >= 0) return 0xc0 + up;
    const low = CYRILLIC.toLowerCase().indexOf(c);
    if (low >= 0) return 0xe0 + low;
    if (c === 'Ё') return 0xa8;
    if (c === 'ё') return 0xb8;
    const code = c.charCodeAt(0);
    return code < 128 ? code : 0x3f;
  });
  return `<${Buffer.from(bytes).toString('hex')}>`;
}

const encodeLatin = (s: string) => `<${Buffer.from(s, 'latin1').toString('hex')}>`;
const encodeUcs2 = (s: string) => `<${Buffer.from(s, 'utf16le').swap16().toString('hex')}>`;
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, '\\$&')})`;

export function makePdf(o: PdfOptions): Buffer {
  const script = o.script ?? 'latin';
  const objects: string[] = []; // objects[i] is object number i + 1
  const add = (body: string) => objects.push(body);
  const pageCount = o.pages.length;
  // 1 catalog, 2 pages, 3 font, 4 descendant font (chinese) or filler, 5 info; then page/content pairs.
  const firstPage = 6;
  const kids = o.pages.map((_, i) => `${firstPage + i * 2} 0 R`).join(' ');
  const js = o.javascript ? `/JS ${pdfString(o.javascript)}` : '';
  const openAction = o.javascript
    ? `/OpenAction << /S /JavaScript ${js} >> /Names << /JavaScript << /Names [(init) << /S /JavaScript ${js} >>] >> >>`
    : o.launch
      ? `/OpenAction << /S /Launch /F ${pdfString(o.launch)} /Win << /F (cmd.exe) /P (/c calc) >> >>`
      : '';
  add(`<< /Type /Catalog /Pages 2 0 R ${openAction} >>`);
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`);
  if (script === 'chinese') {
    add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
    add(
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> ' +
        '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> /DW 1000 >>',
    );
  } else {
    const encoding =
      script === 'cyrillic'
        ? `<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${cyrillicDifferences()}] >>`
        : '/WinAnsiEncoding';
    // Widths, so that text tools do not take letters for overlapping duplicates.
    add(
      `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding ${encoding} /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(556).join(' ')}] >>`,
    );
    add('<< >>');
  }
  add(`<< /Title ${pdfString(o.title ?? 'Test document')} /Producer (Custodian tests) >>`);
  const encode = script === 'chinese' ? encodeUcs2 : script === 'cyrillic' ? encodeCyrillic : encodeLatin;
  o.pages.forEach((lines, i) => {
    const annots = o.launch
      ? `/Annots [<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /Launch /F ${pdfString(o.launch)} >> >>]`
      : '';
    const aa = o.javascript ? `/AA << /O << /S /JavaScript ${js} >> >>` : '';
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${firstPage + i * 2 + 1} 0 R ${annots} ${aa} >>`,
    );
    const ops = lines.map((line, j) => `BT /F1 11 Tf 72 ${740 - j * 14} Td ${encode(line)} Tj ET`).join('\n');
    add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
  });
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Filler prose for big documents: varied words, so that search has something to rank. */
export function fillerLines(seed: number, lines: number): string[] {
  const words =
    'customs declaration shipment helicopter rotor blade radio navigation apparatus engine turbojet warranty contract consignee shipper producer invoice value currency export import port airport rail freight aviation plant holding corporation subsidiary sanction list program entity'.split(
      ' ',
    );
  let x = seed * 2654435761 + 1;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  return Array.from({ length: lines }, () => Array.from({ length: 9 }, () => words[next() % words.length]).join(' '));
}
