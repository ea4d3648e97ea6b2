import type { Command } from '../command';
import { caseCommands } from './case';
import { recordsCommands } from './records';
import { documentsCommands } from './documents';
import { entitiesCommands } from './entities';
import { diagramsCommands } from './diagrams';
import { interchangeCommands } from './interchange';
import { briefsCommands } from './briefs';
import { serveCommand } from './serve';
import { screeningCommands } from './screening';
import { exchangeCommands } from './exchange';
import { riskCommands } from './risk';
import { mergeCommands } from './merge';

/** Every `custodian` command; each area adds its own file. */
export const COMMANDS: Command[] = [
  ...caseCommands,
  ...recordsCommands,
  ...documentsCommands,
  ...entitiesCommands,
  ...diagramsCommands,
  ...interchangeCommands,
  ...screeningCommands,
  ...briefsCommands,
  ...exchangeCommands,
  ...riskCommands,
  ...mergeCommands,
  serveCommand,
];
