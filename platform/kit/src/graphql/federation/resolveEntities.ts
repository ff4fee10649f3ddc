import {
  defaultTypeResolver,
  isInterfaceType,
  isObjectType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import { referenceResolverOf } from './referenceResolver.js';

/**
 * The `Query._entities` resolver: each representation `{ __typename, …key fields }` becomes the
 * entity its type's `__resolveReference` returns (the representation itself when the type has
 * none), with `__typename` kept so `_Entity` resolves to the right type. A representation that
 * fails (unknown type, a throwing resolver) becomes an error at its own list position, so the
 * other entities of the batch still resolve.
 */
export function resolveEntities(
  representations: readonly unknown[],
  context: unknown,
  info: GraphQLResolveInfo,
): unknown[] {
  return representations.map((representation) => {
    try {
      return resolveEntity(representation, context, info);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

function resolveEntity(representation: unknown, context: unknown, info: GraphQLResolveInfo) {
  const reference = (representation ?? {}) as Record<string, unknown>;
  const typename = reference.__typename;
  const type = typeof typename === 'string' ? info.schema.getType(typename) : undefined;
  if (!isObjectType(type) && !isInterfaceType(type)) {
    // Apollo's wording, so logs and alerts read the same after the switch.
    throw new Error(
      `The _entities resolver tried to load an entity for type "${String(typename)}", but no object or interface type of that name was found in the schema`,
    );
  }
  const resolveReference = referenceResolverOf(type);
  const entity = resolveReference ? resolveReference(reference, context, info) : reference;
  if (isInterfaceType(type)) {
    return resolveInterfaceEntity(type, entity, !resolveReference, context, info);
  }
  return isPromise(entity)
    ? entity.then((resolved) => withTypename(resolved, type.name))
    : withTypename(entity, type.name);
}

/**
 * An entity representation of an interface (`@key` on an interface): the concrete type comes from
 * the interface's `__resolveType` (or `__typename`/`__isTypeOf`), and when the interface has no
 * `__resolveReference` the concrete type's one runs.
 */
async function resolveInterfaceEntity(
  type: GraphQLInterfaceType,
  entity: unknown,
  resolveWithConcreteType: boolean,
  context: unknown,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const resolved = await entity;
  if (resolved === null || resolved === undefined) return null;
  const resolveType = type.resolveType ?? defaultTypeResolver;
  const concrete = concreteType(
    await resolveType(resolved, context, info, type),
    type,
    info,
    resolved,
  );
  const concreteReference = resolveWithConcreteType ? referenceResolverOf(concrete) : undefined;
  const value = concreteReference
    ? await concreteReference(
        withTypename(resolved, concrete.name) as Record<string, unknown>,
        context,
        info,
      )
    : resolved;
  return withTypename(value, concrete.name);
}

function concreteType(
  name: unknown,
  type: GraphQLInterfaceType,
  info: GraphQLResolveInfo,
  value: unknown,
): GraphQLObjectType {
  const concrete = typeof name === 'string' ? info.schema.getType(name) : undefined;
  if (!isObjectType(concrete) || !info.schema.isSubType(type, concrete)) {
    throw new Error(
      `The entity of interface "${type.name}" resolved to ${JSON.stringify(name)}, which is not an object type implementing it (value ${JSON.stringify(value)}); return a __typename or give the interface a __resolveType.`,
    );
  }
  return concrete;
}

/**
 * Marks an entity with its type: a hidden `__typename` when it has none, a copy when it names
 * another type (a reference resolver may return a shared record).
 */
function withTypename(entity: unknown, typename: string): unknown {
  if (typeof entity !== 'object' || entity === null) return entity;
  const record = entity as Record<string, unknown>;
  if ('__typename' in record) {
    return record.__typename === typename ? record : { ...record, __typename: typename };
  }
  if (!Object.isExtensible(record)) return { ...record, __typename: typename };
  Object.defineProperty(record, '__typename', { value: typename });
  return record;
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
