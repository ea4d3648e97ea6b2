import { int, UsageError, type Command } from '../command';
import { unwrap } from '../unwrap';

export const briefsCommands: Command[] = [
  // 'brief list' first: the command table takes the first name that matches.
  {
    name: 'brief list',
    usage: 'custodian brief list CASE',
    summary: 'list the briefs with their latest version',
    opensCase: true,
    run: async ({ core }) => unwrap(core, 'briefs.list', {}),
  },
  {
    name: 'brief',
    usage: 'custodian brief CASE --out FILE.pdf [--brief ID [--version N] | --diagram ID...] [--title T]',
    summary:
      'render a brief to PDF (its SHA-256 goes to the audit log); with --diagram, a default brief of those diagrams (their entities, links, shipment edges and the records and excerpts behind them)',
    opensCase: true,
    options: {
      out: { type: 'string' },
      brief: { type: 'string' },
      version: { type: 'string' },
      diagram: { type: 'string', multiple: true },
      title: { type: 'string' },
    },
    run: async ({ core, values }) => {
      if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out is required');
      const diagrams = ((values.diagram as string[] | undefined) ?? []).map((d) => int(d, 'diagram')!);
      const id = int(values.brief, 'brief');
      if ((id === undefined) === (diagrams.length === 0))
        throw new UsageError('give either --brief ID or --diagram ID...');
      if (values.title !== undefined && id !== undefined) throw new UsageError('--title goes with --diagram');
      if (values.version !== undefined && id === undefined) throw new UsageError('--version goes with --brief');
      return unwrap(core, 'briefs.render', {
        out: values.out,
        ...(id === undefined ? { diagrams, title: values.title } : { id, version: int(values.version, 'version') }),
      });
    },
  },
];
