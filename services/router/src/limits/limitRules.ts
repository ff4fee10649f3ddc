import type { ValidationRule } from 'graphql';
import { costLimitRule } from './costLimitRule.js';
import { DEFAULT_LIMITS } from './defaultLimits.js';
import { maxAliasesRule } from './maxAliasesRule.js';
import { maxDepthRule } from './maxDepthRule.js';
import type { QueryLimits } from './QueryLimits.js';

/** The validation rules enforcing `limits`, for Apollo Server's `validationRules`. */
export function limitRules(
  limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxCost'> = DEFAULT_LIMITS,
): ValidationRule[] {
  return [
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    costLimitRule({ maxCost: limits.maxCost }),
  ];
}
