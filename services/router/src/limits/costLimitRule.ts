import { GraphQLError } from 'graphql';
import type { ValidationContext, ValidationRule } from 'graphql';
import type { CostEstimateOptions } from './CostEstimateOptions.js';
import { operationCost } from './operationCost.js';

/** Options of {@link costLimitRule}. */
export interface CostLimitOptions extends CostEstimateOptions {
  /** The highest estimated cost an operation may have. */
  readonly maxCost: number;
}

/** Rejects each operation whose estimated cost (see operationCost) is above `maxCost`. */
export function costLimitRule(options: CostLimitOptions): ValidationRule {
  const { maxCost, ...estimateOptions } = options;
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const cost = operationCost(
        context.getSchema(),
        operation,
        (name) => context.getFragment(name),
        estimateOptions,
      );
      if (cost <= maxCost) return;
      context.reportError(
        new GraphQLError(`Estimated cost ${cost} exceeds the limit of ${maxCost}.`, {
          nodes: operation,
          extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: maxCost },
        }),
      );
    },
  });
}
