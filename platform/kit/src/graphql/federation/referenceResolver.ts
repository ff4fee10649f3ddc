import type {
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLUnionType,
} from 'graphql';

/** A type's `__resolveReference`: turns an entity representation into the entity (or null). */
export type ReferenceResolver = (
  representation: Record<string, unknown>,
  context: unknown,
  info: GraphQLResolveInfo,
) => unknown;

type TypeWithReferences = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType;

/**
 * The type's `__resolveReference`. It is kept where `@apollo/subgraph` keeps it,
 * `type.extensions.apollo.subgraph.resolveReference`, so code that reads resolvers back from a
 * built subgraph schema (the bench's monolith) works with either builder.
 */
export function referenceResolverOf(type: TypeWithReferences): ReferenceResolver | undefined {
  const resolver = subgraphExtensionsOf(type).resolveReference;
  return typeof resolver === 'function' ? (resolver as ReferenceResolver) : undefined;
}

/** Stores `resolver` as the type's `__resolveReference` (see `referenceResolverOf`). */
export function setReferenceResolver(type: TypeWithReferences, resolver: unknown): void {
  const apollo = record(type.extensions.apollo);
  type.extensions = {
    ...type.extensions,
    apollo: { ...apollo, subgraph: { ...subgraphExtensionsOf(type), resolveReference: resolver } },
  };
}

function subgraphExtensionsOf(type: TypeWithReferences): Record<string, unknown> {
  return record(record(type.extensions.apollo).subgraph);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
