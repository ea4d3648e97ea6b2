// Screening hits and saved Records filters as citations, the case seal in the appendix, and tables that never
// leave their header alone at a page foot.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefVersion, RenderedBrief } from '../../shared/domain/briefs';
import { must, tempCase } from '../helpers/temp';
import { attachments, folded, pagePng, pageWords, pdfPages, pdfText, screenedSample, sha256 } from './helpers';

describe('a brief citing hits, filters and a sealed case', () => {
  it('prints a hit with its list, program and listing date, a filter in words with its count and rows, and the seal', async () => {
    const { core, dir, hit } = await screenedSample();
    const filter = { chplTier: 'any' as const, dateFrom: '2023-01-01', dateTo: '2023-06-30' };
    const total = await must(core, 'records.count', filter);
    expect(total).toBeGreaterThan(0);
    const rows = await must(core, 'records.list', { ...filter, limit: 500 });
    const saved = (await must(core, 'briefs.save', {
      content: {
        title: 'Hits and filters',
        author: 'A. Investigator',
        date: '2026-11-30',
        summary: 'The plant is listed.',
        findings: [
          { text: 'The consignee is on the SDN list.', citations: [{ kind: 'hit', id: hit.id }] },
          { text: 'CHPL goods in the first half of 2023.', citations: [{ kind: 'filter', filter }] },
        ],
        diagrams: [],
      },
    })) as BriefVersion;
    expect(saved.content.date).toBe('2026-11-30');
    const out = join(dir, 'hits.pdf');
    const first = (await must(core, 'briefs.render', { id: saved.id, out })) as RenderedBrief;
    const text = folded(pdfText(out));
    expect(text).toContain('Date: 2026-11-30');
    expect(text).toContain(`Screening hit: ${hit.entityName} — ${hit.entryName}`);
    expect(text).toContain('List: OFAC SDN (OpenSanctions) (version of 2024-03-01), entry NK-uuaz');
    expect(text).toContain('Program: RUSSIA-EO14024');
    expect(text).toContain('Listed on: 2022-06-28');
    expect(text).toContain(
      `Customs records dated 2023-01-01 to 2023-06-30, goods on the CHPL: ${total} record${total === 1 ? '' : 's'} in the case`,
    );
    for (const r of rows) expect(text, `row ${r.row}`).toContain(`ru-customs-2k.csv, row ${r.row}`);
    expect(text).toContain('Not sealed');
    const csv = attachments(out, dir)['cited-records.csv']!;
    expect(csv.trim().split('\r\n')).toHaveLength(1 + rows.length);
    const hitPage = [...Array(pdfPages(out)).keys()].find((i) => pdfText(out, i + 1).includes('Screening hit:'))!;
    pagePng(out, hitPage + 1, 'hits-and-filters');

    const again = (await must(core, 'briefs.render', { id: saved.id, out: join(dir, 'again.pdf') })) as RenderedBrief;
    expect(again.sha256).toBe(first.sha256);
    expect(sha256(join(dir, 'again.pdf'))).toBe(first.sha256);

    // A sealed copy of the case prints its seal: digest, the signer's fingerprint, when.
    const sealedPath = join(dir, 'sealed.case');
    const sealed = await must(core, 'exchange.export', { path: sealedPath });
    await must(core, 'case.open', { path: sealedPath });
    const sealedOut = join(dir, 'sealed.pdf');
    await must(core, 'briefs.render', { id: saved.id, out: sealedOut });
    const sealedText = folded(pdfText(sealedOut));
    expect(sealedText).toContain(`Digest: ${sealed.digest}`);
    expect(sealedText).toContain(`Signer's key fingerprint: ${sealed.fingerprint}`);
    expect(sealedText).toMatch(/Sealed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by /);
    expect(sealedText).not.toContain('Not sealed');
  }, 240_000);

  it('never leaves a table header as the last thing on a page', async () => {
    const { core, dir } = await tempCase();
    await must(core, 'case.openSample', {});
    const ids = (await must(core, 'records.list', { limit: 120 })).map((r) => r.id);
    // Forty small tables after texts of varied lengths: their headers land at every height of the page.
    const findings = Array.from({ length: 40 }, (_, i) => ({
      text: `Finding about shipments ${i}. ${'The goods were declared under a different code. '.repeat(1 + ((i * 7) % 9))}`,
      citations: [{ kind: 'records' as const, ids: ids.slice(i * 3, i * 3 + 3) }],
    }));
    const saved = (await must(core, 'briefs.save', {
      content: { title: 'Many tables', author: '', summary: '', findings, diagrams: [] },
    })) as BriefVersion;
    const out = join(dir, 'tables.pdf');
    await must(core, 'briefs.render', { id: saved.id, out });
    const pages = pdfPages(out);
    let headers = 0;
    for (let p = 1; p <= pages; p++) {
      const words = pageWords(out, p);
      // A header row holds "Source file, row"; a table row ends "…csv, row N".
      const headerTops = words
        .filter((w, i) => w.word === 'Source' && words[i + 1]?.word === 'file,')
        .map((w) => w.top);
      if (headerTops.length === 0) continue;
      headers += headerTops.length;
      const lastHeader = Math.max(...headerTops);
      const rowBelow = words.some(
        (w, i) => w.word === 'row' && /^\d+$/.test(words[i + 1]?.word ?? '') && w.top > lastHeader,
      );
      if (!rowBelow) pagePng(out, p, 'orphaned-header'); // to look at
      expect(rowBelow, `page ${p} ends with a table header and no row under it`).toBe(true);
    }
    expect(headers).toBeGreaterThan(3);
  }, 240_000);
});
