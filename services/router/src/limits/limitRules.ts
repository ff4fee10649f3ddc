import type { ValidationRule } from 'graphql';
import { costLimitRule } from './costLimitRule.js';
import { DEFAULT_LIMITS } from './defaultLimits.js';
import { maxAliasesRule } from './maxAliasesRule.js';
import { maxDepthRule } from './maxDepthRule.js';
import type { QueryLimits } from './QueryLimits.js';

/** The validation rules enforcing `limits`, run after graphql's own (see prepareDocument). */
export function limitRules(
  limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxCost'> = DEFAULT_LIMITS,
): ValidationRule[] {
  return [
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    costLimitRule({ maxCost: limits.maxCost }),
  ];
}
