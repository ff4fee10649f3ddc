import { isSpecifiedScalarType, type GraphQLSchema } from 'graphql';

/** Counts the schema's own named types, leaving out introspection types and built-in scalars. */
export function countSchemaTypes(schema: GraphQLSchema): number {
  return Object.values(schema.getTypeMap()).filter(
    (type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
  ).length;
}
