/**
 * The FollowTheMoney schemata the export writes, as the FtM model defines
 * them (followthemoney/schema/*.yaml): each schema's properties, with its
 * parents', and which properties hold references to other entities (and of
 * what schema). Written out here, apart from the product's code, so that
 * the test checks the export against the model rather than against itself.
 */
export interface SchemaDef {
  extends: string[];
  properties: string[];
  /** Entity-typed properties → the schema their target must be (or extend). */
  refs?: Record<string, string>;
}

export const SCHEMATA: Record<string, SchemaDef> = {
  Thing: {
    extends: [],
    properties: [
      'name',
      'summary',
      'description',
      'country',
      'alias',
      'previousName',
      'weakAlias',
      'sourceUrl',
      'publisher',
      'publisherUrl',
      'wikipediaUrl',
      'wikidataId',
      'keywords',
      'topics',
      'address',
      'addressEntity',
      'program',
      'notes',
      'proof',
      'modifiedAt',
      'retrievedAt',
    ],
    refs: { proof: 'Document' },
  },
  LegalEntity: {
    extends: ['Thing'],
    properties: [
      'email',
      'phone',
      'website',
      'legalForm',
      'incorporationDate',
      'dissolutionDate',
      'taxStatus',
      'status',
      'sector',
      'classification',
      'registrationNumber',
      'idNumber',
      'taxNumber',
      'vatCode',
      'jurisdiction',
      'mainCountry',
      'innCode',
      'okpoCode',
      'dunsCode',
      'swiftBic',
      'parent',
    ],
    refs: { parent: 'LegalEntity' },
  },
  Organization: { extends: ['LegalEntity'], properties: [] },
  Asset: { extends: ['Thing'], properties: [] },
  Company: { extends: ['Organization', 'Asset'], properties: ['ogrnCode', 'kppCode', 'capital'] },
  Document: {
    extends: ['Thing'],
    properties: [
      'contentHash',
      'title',
      'author',
      'generator',
      'fileSize',
      'fileName',
      'extension',
      'encoding',
      'mimeType',
      'language',
      'date',
      'authoredAt',
      'publishedAt',
    ],
  },
  Pages: { extends: ['Document'], properties: ['pdfHash'] },
  PlainText: { extends: ['Document'], properties: ['bodyText'] },
  HyperText: { extends: ['Document'], properties: ['bodyText', 'bodyHtml'] },
  Image: { extends: ['Document'], properties: ['bodyText'] },
  Table: { extends: ['Document'], properties: ['columns', 'rowCount', 'csvHash'] },
  Interval: {
    extends: [],
    properties: [
      'startDate',
      'endDate',
      'date',
      'summary',
      'description',
      'recordId',
      'sourceUrl',
      'proof',
      'publisher',
      'publisherUrl',
      'modifiedAt',
      'retrievedAt',
    ],
    refs: { proof: 'Document' },
  },
  Interest: { extends: ['Interval'], properties: ['role', 'status'] },
  EconomicActivity: {
    extends: ['Interval'],
    properties: [
      'contract',
      'ccdNumber',
      'ccdValue',
      'directionOfTransportation',
      'customsProcedure',
      'vedCode',
      'vedCodeDescription',
      'goodsDescription',
      'declarant',
      'sender',
      'receiver',
      'contractHolder',
      'invoiceAmount',
      'customsAmount',
      'dollarExchRate',
      'tradingCountry',
      'departureCountry',
      'destinationCountry',
      'originCountry',
    ],
    refs: { sender: 'LegalEntity', receiver: 'LegalEntity', declarant: 'LegalEntity' },
  },
  Ownership: {
    extends: ['Interest'],
    properties: ['owner', 'asset', 'percentage', 'sharesCount', 'ownershipType', 'legalBasis'],
    refs: { owner: 'LegalEntity', asset: 'Asset' },
  },
  Directorship: {
    extends: ['Interest'],
    properties: ['director', 'organization', 'secretary'],
    refs: { director: 'LegalEntity', organization: 'Organization' },
  },
  UnknownLink: {
    extends: ['Interest'],
    properties: ['subject', 'object'],
    refs: { subject: 'Thing', object: 'Thing' },
  },
  Sanction: {
    extends: ['Interval'],
    properties: [
      'entity',
      'authority',
      'authorityId',
      'unscId',
      'program',
      'provisions',
      'status',
      'duration',
      'reason',
      'country',
      'listingDate',
    ],
    refs: { entity: 'Thing' },
  },
};

/** The schema and every schema it extends. */
export function lineage(schema: string): string[] {
  const def = SCHEMATA[schema];
  if (!def) return [];
  return [schema, ...def.extends.flatMap(lineage)];
}

export const propertiesOf = (schema: string): Set<string> =>
  new Set(lineage(schema).flatMap((s) => SCHEMATA[s]!.properties));

export function refTarget(schema: string, property: string): string | undefined {
  for (const s of lineage(schema)) {
    const target = SCHEMATA[s]!.refs?.[property];
    if (target) return target;
  }
  return undefined;
}
