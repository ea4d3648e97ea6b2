import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefVersion, RenderedBrief } from '../../shared/domain/briefs';
import { must, tempCase } from '../helpers/temp';
import { folded, pagePng, pdfPages, pdfText, sha256 } from './helpers';

describe('a composed brief', () => {
  it('breaks its tables of 200 cited rows between rows with the header repeated, marks removed sources, and shows markup as text', async () => {
    const { core, dir } = await tempCase();
    await must(core, 'case.openSample', {});
    const [diagram] = await must(core, 'diagrams.list', {});
    const view = await must(core, 'diagrams.get', { id: diagram!.id });
    const records = await must(core, 'records.list', { limit: 200 });
    expect(records).toHaveLength(200);
    const doc = (await must(core, 'documents.list', {}))[0]!;
    const page = await must(core, 'documents.page', { id: doc.id, page: 1 });
    const quote = /[A-Z][^.]{30,120}\./.exec(page.text.replace(/\s+/g, ' '))![0];
    const excerpt = await must(core, 'excerpts.create', { documentId: doc.id, page: 1, quote });
    // A node label and texts holding markup and control characters.
    const label = '<b>Bold & "quoted"</b>\u0007 Ltd';
    const node = view.nodes.find((n) => n.kind === 'entity')!;
    await must(core, 'diagrams.apply', { id: diagram!.id, ops: [{ op: 'updateNode', id: node.id, label }] });
    const ids = records.map((r) => r.id);
    const saved = (await must(core, 'briefs.save', {
      content: {
        title: 'Brief <script>alert(1)</script> & co',
        author: 'A. Investigator',
        summary: 'Summary with <i>markup</i>\u0001 and a bell\u0007.',
        findings: [
          {
            text: 'First 70 rows.',
            citations: [
              { kind: 'records', ids: ids.slice(0, 70) },
              { kind: 'diagram', id: diagram!.id },
            ],
          },
          {
            text: 'Next 70 rows, and the article.',
            citations: [
              { kind: 'records', ids: ids.slice(70, 140) },
              { kind: 'excerpt', id: excerpt.id },
            ],
          },
          { text: 'Last 60 rows.', citations: [{ kind: 'records', ids: ids.slice(140) }] },
        ],
        diagrams: [],
      },
    })) as BriefVersion;
    const again = (await must(core, 'briefs.save', { id: saved.id, content: saved.content })) as BriefVersion;
    expect(again.version).toBe(saved.version); // nothing changed: no new version

    const out = join(dir, 'composed.pdf');
    const first = (await must(core, 'briefs.render', { id: saved.id, out })) as RenderedBrief;
    const pages = pdfPages(out);
    const pageTexts = [...Array(pages).keys()].map((i) => pdfText(out, i + 1));
    const pageOf = (needle: string) => pageTexts.findIndex((t) => folded(t).includes(needle));
    let tablePages = 0;
    for (const r of records) {
      const p = pageOf(`ru-customs-2k.csv, row ${r.row}`);
      expect(p, `row ${r.row}`).toBeGreaterThanOrEqual(0);
      // The row is whole on that page: the last word of its goods description is there too.
      const last = (r.description ?? '')
        .split(/\s+/)
        .filter((w) => w.length >= 3 && !/[\uFFFD\u0000-\u001F]/.test(w))
        .pop();
      if (last) expect(folded(pageTexts[p]!), `row ${r.row} split`).toContain(last);
    }
    for (const t of pageTexts) {
      if (!/ru-customs-2k\.csv, row \d+/.test(t)) continue;
      tablePages++;
      expect(t).toContain('Source file, row'); // the header, on every page a table runs onto
    }
    expect(tablePages).toBeGreaterThan(3);
    pageTexts.forEach((t, i) => expect(t).toContain(`page ${i + 1} of ${pages}`));
    const all = folded(pageTexts.join('\n'));
    expect(all).toContain('Brief <script>alert(1)</script> & co');
    expect(all).toContain('Summary with <i>markup</i>\uFFFD and a bell\uFFFD.');
    expect(all).toContain('<b>Bold & "quoted"</b>\uFFFD Ltd'.slice(0, 20));
    expect(all).not.toMatch(/[\u0001\u0007]/);
    expect(all).toContain(folded(quote));
    pagePng(out, pageOf(`row ${records[100]!.row}`) + 1, 'composed-brief-table');

    // Evidence deleted later: the same version renders, marking it removed.
    await must(core, 'excerpts.delete', { id: excerpt.id });
    core.session!.db.prepare('DELETE FROM records WHERE id = ?').run(ids[5]);
    const later = join(dir, 'later.pdf');
    const second = (await must(core, 'briefs.render', { id: saved.id, out: later })) as RenderedBrief;
    expect(second.version).toBe(first.version);
    expect(second.sha256).not.toBe(first.sha256);
    const text = folded(pdfText(later));
    expect(text).toContain(`[source removed] (record ${ids[5]})`);
    expect(text).toContain(`[source removed]`);
    expect(text).not.toContain(folded(quote));
    expect(sha256(later)).toBe(second.sha256);
    pagePng(later, 1, 'composed-brief-title');
    core.session?.close();
  }, 240_000);
});
