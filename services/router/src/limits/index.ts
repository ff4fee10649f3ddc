// Query limits: validation rules that reject abusive operations after parsing and before any
// subgraph is called.
export { costLimitRule } from './costLimitRule.js';
export type { CostLimitOptions } from './costLimitRule.js';
export { DEFAULT_LIST_SIZE, DEFAULT_LIST_SIZE_ARGUMENTS } from './CostEstimateOptions.js';
export type { CostEstimateOptions } from './CostEstimateOptions.js';
export { DEFAULT_LIMITS } from './defaultLimits.js';
export { estimateCost } from './estimateCost.js';
export type { OperationCost } from './estimateCost.js';
export { limitRules } from './limitRules.js';
export { maxAliasesRule } from './maxAliasesRule.js';
export { maxDepthRule } from './maxDepthRule.js';
export { operationAliasCount } from './operationAliasCount.js';
export { operationCost } from './operationCost.js';
export { operationDepth } from './operationDepth.js';
export type { QueryLimits } from './QueryLimits.js';
