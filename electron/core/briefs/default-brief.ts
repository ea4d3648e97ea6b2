/**
 * The default brief of one or more diagrams (`custodian brief --diagram`):
 * what the diagrams show, stated as findings that cite what they rest on —
 * each shipment edge its records, each link its link and evidence, the
 * excerpts shown on the diagram or taken from the documents on it.
 */
import type { BriefContent, Citation, Finding } from '../../../shared/domain/briefs';
import { formatUsd } from '../../../shared/diagrams/svg-text';
import type { DiagramView } from '../../../shared/domain/diagrams';
import { listExcerpts } from '../db/excerpts';
import type { ReadDb } from '../db/types';
import { diagramView } from '../diagrams/view';

/** A shipment edge's records cited at most (the earliest first); the finding says how many there are. */
export const MAX_RECORDS_PER_EDGE = 200;

function diagramFindings(db: ReadDb, view: DiagramView): Finding[] {
  const label = new Map(view.nodes.map((n) => [n.id, n.label]));
  const findings: Finding[] = [];
  const diagram: Citation = { kind: 'diagram', id: view.id };
  for (const e of view.edges) {
    if (e.missing) continue;
    const from = label.get(e.source) ?? '?';
    const to = label.get(e.target) ?? '?';
    if (e.kind === 'shipment' && e.recordIds?.length) {
      const ids = e.recordIds.slice(0, MAX_RECORDS_PER_EDGE);
      const count = e.count ?? e.recordIds.length;
      const cited = ids.length < count ? ` (the first ${ids.length} are cited)` : '';
      const chapters = e.hsChapters?.length ? `, HS chapters ${e.hsChapters.join(', ')}` : '';
      findings.push({
        text: `${from} shipped to ${to}: ${count} customs record${count === 1 ? '' : 's'} worth ${formatUsd(e.valueUsd ?? 0)}, ${e.firstDate ?? '?'} to ${e.lastDate ?? '?'}${chapters}${cited}.`,
        citations: [{ kind: 'records', ids }, diagram],
      });
    } else if (e.kind === 'link' && e.link) {
      const l = e.link;
      const records = l.evidence.filter((x) => x.kind === 'record' && !x.missing).map((x) => x.id);
      const excerpts = l.evidence.filter((x) => x.kind === 'excerpt').map((x) => x.id);
      findings.push({
        text: `${from} and ${to} are linked (${l.type === 'custom' ? (l.customLabel ?? 'custom') : l.type.replace(/_/g, ' ')}, ${l.grade})${l.note ? `: ${l.note}` : '.'}`,
        citations: [
          { kind: 'link', id: l.id },
          ...(records.length ? [{ kind: 'records' as const, ids: records }] : []),
          ...excerpts.map((id) => ({ kind: 'excerpt' as const, id })),
          diagram,
        ],
      });
    } else if (e.kind === 'free' && e.label) {
      findings.push({ text: `${from} — ${e.label} — ${to}.`, citations: [diagram] });
    }
  }
  const excerptIds = [
    ...view.nodes.filter((n) => n.kind === 'excerpt' && n.ref !== null && !n.missing).map((n) => n.ref!),
    ...view.nodes
      .filter((n) => n.kind === 'document' && n.ref !== null && !n.missing)
      .flatMap((n) => listExcerpts(db, n.ref!).map((x) => x.id)),
  ];
  if (excerptIds.length)
    findings.push({
      text: `The documents on the diagram say, in the investigator's excerpts:`,
      citations: [...new Set(excerptIds)].map((id) => ({ kind: 'excerpt' as const, id })),
    });
  return findings;
}

export function defaultBriefContent(db: ReadDb, diagramIds: number[], title?: string): BriefContent {
  const views = diagramIds.map((id) => diagramView(db, id));
  const summary = views.map((v) => {
    const entities = v.nodes.filter((n) => n.kind === 'entity' && !n.missing).map((n) => n.label);
    const shipments = v.edges.filter((e) => e.kind === 'shipment' && !e.missing);
    const records = shipments.reduce((s, e) => s + (e.count ?? 0), 0);
    const value = shipments.reduce((s, e) => s + (e.valueUsd ?? 0), 0);
    const links = v.edges.filter((e) => e.kind === 'link' && !e.missing).length;
    return `The diagram “${v.name}” shows ${entities.length} entit${entities.length === 1 ? 'y' : 'ies'} (${entities.join('; ')}), ${shipments.length} shipment edge${shipments.length === 1 ? '' : 's'} over ${records} customs records worth ${formatUsd(value)}, and ${links} link${links === 1 ? '' : 's'}.`;
  });
  return {
    title: title ?? (views.length === 1 ? views[0]!.name : `Diagrams: ${views.map((v) => v.name).join('; ')}`),
    author: '',
    summary: summary.join('\n\n'),
    findings: views.flatMap((v) => diagramFindings(db, v)),
    diagrams: diagramIds,
  };
}
