import type { GraphQLResolveInfo, GraphQLScalarType } from 'graphql';

/**
 * A resolver function: a field resolver `(parent, args, context, info)`, or one of the type-level
 * hooks `__resolveReference(representation, context, info)`, `__resolveType(value, context,
 * info)` and `__isTypeOf(value, context, info)`. Declared through a method on purpose: TypeScript
 * compares method parameters bivariantly, so a service may annotate its own parent and argument
 * types (`(product: ProductRecord, args: PageArgs, context) => …`) without casts.
 */
export type ResolverFunction<TContext> = {
  resolver(parent: unknown, args: unknown, context: TContext, info: GraphQLResolveInfo): unknown;
}['resolver'];

/** A field given as an object rather than a bare function (Apollo's shape). */
export interface FieldResolverConfig<TContext> {
  readonly resolve?: ResolverFunction<TContext>;
  readonly subscribe?: ResolverFunction<TContext>;
  /** Accepted for compatibility with Apollo's resolver maps; not used at run time. */
  readonly requires?: string;
}

/** The resolvers of one object, interface or union type, by field or hook name. */
export interface TypeResolvers<TContext> {
  readonly [fieldName: string]: ResolverFunction<TContext> | FieldResolverConfig<TContext>;
}

/** An enum's internal values by GraphQL value name (e.g. `{ APNS: 'apns' }`). */
export interface EnumValues {
  readonly [valueName: string]: string | number;
}

/**
 * A service's resolver map: type name → field resolvers (or hooks), a custom scalar's
 * `GraphQLScalarType`, or an enum's internal values. Same shape as `@apollo/subgraph`'s
 * `GraphQLResolverMap`, so resolver maps written for Apollo work unchanged.
 */
export interface Resolvers<TContext> {
  readonly [typeName: string]: TypeResolvers<TContext> | GraphQLScalarType | EnumValues;
}
