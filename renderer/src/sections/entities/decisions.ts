import type { Decision } from '../../../../shared/domain/entities';

/** A decision in words, as the investigator made it. */
export const DECISION_WORDS: Record<Decision, string> = {
  same: 'Same',
  not_same: 'Not the same',
  unsure: 'Unsure',
};
