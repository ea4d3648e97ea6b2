/**
 * OpenSanctions FollowTheMoney JSON lines: one entity per line. Parties
 * (Company, Organization, LegalEntity, Person, PublicBody, Vessel,
 * Airplane) become entries; a Sanction entity gives the program, listing
 * date and reason of the party its `entity` property points at, and an
 * Identification or Passport an identifier of its `holder`. The line of
 * a Sanction may come before or after its party: both are written as they
 * come (see list-item.ts).
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { ListFileError, value, type ListItem, type ReadProgress, type ValueField, type ValueItem } from './list-item';

const PARTIES: Record<string, string> = {
  Company: 'organization',
  Organization: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
  Person: 'person',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

const ALIAS_PROPS = ['name', 'alias', 'weakAlias', 'previousName', 'abbreviation'];
const ID_PROPS = [
  'registrationNumber',
  'taxNumber',
  'innCode',
  'ogrnCode',
  'okpoCode',
  'leiCode',
  'swiftBic',
  'imoNumber',
  'idNumber',
  'passportNumber',
  'vatCode',
  'uniqueEntityId',
  'mmsi',
];
const COUNTRY_PROPS = ['country', 'jurisdiction', 'nationality', 'citizenship', 'mainCountry', 'flag'];

type Props = Record<string, unknown>;

export async function* readFtm(path: string, read?: ReadProgress): AsyncGenerator<ListItem> {
  const file = basename(path);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (read) read.bytes += raw.length + 1; // characters: close enough to bytes for a progress bar
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    let entity: { id?: unknown; schema?: unknown; properties?: unknown };
    try {
      entity = JSON.parse(text) as typeof entity;
    } catch (e) {
      throw new ListFileError(file, line, `not a JSON object (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!entity || typeof entity !== 'object' || typeof entity.id !== 'string' || typeof entity.schema !== 'string')
      throw new ListFileError(file, line, 'not a FollowTheMoney entity (it needs an id and a schema)');
    const props = (entity.properties && typeof entity.properties === 'object' ? entity.properties : {}) as Props;
    yield* entityItems(entity.id, entity.schema, props, line, file);
  }
}

function* entityItems(id: string, schema: string, props: Props, line: number, file: string): Generator<ListItem> {
  const kind = PARTIES[schema];
  if (kind) {
    const names = strings(props, ALIAS_PROPS);
    if (!names.length) throw new ListFileError(file, line, `${schema} ${id} has no name`);
    yield { type: 'entry', externalId: id, kind, name: names[0]!, line };
    yield* values(id, 'alias', names.slice(1));
    yield* values(id, 'identifier', strings(props, ID_PROPS));
    yield* values(
      id,
      'country',
      strings(props, COUNTRY_PROPS).map((c) => c.toUpperCase()),
    );
    yield* values(id, 'address', strings(props, ['address']));
    yield* values(id, 'birth_date', strings(props, ['birthDate', 'incorporationDate']));
    yield* values(id, 'program', strings(props, ['program', 'programId']));
    yield* values(id, 'remarks', strings(props, ['notes']));
  } else if (schema === 'Sanction') {
    for (const target of strings(props, ['entity'])) {
      yield* values(target, 'program', strings(props, ['program', 'programId']));
      yield* values(target, 'listed_on', strings(props, ['listingDate', 'startDate']).slice(0, 1));
      const authority = strings(props, ['authority']).join('; ');
      const reason = strings(props, ['reason', 'summary']).join(' ');
      yield* values(target, 'remarks', [[authority, reason].filter(Boolean).join(': ')]);
    }
  } else if (schema === 'Identification' || schema === 'Passport') {
    for (const holder of strings(props, ['holder'])) yield* values(holder, 'identifier', strings(props, ['number']));
  }
}

function strings(props: Props, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const v = props[k];
    if (Array.isArray(v)) for (const s of v) if (typeof s === 'string' && s.trim() && !out.includes(s)) out.push(s);
  }
  return out;
}

function* values(id: string, field: ValueField, list: readonly string[]): Generator<ValueItem> {
  for (const v of list) {
    const item = value(id, field, v);
    if (item) yield item;
  }
}
