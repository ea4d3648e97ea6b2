import { unwrap } from '../unwrap';
import { apiCommand, int, UsageError, type Command } from '../command';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const importCommand: Command = apiCommand(
  {
    name: 'import',
    usage: 'custodian import CASE FILE [--preset NAME | --mapping MAP.json] [--encoding ENC] [--delimiter C]',
    summary: 'import a customs file (CSV/TSV, XLSX, JSON lines) into the case',
    opensCase: true,
    minArgs: 1,
    options: {
      preset: { type: 'string' },
      mapping: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
    },
    method: 'import.run',
    input: (args, v) => {
      let mapping: unknown;
      if (typeof v.mapping === 'string') {
        try {
          mapping = JSON.parse(readFileSync(v.mapping, 'utf8'));
        } catch (e) {
          throw new UsageError(`cannot read the mapping ${v.mapping}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const delimiter = v.delimiter === 'tab' || v.delimiter === '\\t' ? '\t' : v.delimiter;
      return { path: resolve(args[0]!), preset: v.preset, mapping, encoding: v.encoding, delimiter };
    },
  },
  unwrap,
);

export const recordsCommands: Command[] = [
  importCommand,
  apiCommand(
    {
      name: 'rejects',
      usage: 'custodian rejects CASE IMPORT_ID',
      summary: 'list the rows an import rejected, with reasons',
      opensCase: true,
      minArgs: 1,
      method: 'rejects.list',
      input: (args) => ({ importId: int(args[0], 'IMPORT_ID') }),
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'records',
      usage: 'custodian records CASE [--limit N] [--offset N] [--import ID] [--query TEXT] [--flagged]',
      summary: 'list customs records',
      opensCase: true,
      options: { limit: { type: 'string' }, offset: { type: 'string' }, import: { type: 'string' }, query: { type: 'string' }, flagged: { type: 'boolean' } },
      method: 'records.list',
      input: (_a, v) => ({
        limit: int(v.limit, 'limit') ?? 100_000,
        offset: int(v.offset, 'offset') ?? 0,
        importId: int(v.import, 'import'),
        query: v.query,
        flagged: v.flagged,
      }),
    },
    unwrap,
  ),
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
      usage: 'custodian search CASE QUERY [--limit N]',
      summary: 'full-text search over records and documents',
      opensCase: true,
      minArgs: 1,
      options: { limit: { type: 'string' } },
      method: 'search.query',
      input: (args, v) => ({ query: args.join(' '), limit: int(v.limit, 'limit') ?? 50 }),
    },
    unwrap,
  ),
];
