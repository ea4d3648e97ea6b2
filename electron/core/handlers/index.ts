import type { MethodName } from '../../../shared/api';
import { caseHandlers } from './case';
import { recordsHandlers } from './records';
import type { Handlers } from './types';

/** Every method of the contract has exactly one handler: the type says so. */
export const handlers = {
  ...caseHandlers,
  ...recordsHandlers,
} satisfies Handlers<MethodName>;
