import { unwrap } from '../unwrap';
import { apiCommand, int, type Command } from '../command';

export const caseCommands: Command[] = [
  {
    name: 'new',
    usage: 'custodian new CASE --title TEXT',
    summary: 'create a new, empty case file',
    options: { title: { type: 'string' } },
    minArgs: 1,
    run: ({ core, args, values }) =>
      unwrap(core, 'case.create', { path: args[0], title: (values.title as string | undefined) ?? 'Untitled case' }),
  },
  apiCommand(
    {
      name: 'info',
      usage: 'custodian info CASE',
      summary: 'show a case’s title and counts',
      opensCase: true,
      method: 'case.info',
      input: () => ({}),
    },
    unwrap,
  ),
  {
    name: 'audit',
    usage: 'custodian audit CASE [--verify] [--limit N]',
    summary: 'list the audit log, or check its hash chain with --verify',
    opensCase: true,
    options: { verify: { type: 'boolean' }, limit: { type: 'string' } },
    run: ({ core, values }) =>
      values.verify
        ? unwrap(core, 'audit.verify', {})
        : unwrap(core, 'audit.list', { limit: int(values.limit, 'limit') ?? 500 }),
  },
];
