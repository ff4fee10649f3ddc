import { Kind, type GraphQLError } from 'graphql';

/**
 * Whether graphql-js reported this error while coercing a variable's value (missing, null for a
 * non-null type, wrong type): the client's input is at fault, so it is BAD_USER_INPUT.
 */
export function isVariableCoercionError(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return false;
  const variable = `Variable "$${node.variable.name.value}"`;
  return [
    `${variable} has invalid value`,
    `${variable} got invalid value `,
    `${variable} of required type `,
    `${variable} of non-null type `,
  ].some((prefix) => error.message.startsWith(prefix));
}
