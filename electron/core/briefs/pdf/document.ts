/**
 * The brief as a react-pdf document: a title page, the summary, each
 * diagram on a landscape page of its own (vector, from the SVG export) with
 * the names of its entities and a key of what it draws, the findings with
 * their numbered citations (citation-view.ts), and an appendix of every
 * source with its SHA-256 and the case's seal. Every page carries the case and brief title, the
 * version's time, the app version and "page N of M".
 */
import type { DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { printedTime, type BriefData } from '../brief-data';
import type { PdfLib } from './load';
import { svgToPdf } from './svg-to-pdf';
import { citationView } from './citation-view';
import { diagramKeyView } from './diagram-key-view';
import { SOURCE_COLUMNS, table } from './tables';

const MARGIN = 40;

export function briefDocument(lib: PdfLib, data: BriefData, fontFamily: string[]): ReactElement<DocumentProps> {
  const { h, R, text } = lib;
  const generated = printedTime(data.generatedAt);
  const at = new Date(data.generatedAt);
  const pageStyle = {
    fontFamily,
    fontSize: 9.5,
    color: '#111827',
    paddingTop: MARGIN + 14,
    paddingBottom: MARGIN + 10,
    paddingHorizontal: MARGIN,
  };
  const edge = { position: 'absolute' as const, left: MARGIN, right: MARGIN, fontSize: 7.5, color: '#4b5563' };
  const frame = () => [
    text({ key: 'head', fixed: true, style: { ...edge, top: 22 } }, `${data.caseTitle} — ${data.title}`),
    // One line, drawn per page (react-pdf fills in the page numbers once the pages are laid out;
    // a lineHeight on the page would make it draw nothing).
    text({
      key: 'foot',
      fixed: true,
      style: { ...edge, bottom: 22 },
      render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
        `Generated ${generated} · brief ${data.briefId}, version ${data.version} · Custodian ${data.appVersion} · page ${pageNumber} of ${totalPages}`,
    }),
  ];
  const heading = (words: string, size = 14) =>
    text(
      {
        style: { fontSize: size, lineHeight: 1.25, fontWeight: 700, marginTop: 10, marginBottom: 4 },
        minPresenceAhead: 40,
      },
      words,
    );
  const para = (words: string, style: Record<string, unknown> = {}) =>
    words.split(/\n{2,}/).map((p, i) => text({ key: i, style: { marginBottom: 4, lineHeight: 1.35, ...style } }, p));

  const titlePage = h(
    R.Page,
    { size: 'A4', style: pageStyle },
    ...frame(),
    h(
      R.View,
      { style: { marginTop: 160 } },
      text({ style: { fontSize: 24, lineHeight: 1.25, fontWeight: 700, marginBottom: 14 } }, data.title),
      text({ style: { fontSize: 12, marginBottom: 4 } }, `Case: ${data.caseTitle}`),
      data.author ? text({ style: { fontSize: 12, marginBottom: 4 } }, `Author: ${data.author}`) : null,
      text({ style: { fontSize: 12, marginBottom: 4 } }, `Date: ${data.date}`),
      text(
        { style: { fontSize: 10, color: '#4b5563' } },
        `Brief ${data.briefId}, version ${data.version}, saved ${generated}`,
      ),
      text(
        { style: { fontSize: 10, color: '#4b5563', marginTop: 16 } },
        `${data.findings.length} finding${data.findings.length === 1 ? '' : 's'}, ${data.diagrams.length} diagram${data.diagrams.length === 1 ? '' : 's'}, ${data.sources.length} source${data.sources.length === 1 ? '' : 's'} listed with their SHA-256 in the appendix. The cited rows (CSV) and a manifest of the sources' hashes are attached to this PDF.`,
      ),
    ),
  );

  const diagramPages = data.diagrams.map((d, i) =>
    h(
      R.Page,
      { key: `d${i}`, size: 'A4', orientation: 'landscape', style: pageStyle },
      ...frame(),
      heading(`Diagram: ${d.name}`),
      d.svg
        ? svgToPdf(lib, d.svg, { maxWidth: 842 - 2 * MARGIN, maxHeight: 595 - 2 * MARGIN - 100 }, fontFamily)
        : text({ style: { color: '#b91c1c' } }, `[source removed] (diagram ${d.id})`),
      d.key.length ? diagramKeyView(lib, d.key) : null,
      d.entities.length ? heading('Entities on the diagram', 11) : null,
      ...d.entities.map((e, k) =>
        text(
          { key: k, style: { fontSize: 8.5, marginBottom: 2 } },
          `${e.label}${e.country ? ` (${e.country})` : ''}${e.missing ? ' [source removed]' : ''}${e.names.length ? ` — known as: ${e.names.join('; ')}` : ''}`,
        ),
      ),
    ),
  );

  const summaryPage = h(
    R.Page,
    { size: 'A4', style: pageStyle },
    ...frame(),
    heading('Summary'),
    ...para(data.summary || '(no summary)'),
  );

  const body = h(
    R.Page,
    { size: 'A4', style: pageStyle },
    ...frame(),
    heading('Findings'),
    ...data.findings.map((f, i) =>
      h(
        R.View,
        { key: i, style: { marginBottom: 8 } },
        text(
          { style: { fontWeight: 700, marginTop: 6 }, minPresenceAhead: 30 },
          `Finding ${i + 1}. `,
          text({ style: { fontWeight: 400 } }, `${f.text} ${f.refs.map((n) => `[${n}]`).join('')}`),
        ),
        ...f.blocks.map((b) => citationView(lib, b)),
      ),
    ),
    h(R.View, { break: true }, heading('Appendix: sources and their SHA-256')),
    text(
      { style: { fontSize: 8.5, color: '#4b5563', marginBottom: 4 } },
      'Every customs file and document in the case; "cited" marks those this brief cites. Check a file by computing its SHA-256 (e.g. sha256sum) and comparing.',
    ),
    table(lib, SOURCE_COLUMNS, data.sources),
    heading('The case seal', 11),
    ...(data.seal
      ? [
          text(null, `Sealed ${printedTime(data.seal.sealedAt)} by ${data.seal.sealedBy}.`),
          text({ style: { fontSize: 8.5 } }, `Digest: ${data.seal.digest}`),
          text({ style: { fontSize: 8.5 } }, `Signer's key fingerprint: ${data.seal.signer}`),
          text(
            { style: { fontSize: 8.5, color: '#4b5563' } },
            'custodian verify on the case file checks that it is what was sealed.',
          ),
        ]
      : [text(null, 'Not sealed: this brief was made from a working case file, which carries no seal.')]),
  );

  return h(
    R.Document,
    {
      title: data.title,
      author: data.author || undefined,
      subject: `Evidence brief from the case “${data.caseTitle}” (brief ${data.briefId}, version ${data.version})`,
      creator: `Custodian ${data.appVersion}`,
      producer: `Custodian ${data.appVersion}`,
      creationDate: at,
      modificationDate: at,
      language: 'en',
    },
    titlePage,
    summaryPage,
    ...diagramPages,
    body,
  );
}
