import { Kind } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { CostEstimateOptions } from './CostEstimateOptions.js';
import { fragmentLookupOf } from './fragmentLookupOf.js';
import { operationCost } from './operationCost.js';

/** The estimated cost of one operation of a document. */
export interface OperationCost {
  /** The operation's name; undefined for an anonymous operation. */
  readonly name: string | undefined;
  /** The estimate, as computed by {@link operationCost}. */
  readonly cost: number;
}

/** Estimates the cost of every operation in a document, in document order (see operationCost). */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: CostEstimateOptions = {},
): OperationCost[] {
  const getFragment = fragmentLookupOf(document);
  return document.definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      name: operation.name?.value,
      cost: operationCost(schema, operation, getFragment, options),
    }));
}
