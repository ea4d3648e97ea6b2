import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unwrap } from '../unwrap';
import { apiCommand, int, UsageError, type Command, type Values } from '../command';
import { streamRecords } from '../stream-records';

const num = (v: unknown, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} takes a number`);
  return n;
};

function importInput(args: string[], v: Values) {
  let mapping: unknown;
  if (typeof v.mapping === 'string') {
    try {
      mapping = JSON.parse(readFileSync(v.mapping, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read the mapping ${v.mapping}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (mapping && v.preset) throw new UsageError('give either --preset or --mapping, not both');
  const delimiter = v.delimiter === 'tab' || v.delimiter === '\\t' ? '\t' : v.delimiter;
  const sheet = typeof v.sheet === 'string' && /^\d+$/.test(v.sheet) ? Number(v.sheet) : v.sheet;
  return { path: resolve(args[0]!), preset: v.preset, mapping, encoding: v.encoding, delimiter, sheet };
}

const importOptions = {
  preset: { type: 'string' },
  mapping: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  sheet: { type: 'string' },
} as const;

const importCommand = apiCommand(
  {
    name: 'import',
    usage:
      'custodian import CASE FILE [--preset NAME | --mapping MAP.json] [--encoding ENC] [--delimiter C] [--sheet NAME|N] [--progress]',
    summary: 'import a customs file (CSV/TSV, XLSX, JSON lines) into the case',
    opensCase: true,
    minArgs: 1,
    options: importOptions,
    method: 'import.run',
    input: importInput,
  },
  unwrap,
);

/** The record filters `records` and `search` share (see `filters`). */
const FILTER_OPTIONS = {
  flag: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  hs: { type: 'string' },
  chpl: { type: 'string' },
  country: { type: 'string' },
  party: { type: 'string' },
  'min-usd': { type: 'string' },
  'max-usd': { type: 'string' },
} as const;

export const recordsCommands: Command[] = [
  importCommand,
  apiCommand(
    {
      name: 'preview',
      usage:
        'custodian preview CASE FILE [--preset NAME | --mapping MAP.json] [--encoding ENC] [--delimiter C] [--sheet NAME|N]',
      summary: 'show how a customs file would be read: encoding, delimiter, columns, first rows, suggested mapping',
      opensCase: true,
      minArgs: 1,
      options: importOptions,
      method: 'import.preview',
      input: importInput,
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'validate',
      usage: 'custodian validate CASE FILE [--preset NAME | --mapping MAP.json] [--encoding ENC] [--delimiter C]',
      summary: 'read a whole customs file and report what an import would do, changing nothing',
      opensCase: true,
      minArgs: 1,
      options: importOptions,
      method: 'import.validate',
      input: importInput,
    },
    unwrap,
  ),
  {
    name: 'save-mapping',
    usage: 'custodian save-mapping CASE NAME MAP.json',
    summary: 'save a custom mapping in the case, usable as --preset NAME',
    opensCase: true,
    minArgs: 2,
    run: ({ core, args }) => {
      let mapping: unknown;
      try {
        mapping = JSON.parse(readFileSync(args[1]!, 'utf8'));
      } catch (e) {
        throw new UsageError(`cannot read the mapping ${args[1]}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return unwrap(core, 'import.saveMapping', { name: args[0], mapping });
    },
  },
  apiCommand(
    {
      name: 'presets',
      usage: 'custodian presets CASE',
      summary: 'list the built-in presets and the mappings saved in the case',
      opensCase: true,
      method: 'import.presets',
      input: () => ({}),
    },
    unwrap,
  ),
  {
    name: 'rejects',
    usage: 'custodian rejects CASE IMPORT_ID [--csv OUT.csv]',
    summary: 'list the rows an import rejected, with reasons (or write them to a CSV file)',
    opensCase: true,
    minArgs: 1,
    options: { csv: { type: 'string' } },
    run: async ({ core, args, values }) => {
      const importId = int(args[0], 'IMPORT_ID');
      if (typeof values.csv === 'string') return unwrap(core, 'rejects.export', { importId, path: values.csv });
      return unwrap(core, 'rejects.list', { importId });
    },
  },
  /**
   * Lists records a page at a time as it prints them (stream-records.ts), so that `--all` on a case of
   * millions of records keeps memory flat; a `--limit` above what one `records.list` call returns is paged too.
   */
  {
    name: 'records',
    usage:
      'custodian records CASE [--limit N | --all] [--offset N] [--jsonl] [--import ID] [--query TEXT] [--flagged] [--flag F] [--from DATE] [--to DATE] [--hs PREFIX] [--chpl TIER|any] [--country CC] [--party TEXT] [--min-usd N] [--max-usd N] [--sort FIELD] [--desc] [--csv OUT.csv]',
    summary:
      'list customs records (--all: every one; --jsonl: one JSON record per line; --csv: write every matching record to a file)',
    opensCase: true,
    options: {
      limit: { type: 'string' },
      all: { type: 'boolean' },
      offset: { type: 'string' },
      jsonl: { type: 'boolean' },
      import: { type: 'string' },
      query: { type: 'string' },
      flagged: { type: 'boolean' },
      ...FILTER_OPTIONS,
      sort: { type: 'string' },
      desc: { type: 'boolean' },
      csv: { type: 'string' },
    },
    run: async ({ core, values: v }) => {
      if (typeof v.csv === 'string') {
        if (v.limit !== undefined || v.offset !== undefined || v.jsonl)
          throw new UsageError('--csv writes every matching record; leave out --limit, --offset and --jsonl');
        return unwrap(core, 'records.exportCsv', {
          path: resolve(v.csv),
          importId: int(v.import, 'import'),
          query: v.query,
          flagged: v.flagged,
          ...filters(v),
          sort: v.sort,
          desc: v.desc,
        });
      }
      if (v.all && v.limit !== undefined) throw new UsageError('give --all or --limit, not both');
      if (v.json && v.jsonl) throw new UsageError('give --json or --jsonl, not both');
      const limit = v.all ? Infinity : (int(v.limit, 'limit') ?? 100_000);
      if (limit < 1) throw new UsageError('--limit takes a number above 0');
      const query = {
        importId: int(v.import, 'import'),
        query: v.query,
        flagged: v.flagged,
        ...filters(v),
        sort: v.sort,
        desc: v.desc,
      };
      const format = v.jsonl ? 'jsonl' : v.json ? 'json' : 'human';
      await streamRecords(core, query, { limit, offset: int(v.offset, 'offset') ?? 0 }, format);
      return undefined;
    },
  },
  apiCommand(
    {
      name: 'imports',
      usage: 'custodian imports CASE',
      summary: 'list the imports with their counts',
      opensCase: true,
      method: 'imports.list',
      input: () => ({}),
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'search',
      usage:
        'custodian search CASE QUERY [--limit N] [--from DATE] [--to DATE] [--hs PREFIX] [--country CC] [--party TEXT] [--min-usd N] [--max-usd N]',
      summary: 'full-text search over records and documents',
      opensCase: true,
      minArgs: 1,
      options: {
        limit: { type: 'string' },
        ...FILTER_OPTIONS,
      },
      method: 'search.query',
      input: (args, v) => ({ query: args.join(' '), limit: int(v.limit, 'limit') ?? 50, ...filters(v) }),
    },
    unwrap,
  ),
];

function filters(v: Values) {
  return {
    flag: v.flag,
    dateFrom: v.from,
    dateTo: v.to,
    hsPrefix: v.hs,
    chplTier: v.chpl,
    country: v.country,
    party: v.party,
    valueMin: num(v['min-usd'], 'min-usd'),
    valueMax: num(v['max-usd'], 'max-usd'),
  };
}
