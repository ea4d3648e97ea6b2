/**
 * The brief's evidence beyond rows, quotes and links: screening hits, saved
 * Records filters (evaluated now, as the records they stand for), the
 * case's seal for the appendix, and the key of a diagram — only the colours
 * and lines that diagram uses, with the CHPL tiers of the goods its
 * shipments carry and the colours those tiers are drawn in.
 */
import type { RecordFilterInput } from '../../../shared/api/records';
import type { DiagramView } from '../../../shared/domain/diagrams';
import { describeRecordFilter } from '../../../shared/domain/record-filter-words';
import { chplTierKey, drawnTier } from '../../../shared/diagrams/chpl-colours';
import { COLORS, DASH } from '../../../shared/diagrams/svg-legend';
import { CHPL_TIERS, chplTierOf } from '../../../shared/goods/hs-codes';
import { getEntity } from '../db/entities';
import { readSeal } from '../db/exchange-seal';
import { getImport } from '../db/imports';
import { countRecords, getRecord, listRecords } from '../db/records';
import { getHit } from '../db/screening-hits';
import type { ReadDb } from '../db/types';
import { fingerprintOf } from '../exchange/identity';
import { recordFilter } from '../search/record-match';
import { FILTER_ROWS, type BriefSeal, type CitationBlock, type CitedRecord, type KeyEntry } from './brief-data';

const REMOVED = '[source removed]';

export function hitBlock(db: ReadDb, id: number, n: number): CitationBlock {
  const h = getHit(db, id);
  if (!h) {
    const none = { entity: REMOVED, entry: '', list: '', asOf: '', externalId: '', programs: [], listedOn: null };
    return { n, kind: 'hit', id, missing: true, ...none, score: 0, status: '' };
  }
  return {
    n,
    kind: 'hit',
    id,
    entity: h.entityName,
    entry: h.entryName,
    list: h.listName,
    asOf: h.asOf,
    externalId: h.externalId,
    programs: h.programs,
    listedOn: h.listedOn,
    score: h.score,
    status: h.status.replace(/_/g, ' '),
  };
}

export function filterBlock(
  db: ReadDb,
  filter: RecordFilterInput,
  label: string | undefined,
  n: number,
  record: (id: number) => CitedRecord,
): CitationBlock {
  const words = describeRecordFilter(filter, {
    importName: (id) => getImport(db, id)?.fileName ?? null,
    entityName: (id) => getEntity(db, id)?.name ?? null,
  });
  const f = recordFilter(db, filter);
  const total = countRecords(db, f);
  const rows = listRecords(db, f, FILTER_ROWS, 0).map((r) => record(r.id));
  return { n, kind: 'filter', label: label ?? words, words, total, rows };
}

export function briefSeal(db: ReadDb): BriefSeal | null {
  const s = readSeal(db);
  return s
    ? { digest: s.digest, signer: fingerprintOf(s.publicKey), sealedBy: s.sealedBy, sealedAt: s.sealedAt }
    : null;
}

/** Records read for the CHPL tiers of a diagram's shipments; more than this and the key says "at least". */
const TIER_SAMPLE = 20_000;

/** What the colours and lines of this diagram mean: only the kinds it draws. */
export function diagramKey(db: ReadDb, view: DiagramView): KeyEntry[] {
  const key: KeyEntry[] = [];
  const line = (color: string, dash: string | null, width: number, label: string) =>
    key.push({ shape: 'line', color, dash, width, label });
  const box = (color: string, label: string) => key.push({ shape: 'box', color, dash: null, width: 1, label });
  const edges = view.edges.filter((e) => !e.missing && !e.filteredOut);
  const shipments = edges.filter((e) => e.kind === 'shipment');
  if (shipments.length) {
    const ids = [...new Set(shipments.flatMap((e) => e.recordIds ?? []))];
    const tiers = new Map<string, number>();
    for (const id of ids.slice(0, TIER_SAMPLE)) {
      const tier = chplTierOf(getRecord(db, id)?.record.hsCode);
      if (tier) tiers.set(tier, (tiers.get(tier) ?? 0) + 1);
    }
    const onList = CHPL_TIERS.filter((t) => tiers.has(t)).map((t) => `tier ${t}: ${tiers.get(t)}`);
    line(
      COLORS.shipment,
      null,
      3,
      `Shipments, shipper → consignee (${shipments.length} edges, ${ids.length} records; width by value). ` +
        (onList.length
          ? `Records with goods on the CHPL — ${onList.join(', ')}. Drawn in this colour: none on the CHPL.`
          : 'No record on them carries goods on the CHPL.'),
    );
    // The edge colours (as diagramToSvg draws them): each edge in its records' most urgent tier.
    const edgeTiers = shipments.map(drawnTier);
    for (const k of chplTierKey(edgeTiers)) {
      const n = edgeTiers.filter((t) => t && k.tiers.includes(t)).length;
      line(k.line, null, 3, `${k.label}: most urgent goods on ${n} shipment edge${n === 1 ? '' : 's'}`);
    }
  }
  for (const grade of ['confirmed', 'tentative', 'unconfirmed'] as const) {
    const n = edges.filter((e) => e.kind === 'link' && e.grade === grade).length;
    if (n) line(COLORS.link, DASH[grade], 2, `${grade} link (${n})`);
  }
  const free = edges.filter((e) => e.kind === 'free').length;
  if (free) line(COLORS.free, null, 1.5, `line drawn by hand (${free})`);
  const filtered = view.edges.filter((e) => e.filteredOut && !e.missing).length;
  if (filtered) line(COLORS.filtered, '2 3', 1.5, `no record within the diagram's filters (${filtered})`);
  const removed = view.edges.filter((e) => e.missing).length + view.nodes.filter((x) => x.missing).length;
  if (removed) line(COLORS.missing, '6 4', 1.5, `removed from the case since drawn (${removed})`);
  const count = (kind: string) => view.nodes.filter((x) => x.kind === kind && !x.missing).length;
  const nodes: [string, string, string][] = [
    ['entity', '#eff6ff', 'entity, with its country'],
    ['document', '#f9fafb', 'document'],
    ['excerpt', '#fffbeb', 'excerpt'],
    ['note', '#fef9c3', 'note'],
    ['group', '#ffffff', 'group (dashed box)'],
  ];
  for (const [kind, color, words] of nodes) if (count(kind)) box(color, `${words} (${count(kind)})`);
  return key;
}
