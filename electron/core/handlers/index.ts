import type { MethodName } from '../../../shared/api';
import { caseHandlers } from './case';
import { recordsHandlers } from './records';
import { documentsHandlers } from './documents';
import { entitiesHandlers } from './entities';
import { diagramsHandlers } from './diagrams';
import { interchangeHandlers } from './interchange';
import { screeningHandlers } from './screening';
import { briefsHandlers } from './briefs';
import { exchangeHandlers } from './exchange';
import { riskHandlers } from './risk';
import type { Handlers } from './types';

/** Every method of the contract has exactly one handler: the type says so. */
export const handlers = {
  ...caseHandlers,
  ...recordsHandlers,
  ...documentsHandlers,
  ...entitiesHandlers,
  ...diagramsHandlers,
  ...interchangeHandlers,
  ...screeningHandlers,
  ...briefsHandlers,
  ...exchangeHandlers,
  ...riskHandlers,
} satisfies Handlers<MethodName>;
