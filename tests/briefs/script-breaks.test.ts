/**
 * Lines in a brief break at spaces, never where a word changes font: each
 * fontsource subset is a family of its own, so in `АРТ.` the letters come
 * from the Cyrillic subset and the full stop from the Latin one, and
 * react-pdf took that change of font for a hyphenation point — it broke
 * there and appended a hyphen from the Cyrillic subset, which has none (a
 * box), with the full stop opening the next line (electron/core/briefs/pdf/load.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefData, CitedRecord } from '../../electron/core/briefs/brief-data';
import { facesFor } from '../../electron/core/briefs/fonts';
import { renderBriefPdf } from '../../electron/core/briefs/pdf/render-pdf';
import { folded, notdefGlyphs, pagePng, pdfText } from './helpers';

/** Descriptions whose lines (in the 22 % goods column) fell at a Cyrillic word's end, before its punctuation. */
const DESCRIPTIONS = [
  'ИГРУШКИ: АРТ. KX073X',
  'ДЕТСКИЕ ИГРУШКИ: АРТ. KX073X',
  'ИГРУШКИ ПЛАСТИКОВЫЕ: АРТ. KX073X, АРТ. KX074X',
  'МАШИНЫ, УКАЗАННЫЕ В ПОЗИЦИИ 8471 (ЧАСТИ)',
  'ВЫЧИСЛИТЕЛЬНЫЕ МАШИНЫ, УКАЗАННЫЕ В ПОЗИЦИИ 8471',
  'ЗАПЧАСТИ ДЛЯ ВЕРТОЛЁТОВ МИ-8, АРТ.КХ-0731/Б; ДЕТАЛИ',
  'ДЕТАЛИ ДВИГАТЕЛЕЙ ТВ3-117 (КОМПЛЕКТ), ПОДШИПНИКИ; УПЛОТНЕНИЯ.',
];

/** The words of a page in the column between two header words (above the footer), top to bottom, as pdftotext -bbox reads them. */
function columnWords(pdf: string, page: number, from: string, to: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', `${page}`, '-l', `${page}`, pdf, '-'], {
    encoding: 'utf8',
  });
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    word: m[3]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  }));
  const left = words.find((w) => w.word === from)!.x;
  const right = words.find((w) => w.word === to)!.x;
  const footer = words.find((w) => w.word === 'Generated')!.y;
  return words
    .filter((w) => w.x >= left - 0.5 && w.x < right - 0.5 && w.y < footer)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((w) => w.word);
}

function brief(rows: CitedRecord[]): BriefData {
  return {
    caseTitle: 'Line breaks',
    appVersion: '0.0.0-test',
    briefId: 1,
    version: 1,
    generatedAt: '2026-12-05T08:00:00.000Z',
    date: '2026-12-05',
    title: 'Cyrillic descriptions',
    author: '',
    summary: 'Descriptions in Cyrillic with Latin punctuation.',
    diagrams: [],
    findings: [{ text: 'Shipments.', refs: [1], blocks: [{ n: 1, kind: 'records', label: 'Shipments', rows }] }],
    sources: [],
    seal: null,
  };
}

/**
 * One unspaced Chinese run, far wider than the goods column, whose characters come from several of Noto
 * Sans SC's subsets (so the run changes font inside itself), with Latin and full-width punctuation in it.
 */
const LONG_HAN =
  '保利科技有限公司向乌兰乌德航空工厂出口米171直升机旋翼叶片、尾桨减速器及机载无线电通信设备（含备件），经满洲里口岸转运至布里亚特共和国';

function row(id: number, description: string): CitedRecord {
  return {
    id,
    date: '2024-03-01',
    shipper: 'ООО «Ромашка»',
    consignee: 'Poly Technologies',
    hsCode: '9503',
    description,
    valueUsd: 1000 + id,
    fileName: 'shipments.csv',
    sha256: 'a'.repeat(64),
    row: id + 1,
  };
}

describe('lines in a brief', () => {
  it('break Cyrillic descriptions at spaces, with no box, hyphen or punctuation opening a line', async () => {
    const rows: CitedRecord[] = DESCRIPTIONS.map((description, i) => row(i + 1, description));
    const { bytes } = await renderBriefPdf(brief(rows));
    const pdf = join(mkdtempSync(join(tmpdir(), 'brief-breaks-')), 'brief.pdf');
    writeFileSync(pdf, bytes);
    pagePng(pdf, 3, 'script-breaks');
    const page = pdfText(pdf, 3);
    expect(page).not.toContain('\uFFFD');
    expect(page).not.toContain('□');

    // The goods column read top to bottom is the descriptions as written: no word split
    // from its punctuation onto the next line, no hyphen put in.
    const goods = columnWords(pdf, 3, 'HS', 'Value');
    expect(goods.filter((w) => /^[.,:;)/-]/.test(w))).toEqual([]);
    expect(goods.join(' ')).toBe(['HS code · goods', ...DESCRIPTIONS.map((d) => `9503 · ${d}`)].join(' '));
    expect(folded(page)).toContain('АРТ. KX073X');
    // Still reproducible: the same data renders to the same bytes.
    expect((await renderBriefPdf(brief(rows))).bytes.equals(bytes)).toBe(true);
  }, 120_000);

  it('wrap a long unspaced Chinese run between its characters, with no box or hyphen where its font changes', async () => {
    const sc = facesFor(LONG_HAN).faces.filter((f) => f.family.startsWith('Noto-sc-'));
    expect(sc.length).toBeGreaterThan(2); // the run does change font inside itself
    const { bytes } = await renderBriefPdf(brief([row(1, LONG_HAN), row(2, `${LONG_HAN.slice(0, 30)}-B7`)]));
    const pdf = join(mkdtempSync(join(tmpdir(), 'brief-han-')), 'brief.pdf');
    writeFileSync(pdf, bytes);
    pagePng(pdf, 3, 'script-breaks-han');
    const page = pdfText(pdf, 3);
    expect(page).not.toContain('\uFFFD');
    expect(page).not.toContain('\u25A1');
    expect(notdefGlyphs(pdf)).toBe(0); // no box drawn (a hyphen in a font that has none), which pdftotext would not show
    // The column, line by line, is the two descriptions as written: wrapped (several lines), nothing put in.
    const goods = columnWords(pdf, 3, 'HS', 'Value').slice(4); // after "HS code · goods"
    expect(goods.length).toBeGreaterThan(6);
    expect(goods.join('')).toBe(`9503·${LONG_HAN}9503·${LONG_HAN.slice(0, 30)}-B7`);
    expect(goods.join('').match(/-/g)).toEqual(['-']); // the one written, before B7
    // No line opens with closing punctuation or ends with opening punctuation.
    expect(goods.filter((w) => /^[，、）]/.test(w) || /（$/.test(w))).toEqual([]);
  }, 120_000);
});
