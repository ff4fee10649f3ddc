import { printSchema, Supergraph } from '@apollo/federation-internals';
import type { Subgraph } from '@stack/kit';
import {
  buildSchema,
  defaultFieldResolver,
  getNamedType,
  isCompositeType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { entityKeyFields } from './entityKeyFields.js';
import { isObject, Provenance } from './Provenance.js';

type FieldResolver = GraphQLFieldResolver<unknown, unknown>;
type ReferenceResolver = (
  reference: Record<string, unknown>,
  context: unknown,
  info: GraphQLResolveInfo,
) => unknown;

/** One subgraph's implementation of one field of the API schema. */
interface FieldOwner {
  readonly service: string;
  /** The service's resolver; undefined means graphql-js's default (read the property). */
  readonly resolve: FieldResolver | undefined;
  /** Set when the type is an entity this service resolves references of. */
  readonly resolveReference: ReferenceResolver | undefined;
  /** The service's key fields of the type (the representation it receives). */
  readonly keyFields: readonly string[] | undefined;
}

/**
 * Builds the monolith baseline's executable schema: the supergraph's API schema (what clients
 * see) with the subgraphs' own resolvers attached, so one GraphQL execution runs the same code
 * the federated services run. The resolvers are read from each subgraph's built schema (field
 * `resolve` functions and `__resolveReference`), which is where the kit's `buildFederatedSchema`
 * (like Apollo's `buildSubgraphSchema`) puts the services' resolver maps.
 *
 * Entity references work as in federation: when a field belongs to a service that resolves
 * references of the parent's type, and the parent object was produced by another service (e.g.
 * `Review.author` returns `{ __typename: 'User', id }`), the service's `__resolveReference`
 * runs first on the key fields, once per parent object, and the field resolves on its result.
 */
export function buildMonolithSchema(
  supergraphSdl: string,
  subgraphs: ReadonlyMap<string, Subgraph>,
): GraphQLSchema {
  const schema = buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
  const provenance = new Provenance();
  const references = new WeakMap<object, Map<string, unknown>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const owners = ownersOf(type.name, field.name, subgraphs);
      const first = owners[0];
      if (!first) {
        throw new Error(
          `No subgraph defines ${type.name}.${field.name}: the supergraph and services disagree; run npx stack compose`,
        );
      }
      const marksResult = isCompositeType(getNamedType(field.type));
      const needsReference = owners.some(
        (owner) => owner.resolveReference && !owner.keyFields?.includes(field.name),
      );
      if (!marksResult && !needsReference && owners.length === 1) {
        field.resolve = first.resolve;
        continue;
      }
      field.resolve = federatedResolver(
        type.name,
        [first, ...owners.slice(1)],
        marksResult,
        provenance,
        references,
      );
    }
  }
  return schema;
}

/** The subgraphs that define `typeName.fieldName`, in the subgraphs' order. */
function ownersOf(
  typeName: string,
  fieldName: string,
  subgraphs: ReadonlyMap<string, Subgraph>,
): FieldOwner[] {
  const owners: FieldOwner[] = [];
  for (const [service, subgraph] of subgraphs) {
    const type = subgraph.schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fieldName];
    if (!field) continue;
    owners.push({
      service,
      resolve: field.resolve as FieldResolver | undefined,
      resolveReference: referenceResolverOf(type.extensions),
      keyFields: entityKeyFields(type),
    });
  }
  return owners;
}

/** The `__resolveReference` the subgraph schema keeps in the type's extensions (`apollo.subgraph`). */
function referenceResolverOf(extensions: unknown): ReferenceResolver | undefined {
  if (!isObject(extensions) || !isObject(extensions.apollo)) return undefined;
  const subgraph = extensions.apollo.subgraph;
  if (!isObject(subgraph) || typeof subgraph.resolveReference !== 'function') return undefined;
  return subgraph.resolveReference as ReferenceResolver;
}

function federatedResolver(
  typeName: string,
  owners: readonly [FieldOwner, ...FieldOwner[]],
  marksResult: boolean,
  provenance: Provenance,
  references: WeakMap<object, Map<string, unknown>>,
): FieldResolver {
  const run = (owner: FieldOwner, source: unknown, ...rest: Tail<FieldResolver>): unknown => {
    const value = (owner.resolve ?? defaultFieldResolver)(source, ...rest);
    return marksResult
      ? then(value, (resolved) => provenance.mark(owner.service, resolved))
      : value;
  };
  return (parent, args, context, info) => {
    const producer = owners.find((owner) => provenance.has(owner.service, parent));
    const owner = producer ?? owners[0];
    const isKey = owner.keyFields?.includes(info.fieldName) ?? false;
    if (producer || !owner.resolveReference || isKey || !isObject(parent)) {
      return run(owner, parent, args, context, info);
    }
    const resolved = resolveReferenceOnce(parent, typeName, owner, context, info);
    // A reference that resolved to nothing is a missing entity: null, as `_entities` answers.
    return then(resolved, (source) =>
      source === null || source === undefined ? null : run(owner, source, args, context, info),
    );
  };

  function resolveReferenceOnce(
    parent: Record<string, unknown>,
    type: string,
    owner: FieldOwner,
    context: unknown,
    info: GraphQLResolveInfo,
  ): unknown {
    let byService = references.get(parent);
    if (!byService) references.set(parent, (byService = new Map<string, unknown>()));
    if (byService.has(owner.service)) return byService.get(owner.service);
    const keys = owner.keyFields;
    const representation: Record<string, unknown> = keys?.every((key) => key in parent)
      ? Object.fromEntries<unknown>([
          ['__typename', type],
          ...keys.map((key): [string, unknown] => [key, parent[key]]),
        ])
      : { ...parent, __typename: type };
    const resolved = then(owner.resolveReference?.(representation, context, info), (value) =>
      provenance.mark(owner.service, value),
    );
    byService.set(owner.service, resolved);
    return resolved;
  }
}

type Tail<F> = F extends (first: never, ...rest: infer R) => unknown ? R : never;

/** Applies `next` to a value or, when it is a promise, to what it resolves to. */
function then(value: unknown, next: (resolved: unknown) => unknown): unknown {
  return value instanceof Promise ? value.then(next) : next(value);
}
