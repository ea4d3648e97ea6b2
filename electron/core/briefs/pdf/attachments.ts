/**
 * Evidence that travels with the brief, as files embedded in the PDF: the
 * cited rows as CSV and a manifest of the cited sources' hashes, so that a
 * reader without Custodian can check them.
 */
import type { BriefData } from '../brief-data';

export interface Attachment {
  name: string;
  type: string;
  description: string;
  data: Buffer;
}

/** A CSV cell, quoted; a leading = + - @ (a spreadsheet formula) is neutralised with a quote mark. */
function cell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function attachmentsOf(data: BriefData): Attachment[] {
  const header = [
    'citation',
    'record_id',
    'source_file',
    'source_sha256',
    'row',
    'date',
    'shipper',
    'consignee',
    'hs_code',
    'description',
    'value_usd',
    'status',
  ];
  const lines = [header.join(',')];
  for (const f of data.findings)
    for (const b of f.blocks)
      if (b.kind === 'records' || b.kind === 'filter')
        for (const r of b.rows)
          lines.push(
            [
              b.n,
              r.id,
              r.fileName,
              r.sha256,
              r.row,
              r.date,
              r.shipper,
              r.consignee,
              r.hsCode,
              r.description,
              r.valueUsd,
              r.missing ? 'source removed' : 'ok',
            ]
              .map(cell)
              .join(','),
          );
  const cited = data.sources.filter((s) => s.cited).map(({ kind, name, sha256 }) => ({ kind, name, sha256 }));
  const manifest = {
    brief: data.briefId,
    version: data.version,
    generatedAt: data.generatedAt,
    case: data.caseTitle,
    citedSources: cited,
    excerpts: data.findings.flatMap((f) =>
      f.blocks.flatMap((b) =>
        b.kind === 'excerpt' && !b.missing
          ? [{ citation: b.n, fileName: b.fileName, sha256: b.sha256, page: b.page, quote: b.quote }]
          : [],
      ),
    ),
    screeningHits: data.findings.flatMap((f) =>
      f.blocks.flatMap((b) =>
        b.kind === 'hit' && !b.missing
          ? [
              {
                citation: b.n,
                list: b.list,
                asOf: b.asOf,
                entry: b.entry,
                externalId: b.externalId,
                programs: b.programs,
              },
            ]
          : [],
      ),
    ),
    seal: data.seal,
  };
  return [
    {
      name: 'cited-records.csv',
      type: 'text/csv',
      description: 'The customs rows this brief cites',
      data: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
    },
    {
      name: 'sources-manifest.json',
      type: 'application/json',
      description: "The cited sources' SHA-256",
      data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    },
  ];
}
