import { z } from 'zod';
import { job } from './define';
import type { RiskSummary } from '../domain/risk';

export const riskSummaryInput = z.object({
  /** Count only entities with a confirmed hit; by default open (unreviewed) hits count too. */
  confirmedOnly: z.boolean().default(false),
  /** How many routes and flows to list, largest first. */
  limit: z.number().int().positive().max(1000).default(25),
});

export const riskApi = {
  /**
   * The case's risk summary (shared/domain/risk.ts): sanctioned counterparties of the latest screening and
   * their trade, CHPL goods by tier and route, the largest flows into sanctioned entities. Each figure
   * carries the records filter that lists its records. A job: on a million records it reads for seconds.
   */
  'risk.summary': job<RiskSummary>()(riskSummaryInput, { mutates: false }),
};

export type RiskMethods = keyof typeof riskApi;
