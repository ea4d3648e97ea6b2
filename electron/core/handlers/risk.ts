import type { RiskMethods } from '../../../shared/api/risk';
import { riskSummary } from '../risk/risk-summary';
import type { Handlers } from './types';

export const riskHandlers: Handlers<RiskMethods> = {
  'risk.summary': ({ session }, options, control) => riskSummary(session.db, options, control),
};
