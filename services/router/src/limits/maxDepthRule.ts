import { GraphQLError } from 'graphql';
import type { ValidationContext, ValidationRule } from 'graphql';
import { describeOperation } from './describeOperation.js';
import { operationDepth } from './operationDepth.js';

/** Rejects each operation whose selection set is nested deeper than `maxDepth` fields. */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const depth = operationDepth(operation, (name) => context.getFragment(name));
      if (depth <= maxDepth) return;
      context.reportError(
        new GraphQLError(
          `${describeOperation(operation)} has depth ${depth}, more than the limit of ${maxDepth}.`,
          { nodes: operation, extensions: { code: 'QUERY_TOO_DEEP', depth, limit: maxDepth } },
        ),
      );
    },
  });
}
