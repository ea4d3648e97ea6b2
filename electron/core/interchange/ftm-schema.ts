/**
 * Custodian's evidence as FollowTheMoney entities (the model of Aleph and
 * OpenSanctions): each builder takes what the case stores and answers one
 * `{id, schema, properties}` with only properties of that schema, every
 * value a string in a list. Ids are the case's id and the item's own id,
 * so a second export of the same case names everything the same way and a
 * newsroom can load both without duplicates.
 */
import type { LinkRecord } from '../db/links';
import type { DocumentInfo } from '../../../shared/domain/documents';
import type { ExportRecord, SourceFile } from '../db/interchange';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export type FtmKind = 'entity' | 'record' | 'document' | 'source' | 'link' | 'sanction';
/** A kind's id: a row id, or (a sanction: company and list entry) a key of letters, digits and dashes. */
export type FtmId = (kind: FtmKind, id: number | string) => string;

/** Ids under the case's own id: `custodian-<case>-record-17`. */
export function ftmIds(caseId: string): FtmId {
  const prefix = `custodian-${caseId
    .replace(/[^0-9a-z]/gi, '')
    .slice(0, 16)
    .toLowerCase()}`;
  return (kind, id) => `${prefix}-${kind}-${id}`;
}

/** Drops empty values, so that no property is written as `[""]`. */
function props(entries: Record<string, (string | null | undefined)[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(entries)) {
    const kept = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
    if (kept.length) out[key] = kept;
  }
  return out;
}

/** FtM's country type is ISO 3166-1 alpha-2 in lower case; anything else is left out rather than guessed. */
const country = (c: string | null | undefined): string | null => (c && /^[A-Z]{2}$/i.test(c) ? c.toLowerCase() : null);
const dateOnly = (d: string | null | undefined): string | null =>
  d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
const httpUrl = (u: string | null | undefined): string | null => (u && /^https?:\/\//i.test(u) ? u : null);

export interface EntityFacts {
  id: number;
  name: string;
  country: string | null;
  identifiers: string[];
  names: { name: string; legalForm: string | null }[];
}

/**
 * A resolved company. Every party is written as a `Company`: customs files
 * do not say which party is a person, and a Company is also an Asset and an
 * Organization, so ownership and directorship links to it stay valid. A
 * Russian 10- or 12-digit number is an INN; other identifiers are
 * registration numbers.
 */
export function companyEntity(e: EntityFacts, id: FtmId): FtmEntity {
  const inn = e.country === 'RU' ? e.identifiers.filter((x) => /^\d{10}(\d{2})?$/.test(x)) : [];
  return {
    id: id('entity', e.id),
    schema: 'Company',
    properties: props({
      name: [e.name],
      alias: e.names.map((n) => n.name).filter((n) => n !== e.name),
      country: [country(e.country)],
      innCode: inn,
      registrationNumber: e.identifiers.filter((x) => !inn.includes(x)),
      legalForm: e.names.map((n) => n.legalForm),
    }),
  };
}

const SOURCE_TABLE_TYPES = /csv|spreadsheet|excel|tab-separated/i;

/** An imported customs file: a `Table` for CSV and spreadsheets; its SHA-256 in the notes (FtM's checksum is SHA-1). */
export function sourceEntity(s: SourceFile, id: FtmId): FtmEntity {
  return {
    id: id('source', s.id),
    schema: SOURCE_TABLE_TYPES.test(s.mediaType) ? 'Table' : 'Document',
    properties: props({
      fileName: [s.fileName],
      title: [s.fileName],
      mimeType: [s.mediaType],
      fileSize: [String(s.size)],
      notes: [`SHA-256 ${s.sha256}`],
    }),
  };
}

const DOCUMENT_SCHEMA: Record<DocumentInfo['kind'], string> = {
  pdf: 'Pages',
  html: 'HyperText',
  text: 'PlainText',
  image: 'Image',
  docx: 'Pages',
};

export function documentEntity(d: DocumentInfo, id: FtmId): FtmEntity {
  return {
    id: id('document', d.id),
    schema: DOCUMENT_SCHEMA[d.kind] ?? 'Document',
    properties: props({
      title: [d.title],
      fileName: [d.fileName],
      mimeType: [d.mediaType],
      fileSize: [String(d.size)],
      sourceUrl: [httpUrl(d.sourceUrl)],
      date: [dateOnly(d.capturedAt)],
      notes: [`SHA-256 ${d.sha256}`, d.notes],
    }),
  };
}

/**
 * One customs row as an `EconomicActivity` (FtM's customs declaration):
 * shipper → sender, consignee → receiver (the entities they were resolved
 * to), HS code → vedCode, value in USD → customsAmount, and the file it was
 * read from as `proof`, with its row in `recordId`.
 */
export function recordEntity(r: ExportRecord, party: (entityId: number | null) => number | null, id: FtmId): FtmEntity {
  const sender = party(r.shipperEntity);
  const receiver = party(r.consigneeEntity);
  return {
    id: id('record', r.id),
    schema: 'EconomicActivity',
    properties: props({
      date: [dateOnly(r.date)],
      sender: [sender === null ? null : id('entity', sender)],
      receiver: [receiver === null ? null : id('entity', receiver)],
      goodsDescription: [r.description],
      vedCode: [r.hsCode],
      ccdNumber: [r.declarationNo],
      customsAmount: [r.valueUsd === null ? null : `${r.valueUsd} USD`],
      directionOfTransportation: [r.direction],
      originCountry: [country(r.originCountry)],
      destinationCountry: [country(r.destinationCountry)],
      tradingCountry: [country(r.tradingCountry)],
      recordId: [`${r.fileName} row ${r.row}`],
      proof: [id('source', r.sourceId)],
    }),
  };
}

/**
 * A link drawn by the investigator: `owns` and `subsidiary_of` as
 * `Ownership`, `director_of` as `Directorship`, the others as `UnknownLink`
 * with the kind as its role. The grade is the status, the note the summary;
 * the documents of its excerpts are its proof and its records are named by
 * their FtM ids in `recordId`.
 */
export function linkEntity(
  l: LinkRecord,
  ends: { source: number; target: number },
  proofDocs: number[],
  id: FtmId,
): FtmEntity {
  const src = id('entity', ends.source);
  const tgt = id('entity', ends.target);
  const common = {
    status: [l.grade],
    summary: [l.note],
    proof: proofDocs.map((d) => id('document', d)),
    recordId: l.records.map((r) => id('record', r)),
  };
  const base = { id: id('link', l.id) };
  switch (l.type) {
    case 'owns':
      return { ...base, schema: 'Ownership', properties: props({ owner: [src], asset: [tgt], ...common }) };
    case 'subsidiary_of':
      return {
        ...base,
        schema: 'Ownership',
        properties: props({ owner: [tgt], asset: [src], role: ['parent'], ...common }),
      };
    case 'director_of':
      return {
        ...base,
        schema: 'Directorship',
        properties: props({ director: [src], organization: [tgt], ...common }),
      };
    default:
      return {
        ...base,
        schema: 'UnknownLink',
        properties: props({
          subject: [src],
          object: [tgt],
          role: [l.type === 'custom' ? l.customLabel : l.type.replace('_', ' ')],
          ...common,
        }),
      };
  }
}
