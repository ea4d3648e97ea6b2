import type { ListImportSummary, SanctionList, ScreeningHit } from '../../../shared/domain/screening';
import { LIST_FORMATS, REVIEW_STATUSES } from '../../../shared/domain/screening';
import { CustodianError } from '../../../shared/result';
import { int, UsageError, type Command, type Values } from '../command';
import { unwrap } from '../unwrap';

/** --map name=Entity,aliases=AKA,… (a generic CSV's columns) into a mapping. */
function mapping(values: Values): Record<string, string> | undefined {
  if (typeof values.map !== 'string') return undefined;
  const out: Record<string, string> = {};
  for (const pair of values.map.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || !column) throw new UsageError('--map takes field=column pairs, e.g. --map name=Entity,aliases=AKA');
    out[field] = column;
  }
  if (typeof values.separator === 'string') out.separator = values.separator;
  return out;
}

/** A hit as the CLI contract lists it. */
const hitOut = (h: ScreeningHit) => ({
  entityId: h.entityId,
  entityName: h.entityName,
  listId: h.listId,
  entryId: h.entryId,
  entryName: h.entryName,
  score: h.score,
  programs: h.programs,
});

export const screeningCommands: Command[] = [
  {
    name: 'lists import',
    usage:
      'custodian lists import CASE FILE... [--format ofac|ftm|opensanctions-csv|csv] [--name N] [--as-of DATE] [--authority A] [--map field=column,...] [--separator S]',
    summary: "import a sanctions list as published on a date (OFAC's sdn.csv finds alt.csv, add.csv beside it)",
    opensCase: true,
    minArgs: 1,
    options: {
      format: { type: 'string' },
      name: { type: 'string' },
      'as-of': { type: 'string' },
      authority: { type: 'string' },
      map: { type: 'string' },
      separator: { type: 'string' },
    },
    run: async ({ core, args, values }) => {
      if (values.format !== undefined && !LIST_FORMATS.includes(values.format as never))
        throw new UsageError(`--format takes one of ${LIST_FORMATS.join(', ')}`);
      const summary = (await unwrap(core, 'lists.import', {
        paths: args,
        format: values.format,
        name: values.name,
        authority: values.authority,
        asOf: values['as-of'],
        mapping: mapping(values),
      })) as ListImportSummary;
      for (const w of summary.warnings) process.stderr.write(`warning: ${w}\n`);
      if (summary.alreadyImported)
        process.stderr.write('These files were imported for this list before; nothing was added.\n');
      return { listId: summary.listId, entries: summary.entries };
    },
  },
  {
    name: 'lists list',
    usage: 'custodian lists list CASE',
    summary: 'the sanctions lists with their current version (as-of date, entries)',
    opensCase: true,
    run: async ({ core }) =>
      ((await unwrap(core, 'lists.list', {})) as SanctionList[]).map((l) => ({
        listId: l.id,
        name: l.name,
        authority: l.authority,
        format: l.format,
        asOf: l.current.asOf,
        entries: l.current.entries,
        versions: l.versions,
        sha256: l.current.sha256,
      })),
  },
  {
    name: 'screen',
    usage: 'custodian screen CASE',
    summary: 'screen every entity against the current version of every list; prints the hits',
    opensCase: true,
    run: async ({ core }) => {
      await unwrap(core, 'screening.run', {});
      return ((await unwrap(core, 'hits.list', { limit: 10_000_000 })) as ScreeningHit[]).map(hitOut);
    },
  },
  {
    name: 'hits review',
    usage: 'custodian hits review CASE --entity ID --entry ID --status confirmed|false_positive|open [--note TEXT]',
    summary: 'record the review of a hit of the latest screening; it holds for later screenings and list versions',
    opensCase: true,
    options: {
      entity: { type: 'string' },
      entry: { type: 'string' },
      status: { type: 'string' },
      note: { type: 'string' },
    },
    run: async ({ core, values }) => {
      const entityId = int(values.entity, 'entity');
      const entryId = int(values.entry, 'entry');
      if (!entityId || !entryId) throw new UsageError('give --entity and --entry (as custodian screen prints them)');
      if (!REVIEW_STATUSES.includes(values.status as never))
        throw new UsageError(`--status takes one of ${REVIEW_STATUSES.join(', ')}`);
      const hits = (await unwrap(core, 'hits.list', { entityId, limit: 10_000 })) as ScreeningHit[];
      const hit = hits.find((h) => h.entryId === entryId);
      if (!hit)
        throw new CustodianError(
          'not_found',
          `The latest screening has no hit of entity ${entityId} on entry ${entryId}.`,
        );
      const reviewed = (await unwrap(core, 'hits.review', {
        id: hit.id,
        status: values.status,
        note: typeof values.note === 'string' ? values.note : '',
      })) as ScreeningHit;
      return { ...hitOut(reviewed), status: reviewed.status, note: reviewed.note };
    },
  },
];
