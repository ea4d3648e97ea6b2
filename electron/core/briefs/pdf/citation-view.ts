/**
 * One numbered citation as the PDF draws it under the finding that first
 * cites it: a table of records (a set, or the rows of a saved filter with
 * the filter in words), a quote with its document and page, a link, a
 * diagram, or a screening hit with its list, programs and listing date.
 * Evidence deleted since it was cited is drawn in red as "[source removed]".
 */
import type { ReactElement } from 'react';
import type { CitationBlock, CitedRecord } from '../brief-data';
import type { PdfLib } from './load';
import { RECORD_COLUMNS, table } from './tables';

const RED = '#b91c1c';
const INK = '#111827';
const GREY = '#4b5563';

export function citationView(lib: PdfLib, b: CitationBlock): ReactElement {
  const { h, R, text } = lib;
  const tag = text({ style: { fontWeight: 700 } }, `[${b.n}] `);
  const missing = 'missing' in b && b.missing === true;
  const plain = (words: string) => text({ key: b.n, style: { marginTop: 4, color: missing ? RED : INK } }, tag, words);
  /** Cited records (a set, or a saved filter's rows) as a table under its caption; removed rows in red. */
  const recordTable = (rows: CitedRecord[], caption: ReactElement) =>
    h(
      R.View,
      { key: b.n, style: { marginTop: 4 } },
      table(lib, RECORD_COLUMNS, rows, (r) => r.missing === true, caption),
    );
  switch (b.kind) {
    case 'records':
      return recordTable(b.rows, text({ style: { marginBottom: 4 } }, tag, b.label));
    case 'filter': {
      const shown = b.rows.length < b.total ? ` The first ${b.rows.length} are listed.` : '';
      return recordTable(
        b.rows,
        h(
          R.View,
          { style: { marginBottom: 4 } },
          text(null, tag, b.label === b.words ? 'Saved filter' : `Saved filter “${b.label}”`),
          text(
            { style: { marginLeft: 12, color: GREY } },
            `${b.words}: ${b.total} record${b.total === 1 ? '' : 's'} in the case when this brief was rendered.${shown}`,
          ),
        ),
      );
    }
    case 'excerpt':
      return h(
        R.View,
        // Kept on one page unless too long for one.
        { key: b.n, style: { marginTop: 4 }, wrap: b.quote.length > 1500 },
        text(null, tag, b.missing ? `Excerpt ${b.id}: ` : `${b.document} (${b.fileName}), page ${b.page}:`),
        text(
          { style: { marginLeft: 12, paddingLeft: 6, borderLeft: '2pt solid #d97706', color: b.missing ? RED : INK } },
          b.missing ? b.quote : `“${b.quote}”`,
        ),
        b.note ? text({ style: { marginLeft: 18, color: GREY, fontSize: 8.5 } }, `Note: ${b.note}`) : null,
      );
    case 'link':
      return plain(`Link: ${b.text}`);
    case 'diagram':
      return plain(`Diagram: ${b.name}${b.missing ? ` (diagram ${b.id})` : ' (drawn above)'}`);
    case 'hit':
      if (b.missing) return plain(`Screening hit ${b.id}: ${b.entity}`);
      return h(
        R.View,
        { key: b.n, style: { marginTop: 4 }, wrap: false },
        text(null, tag, `Screening hit: ${b.entity} — ${b.entry}`),
        text(
          { style: { marginLeft: 12, color: GREY } },
          [
            `List: ${b.list} (version of ${b.asOf}), entry ${b.externalId}`,
            `Program${b.programs.length === 1 ? '' : 's'}: ${b.programs.join(', ') || 'none given'}`,
            `Listed on: ${b.listedOn ?? 'not given by the list'}`,
            `Match score ${b.score.toFixed(2)}, review: ${b.status}`,
          ].join(' · '),
        ),
      );
  }
}
