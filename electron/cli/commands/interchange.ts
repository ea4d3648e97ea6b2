import { resolve } from 'node:path';
import type { FtmExportResult } from '../../../shared/api/interchange';
import type { Command } from '../command';
import { unwrap } from '../unwrap';

export const interchangeCommands: Command[] = [
  {
    name: 'ftm',
    usage: 'custodian ftm CASE OUT.jsonl',
    summary:
      'write the case as FollowTheMoney JSON lines (companies, one EconomicActivity per record, documents, links) for Aleph or OpenSanctions tools',
    opensCase: true,
    minArgs: 1,
    run: async ({ core, args }) =>
      (await unwrap(core, 'interchange.ftm', { path: resolve(args[0]!) })) as FtmExportResult,
  },
];
