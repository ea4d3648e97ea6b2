import type { MethodName } from '../../../shared/api';
import { caseHandlers } from './case';
import { recordsHandlers } from './records';
import { documentsHandlers } from './documents';
import { entitiesHandlers } from './entities';
import { diagramsHandlers } from './diagrams';
import { exchangeHandlers } from './exchange';
import type { Handlers } from './types';

/** Every method of the contract has exactly one handler: the type says so. */
export const handlers = {
  ...caseHandlers,
  ...recordsHandlers,
  ...documentsHandlers,
  ...entitiesHandlers,
  ...diagramsHandlers,
  ...exchangeHandlers,
} satisfies Handlers<MethodName>;
