import { GraphQLError } from 'graphql';
import type { ValidationContext, ValidationRule } from 'graphql';
import { describeOperation } from './describeOperation.js';
import { operationAliasCount } from './operationAliasCount.js';

/**
 * Rejects each operation with more than `maxAliases` aliased fields, since aliases let one small
 * request run the same expensive field hundreds of times.
 */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const aliases = operationAliasCount(operation, (name) => context.getFragment(name));
      if (aliases <= maxAliases) return;
      context.reportError(
        new GraphQLError(
          `${describeOperation(operation)} uses ${aliases} aliases, more than the limit of ${maxAliases}.`,
          {
            nodes: operation,
            extensions: { code: 'TOO_MANY_ALIASES', aliases, limit: maxAliases },
          },
        ),
      );
    },
  });
}
