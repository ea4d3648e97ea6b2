/** Company-name matching, pure: runs in Node, the renderer and workers alike. */
export { analysisKey, analyzeKeyed, analyzeName, isCutShort, looksCut, type AnalyzedName } from './analyze';
export { prepareName, tokenWeight, type PreparedName, type TokenStats } from './prepared-name';
export { scorePair, scorePrepared } from './score';
export type { PairScore, PairContext } from './pair-score';
export { normalizeText, scriptsOf } from './normalize';
export { knownOrg } from './known-orgs';
