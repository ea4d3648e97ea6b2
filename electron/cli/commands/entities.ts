import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CustodianError } from '../../../shared/result';
import { apiCommand, int, UsageError, type Command } from '../command';
import { unwrap } from '../unwrap';

/** Reads a pairs CSV: header row with name1,name2 (others passed through), rows kept in order. */
function readPairs(path: string): { columns: string[]; rows: Record<string, string>[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new CustodianError('not_found', `Cannot read ${path}: ${e instanceof Error ? e.message : String(e)}.`);
  }
  if (!text.trim()) return { columns: [], rows: [] };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t', '|'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (e) {
    throw new CustodianError(
      'invalid_file',
      `${path} is not a readable CSV file (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const columns = (records[0] ?? []).map((c) => c.trim());
  for (const need of ['name1', 'name2']) {
    if (!columns.includes(need)) {
      throw new CustodianError(
        'invalid_file',
        `${path} has no ${need} column; its header must name the columns name1 and name2.`,
      );
    }
  }
  const rows = records.slice(1).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])));
  return { columns, rows };
}

const matchNamesCommand: Command = {
  name: 'match-names',
  usage: 'custodian match-names PAIRS.csv [--threshold 0.8]',
  summary: 'score name pairs (columns name1,name2; country1,country2,id1,id2 used when present)',
  minArgs: 1,
  options: { threshold: { type: 'string' } },
  run: async ({ core, args, values }) => {
    const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
      throw new UsageError('--threshold takes a number from 0 to 1');
    const { rows } = readPairs(args[0]!);
    const pairs = rows.map((r) => ({
      name1: r.name1 ?? '',
      name2: r.name2 ?? '',
      country1: r.country1 || undefined,
      country2: r.country2 || undefined,
      id1: r.id1 || undefined,
      id2: r.id2 || undefined,
    }));
    const scores = (await unwrap(core, 'names.match', { pairs, threshold })) as { score: number; match: boolean }[];
    return rows.map((r, i) => ({ ...r, score: scores[i]!.score, match: scores[i]!.match }));
  },
};

export const entitiesCommands: Command[] = [
  apiCommand(
    {
      name: 'resolve',
      usage: 'custodian resolve CASE',
      summary: 'group every party name into entities (judgements are kept)',
      opensCase: true,
      method: 'entities.resolve',
      input: () => ({}),
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'entities',
      usage: 'custodian entities CASE [--query TEXT] [--limit N] [--offset N]',
      summary: 'list the entities with their names, mentions and identifiers',
      opensCase: true,
      options: { query: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
      method: 'entities.list',
      input: (_a, v) => ({
        query: v.query,
        limit: int(v.limit, 'limit') ?? 1_000_000,
        offset: int(v.offset, 'offset') ?? 0,
      }),
    },
    unwrap,
  ),
  {
    name: 'mentions',
    usage: 'custodian mentions CASE [--entity ID] [--limit N] [--offset N]',
    summary: 'list the party mentions: record, role, name as written, entity',
    opensCase: true,
    options: { entity: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    run: async ({ core, values }) => {
      const rows = (await unwrap(core, 'mentions.list', {
        entityId: int(values.entity, 'entity'),
        limit: int(values.limit, 'limit') ?? 10_000_000,
        offset: int(values.offset, 'offset') ?? 0,
      })) as {
        recordId: number;
        importId: number;
        row: number;
        role: string;
        rawName: string;
        entityId: number | null;
      }[];
      return rows.map((m) => ({
        recordId: m.recordId,
        importId: m.importId,
        row: m.row,
        role: m.role,
        rawName: m.rawName,
        entityId: m.entityId,
      }));
    },
  },
  apiCommand(
    {
      name: 'review',
      usage: 'custodian review CASE [--limit N]',
      summary: 'list the entity pairs waiting for a decision',
      opensCase: true,
      options: { limit: { type: 'string' } },
      method: 'review.list',
      input: (_a, v) => ({ limit: int(v.limit, 'limit') ?? 50 }),
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'judge',
      usage: 'custodian judge CASE ENTITY_A ENTITY_B same|not_same|unsure [--note TEXT]',
      summary: 'record a decision about two entities (same merges them)',
      opensCase: true,
      minArgs: 3,
      options: { note: { type: 'string' } },
      method: 'review.decide',
      input: (args, v) => ({
        entityA: int(args[0], 'ENTITY_A'),
        entityB: int(args[1], 'ENTITY_B'),
        decision: args[2],
        note: v.note ?? '',
      }),
    },
    unwrap,
  ),
  apiCommand(
    {
      name: 'merge-entities',
      usage: 'custodian merge-entities CASE ID ID... [--note TEXT]',
      summary: 'merge entities by hand (kept by every later resolve); prints the entity and the judgement id',
      opensCase: true,
      minArgs: 2,
      options: { note: { type: 'string' } },
      method: 'entities.merge',
      input: (args, v) => ({ ids: args.map((a) => int(a, 'ID')), note: v.note ?? '' }),
    },
    unwrap,
  ),
  matchNamesCommand,
];
