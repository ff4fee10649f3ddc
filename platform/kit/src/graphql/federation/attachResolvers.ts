import {
  GraphQLEnumType,
  isAbstractType,
  isEnumType,
  isObjectType,
  isScalarType,
  type GraphQLEnumValueConfigMap,
  type GraphQLFieldResolver,
  type GraphQLIsTypeOfFn,
  type GraphQLScalarType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import type { EnumValues, Resolvers, TypeResolvers } from '../Resolvers.js';
import { setReferenceResolver } from './referenceResolver.js';

/**
 * Puts a resolver map onto a built schema, as `@apollo/subgraph` does: field resolvers (bare or
 * `{ resolve, subscribe }`), `__resolveReference`, `__resolveType`, `__isTypeOf`, custom scalar
 * implementations and enum internal values. Unlike Apollo it throws on a type or field the schema
 * lacks, because such a resolver is a typo that would otherwise never run.
 */
export function attachResolvers<TContext>(
  schema: GraphQLSchema,
  resolvers: Resolvers<TContext>,
  source: string,
): void {
  for (const [typeName, typeResolvers] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type) {
      throw new Error(
        `${source}: the resolvers name type "${typeName}", which the schema does not define; fix the name or add the type to the SDL.`,
      );
    }
    if (isScalarType(type)) {
      implementScalar(type, typeResolvers as GraphQLScalarType);
    } else if (isEnumType(type)) {
      mapEnumValues(type, typeResolvers as EnumValues);
    } else if (!isObjectType(type) && !isAbstractType(type)) {
      throw new Error(
        `${source}: the resolvers give input type "${typeName}" resolvers; only object, interface, union, scalar and enum types take them.`,
      );
    } else {
      const hooks = typeResolvers as TypeResolvers<TContext>;
      for (const [name, resolver] of Object.entries(hooks)) {
        if (name === '__resolveReference') {
          setReferenceResolver(type, resolver);
        } else if (name === '__resolveType' && isAbstractType(type)) {
          type.resolveType = resolver as GraphQLTypeResolver<unknown, unknown>;
        } else if (name === '__isTypeOf' && isObjectType(type)) {
          type.isTypeOf = resolver as GraphQLIsTypeOfFn<unknown, unknown>;
        } else {
          const field = isObjectType(type) ? type.getFields()[name] : undefined;
          if (!field) {
            throw new Error(
              isObjectType(type)
                ? `${source}: the resolvers define ${typeName}.${name}, which the schema does not have; fix the name or add the field to the SDL.`
                : `${source}: the resolvers define ${typeName}.${name}, but graphql-js never calls resolvers of interface or union fields; put it on the object types instead.`,
            );
          }
          if (typeof resolver === 'function') {
            field.resolve = resolver as GraphQLFieldResolver<unknown, unknown>;
          } else {
            field.resolve = resolver.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
            field.subscribe = resolver.subscribe as
              GraphQLFieldResolver<unknown, unknown> | undefined;
          }
        }
      }
    }
  }
}

/** Gives an SDL scalar the service's implementation (serialize, parse, specifiedByURL, …). */
function implementScalar(type: GraphQLScalarType, implementation: GraphQLScalarType): void {
  type.serialize = implementation.serialize;
  type.parseValue = implementation.parseValue;
  type.parseLiteral = implementation.parseLiteral;
  if (implementation.description != null) type.description = implementation.description;
  if (implementation.specifiedByURL != null) type.specifiedByURL = implementation.specifiedByURL;
  type.extensions = { ...type.extensions, ...implementation.extensions };
}

/** Maps an enum's GraphQL value names to the service's internal values (unmapped keep names). */
function mapEnumValues(type: GraphQLEnumType, values: EnumValues): void {
  const config = type.toConfig();
  const mapped: GraphQLEnumValueConfigMap = {};
  for (const [name, value] of Object.entries(config.values)) {
    mapped[name] = { ...value, value: values[name] ?? name };
  }
  // graphql-js enums keep lookup tables built in the constructor, so the type is rebuilt and
  // its state copied onto the instance the schema already references.
  Object.assign(type, new GraphQLEnumType({ ...config, values: mapped }));
}
