/** Company-name matching, pure: runs in Node, the renderer and workers alike. */
export { analysisKey, analyzeKeyed, analyzeName, isCutShort, looksCut, type AnalyzedName } from './analyze';
export { prepareName, scorePair, scorePrepared, tokenWeight, type PreparedName, type PairScore, type PairContext, type TokenStats } from './score';
export { normalizeText, scriptsOf } from './normalize';
export { knownOrg } from './known-orgs';
