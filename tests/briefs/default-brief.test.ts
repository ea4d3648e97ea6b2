import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chplTierKey } from '../../shared/diagrams/chpl-colours';
import { ANNOTATION_MARK } from '../../shared/diagrams/svg-text';
import type { RenderedBrief } from '../../shared/domain/briefs';
import { must, tempCase } from '../helpers/temp';
import { attachments, folded, pagePng, pdfInfo, pdfPages, pdfText, sha256 } from './helpers';

const CYRILLIC_OR_HAN = /[\u0400-\u04FF\u4E00-\u9FFF]/;

describe('the default brief of the sample case’s diagram', () => {
  it('cites every record, excerpt and source it rests on, draws the diagram as text, and renders the same bytes twice', async () => {
    const { core, dir } = await tempCase();
    await must(core, 'case.openSample', {});
    const [diagram] = await must(core, 'diagrams.list', {});
    const view = await must(core, 'diagrams.get', { id: diagram!.id });
    // An excerpt of the article the diagram shows, as an investigator would cut one.
    const articleNode = view.nodes.find((n) => n.kind === 'document')!;
    const page = await must(core, 'documents.page', { id: articleNode.ref!, page: 1 });
    const sentence = /[A-Z][^.]{40,160}\./.exec(page.text.replace(/\s+/g, ' '))![0];
    const excerpt = await must(core, 'excerpts.create', { documentId: articleNode.ref!, page: 1, quote: sentence });

    // A note on the plant's node: drawn under it with its mark, which the embedded fonts must have.
    const plant = view.nodes.find((n) => n.kind === 'entity' && /Ulan/i.test(n.label))!;
    const noted = 'Rostec subsidiary since 2018';
    await must(core, 'diagrams.apply', {
      id: diagram!.id,
      ops: [{ op: 'annotate', target: 'node', targetId: plant.id, text: noted }],
    });

    const out = join(dir, 'brief.pdf');
    const rendered = (await must(core, 'briefs.render', { diagrams: [diagram!.id], out })) as RenderedBrief;
    expect(rendered.sha256).toBe(sha256(out));
    const text = pdfText(out);
    const flat = folded(text);

    expect(flat).toContain(folded(diagram!.name)); // the title
    // Entity names as stored, in Latin and in Cyrillic or Chinese.
    const entities = view.nodes.filter((n) => n.kind === 'entity');
    const names = (await Promise.all(entities.map((n) => must(core, 'entities.get', { id: n.ref! })))).flatMap((e) =>
      e.names.map((x) => x.name),
    );
    const latin = names.filter((n) => /^[\x20-\x7E]+$/.test(n));
    const other = names.filter((n) => CYRILLIC_OR_HAN.test(n));
    expect(latin.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    for (const n of [...latin, ...other]) expect(flat).toContain(folded(n));
    // Each cited record: its source file and row.
    const imports = await must(core, 'imports.list', {});
    const recordIds = view.edges.flatMap((e) => e.recordIds ?? []);
    expect(recordIds.length).toBeGreaterThan(5);
    for (const id of recordIds) {
      const { record } = await must(core, 'records.get', { id });
      const file = imports.find((i) => i.id === record.importId)!.fileName;
      expect(flat).toContain(`${file}, row ${record.row}`);
    }
    expect(flat).toContain(folded(excerpt.quote));
    for (const s of [...imports, ...(await must(core, 'documents.list', {}))]) expect(text).toContain(s.sha256);

    // The diagram page: its node labels are text on that page.
    const pages = pdfPages(out);
    const diagramPage = [...Array(pages).keys()].map((i) => i + 1).find((p) => pdfText(out, p).includes('Diagram:'))!;
    const onDiagram = folded(pdfText(out, diagramPage));
    for (const n of entities) expect(onDiagram).toContain(folded(n.label).slice(0, 12));
    expect(onDiagram).toContain(`${ANNOTATION_MARK} ${noted}`);
    // The CHPL colours: each tier the shipment edges are drawn in is named, in the drawing's legend and in the key.
    const drawn = view.edges.filter((e) => e.kind === 'shipment' && !e.missing && !e.filteredOut);
    const tiers = chplTierKey(drawn.map((e) => e.chplTier));
    expect(tiers.length).toBeGreaterThan(0);
    expect(onDiagram).toContain('Colour by CHPL tier:');
    for (const k of tiers) {
      expect(onDiagram).toContain(`tier ${k.tiers.join(' / ')}`);
      expect(onDiagram).toContain(`${k.label}: most urgent goods on`);
    }
    for (const e of drawn.filter((x) => x.chplTier && !x.label)) expect(onDiagram).toContain(`· CHPL ${e.chplTier}`);
    expect(rendered.pages).toBe(pages);
    for (let p = 1; p <= pages; p++) expect(pdfText(out, p)).toContain(`page ${p} of ${pages}`);
    pagePng(out, diagramPage, 'default-brief-diagram');

    const info = pdfInfo(out);
    expect(info).toMatch(new RegExp(`Title:\\s+${diagram!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(info).toMatch(/Subject:\s+Evidence brief/);
    // The cited rows and the sources' hashes travel inside the PDF.
    const files = attachments(out, dir);
    expect(Object.keys(files).sort()).toEqual(['cited-records.csv', 'sources-manifest.json']);
    expect(files['cited-records.csv']!.trim().split('\r\n')).toHaveLength(new Set(recordIds).size + 1);
    expect(files['sources-manifest.json']).toContain(imports[0]!.sha256);

    // Reproducible: the same version, rendered again, is the same bytes; the audit log has the hash.
    const again = (await must(core, 'briefs.render', {
      diagrams: [diagram!.id],
      out: join(dir, 'again.pdf'),
    })) as RenderedBrief;
    expect(again.version).toBe(rendered.version);
    expect(sha256(join(dir, 'again.pdf'))).toBe(rendered.sha256);
    const audit = await must(core, 'audit.list', { limit: 10 });
    expect(audit.filter((a) => a.action === 'briefs.render').map((a) => (a.detail as RenderedBrief).sha256)).toEqual([
      rendered.sha256,
      rendered.sha256,
    ]);
    core.session?.close();
  }, 120_000);
});
