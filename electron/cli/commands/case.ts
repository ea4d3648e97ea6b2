import { unwrap } from '../unwrap';
import { apiCommand, type Command } from '../command';
import { auditCommand } from './audit';

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
  auditCommand,
];
