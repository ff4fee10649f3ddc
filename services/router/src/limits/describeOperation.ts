import type { OperationDefinitionNode } from 'graphql';

/** Names an operation for an error message: `Query "Name"`, or `The operation` when anonymous. */
export function describeOperation(operation: OperationDefinitionNode): string {
  if (operation.name === undefined) return 'The operation';
  const kind = operation.operation.charAt(0).toUpperCase() + operation.operation.slice(1);
  return `${kind} "${operation.name.value}"`;
}
