import { version as APP_VERSION } from '../../../package.json';
import { citationKey, type BriefVersion, type Citation } from '../../../shared/domain/briefs';
import { diagramToSvg } from '../../../shared/diagrams/svg';
import { getMeta } from '../db/case-meta';
import { listDocuments, getDocument } from '../db/documents';
import { getEntityNames } from '../db/entity-names';
import { getExcerpt } from '../db/excerpts';
import { getImport, listImports } from '../db/imports';
import { getRecord } from '../db/records';
import type { ReadDb } from '../db/types';
import { getDiagram } from '../db/diagrams';
import { linkState, linkView } from '../diagrams/link-ops';
import { liveEntities } from '../diagrams/live-entities';
import { diagramView } from '../diagrams/view';
import { getLink } from '../db/links';
import { linkTypeWords } from './citation-lines';
import { briefSeal, diagramKey, filterBlock, hitBlock } from './gather-more';
import { type BriefData, type BriefDiagram, type CitationBlock, type CitedRecord } from './brief-data';

const REMOVED = '[source removed]';

/** Looks up what a brief version cites, as the case holds it now. */
export function gatherBrief(db: ReadDb, brief: BriefVersion): BriefData {
  const imports = new Map<number, { fileName: string; sha256: string }>();
  const importOf = (id: number) => {
    if (!imports.has(id)) {
      const i = getImport(db, id);
      imports.set(id, { fileName: i?.fileName ?? REMOVED, sha256: i?.sha256 ?? '' });
    }
    return imports.get(id)!;
  };
  const citedShas = new Set<string>();
  const live = liveEntities(db);

  const record = (id: number): CitedRecord => {
    const found = getRecord(db, id);
    if (!found) {
      const none = { date: null, shipper: null, consignee: null, hsCode: null, description: null, valueUsd: null };
      return { id, missing: true, ...none, fileName: REMOVED, sha256: '', row: null };
    }
    const r = found.record;
    const source = importOf(r.importId);
    citedShas.add(source.sha256);
    return {
      id,
      date: r.date,
      shipper: r.shipper,
      consignee: r.consignee,
      hsCode: r.hsCode,
      description: r.description,
      valueUsd: r.valueUsd,
      ...source,
      row: r.row,
    };
  };

  const block = (c: Citation, n: number): CitationBlock => {
    switch (c.kind) {
      case 'records':
        return {
          n,
          kind: 'records',
          label: c.label ?? `${c.ids.length} customs record${c.ids.length === 1 ? '' : 's'}`,
          rows: c.ids.map(record),
        };
      case 'excerpt': {
        const e = getExcerpt(db, c.id);
        const doc = e ? getDocument(db, e.documentId) : null;
        if (!e || !doc)
          return {
            n,
            kind: 'excerpt',
            id: c.id,
            missing: true,
            quote: REMOVED,
            page: 0,
            document: '',
            fileName: '',
            sha256: '',
            note: '',
          };
        citedShas.add(doc.sha256);
        const { quote, page, note } = e;
        return {
          n,
          kind: 'excerpt',
          id: c.id,
          quote,
          page,
          note,
          document: doc.title,
          fileName: doc.fileName,
          sha256: doc.sha256,
        };
      }
      case 'link': {
        if (!getLink(db, c.id)) return { n, kind: 'link', id: c.id, missing: true, text: REMOVED };
        const l = linkView(db, linkState(db, c.id), live);
        const name = (id: number) => live(id)?.name ?? REMOVED;
        const text = `${name(l.sourceEntity)} — ${linkTypeWords(l)} — ${name(l.targetEntity)} (${l.grade})${l.note ? `: ${l.note}` : ''}`;
        return { n, kind: 'link', id: c.id, text };
      }
      case 'diagram': {
        const d = getDiagram(db, c.id);
        return d
          ? { n, kind: 'diagram', id: c.id, name: d.name }
          : { n, kind: 'diagram', id: c.id, missing: true, name: REMOVED };
      }
      case 'hit':
        return hitBlock(db, c.id, n);
      case 'filter':
        return filterBlock(db, c.filter, c.label, n, record);
    }
  };

  const numbers = new Map<string, number>();
  const findings = brief.content.findings.map((f) => {
    const blocks: CitationBlock[] = [];
    const refs = f.citations.map((c) => {
      const key = citationKey(c);
      if (!numbers.has(key)) {
        numbers.set(key, numbers.size + 1);
        blocks.push(block(c, numbers.size));
      }
      return numbers.get(key)!;
    });
    return { text: f.text, refs: [...new Set(refs)], blocks };
  });

  const diagramIds = [
    ...new Set([
      ...brief.content.diagrams,
      ...brief.content.findings.flatMap((f) => f.citations.flatMap((c) => (c.kind === 'diagram' ? [c.id] : []))),
    ]),
  ];
  const diagrams = diagramIds.map((id) => drawDiagram(db, id));

  const sources = [
    ...listImports(db)
      .filter((i) => i.status === 'done')
      .map((i) => ({
        kind: 'customs file' as const,
        name: i.fileName,
        detail: `import ${i.id}, ${i.rowsImported} rows`,
        sha256: i.sha256,
        cited: citedShas.has(i.sha256),
      })),
    ...listDocuments(db).map((d) => ({
      kind: 'document' as const,
      name: d.fileName,
      detail: `${d.title}, ${d.pages} page${d.pages === 1 ? '' : 's'}`,
      sha256: d.sha256,
      cited: citedShas.has(d.sha256),
    })),
  ];

  return {
    caseTitle: getMeta(db, 'title') ?? '',
    appVersion: APP_VERSION,
    briefId: brief.id,
    version: brief.version,
    generatedAt: brief.savedAt,
    date: brief.content.date ?? brief.savedAt.slice(0, 10),
    title: brief.content.title,
    author: brief.content.author,
    summary: brief.content.summary,
    diagrams,
    findings,
    sources,
    seal: briefSeal(db),
  };
}

function drawDiagram(db: ReadDb, id: number): BriefDiagram {
  if (!getDiagram(db, id)) return { id, name: REMOVED, svg: null, entities: [], key: [] };
  const view = diagramView(db, id);
  const entities = view.nodes
    .filter((n) => n.kind === 'entity')
    .map((n) => ({
      label: n.label,
      names: n.missing || n.ref === null ? [] : getEntityNames(db, n.ref).map((x) => x.name),
      country: n.country ?? null,
      ...(n.missing ? { missing: true as const } : {}),
    }));
  return { id, name: view.name, svg: diagramToSvg(view), entities, key: diagramKey(db, view) };
}
