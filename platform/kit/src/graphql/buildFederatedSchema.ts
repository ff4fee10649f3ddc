import {
  buildASTSchema,
  Kind,
  OperationTypeNode,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { attachResolvers } from './federation/attachResolvers.js';
import { defineExtendedTypes } from './federation/defineExtendedTypes.js';
import { definedNames } from './federation/definedNames.js';
import { entityTypeNames } from './federation/entityTypeNames.js';
import type { FederationLink } from './federation/FederationLink.js';
import { federationDefinitions } from './federation/federationDefinitions.js';
import { localName } from './federation/localName.js';
import { readFederationLink } from './federation/readFederationLink.js';
import { resolveEntities } from './federation/resolveEntities.js';
import type { Resolvers } from './Resolvers.js';

/** What `buildFederatedSchema` needs. */
export interface FederatedSchemaOptions<TContext> {
  /** The Federation 2 SDL (with `extend schema @link(url: ".../federation/v2.x", …)`). */
  readonly typeDefs: string;
  readonly resolvers: Resolvers<TContext>;
  /** Names the SDL in error messages (e.g. `services/reviews/schema.graphql`). */
  readonly source?: string;
}

/**
 * Builds a federation subgraph schema from Federation 2 SDL and a resolver map with graphql-js
 * alone: the SDL plus the federation directive and type definitions, `_Any`, `_Service`,
 * `_Entity` and `Query._entities` / `Query._service`, answering as `@apollo/subgraph`'s
 * `buildSubgraphSchema` does. It does not re-check federation rules (key fields exist, …):
 * composition checks those at build time (`stack compose`).
 */
export function buildFederatedSchema<TContext>(
  options: FederatedSchemaOptions<TContext>,
): GraphQLSchema {
  const source = options.source ?? 'subgraph SDL';
  const document = parse(options.typeDefs);
  const link = readFederationLink(document, source);
  const entities = entityTypeNames(document, localName(link, '@key'));
  const queryType = queryTypeName(document);
  const serviceDefinitions = defineExtendedTypes(
    document.definitions,
    definedNames(document).types,
  );
  const federation = federationSdl(serviceDefinitions, link, source, entities, queryType);
  const schema = buildASTSchema({
    kind: Kind.DOCUMENT,
    definitions: [...serviceDefinitions, ...parse(federation).definitions],
  });
  attachResolvers(schema, servingResolvers(options.typeDefs, entities, queryType), source);
  attachResolvers(schema, options.resolvers, source);
  return schema;
}

/** The definitions federation adds to the service's SDL (skipping any the SDL already has). */
function federationSdl(
  serviceDefinitions: readonly DefinitionNode[],
  link: FederationLink,
  source: string,
  entities: readonly string[],
  queryType: string,
): string {
  const defined = definedNames({ kind: Kind.DOCUMENT, definitions: serviceDefinitions });
  const { directives, types } = federationDefinitions(link, source);
  const added = [
    ...[...directives].filter(([name]) => !defined.directives.has(name)).map(([, sdl]) => sdl),
    ...[...types].filter(([name]) => !defined.types.has(name)).map(([, sdl]) => sdl),
    'scalar _Any',
    'type _Service { sdl: String }',
  ];
  if (entities.length > 0) added.push(`union _Entity = ${entities.join(' | ')}`);
  const fields = [
    ...(entities.length > 0 ? ['_entities(representations: [_Any!]!): [_Entity]!'] : []),
    '_service: _Service!',
  ].join('\n');
  added.push(
    defined.types.has(queryType)
      ? `extend type ${queryType} {\n${fields}\n}`
      : `type ${queryType} {\n${fields}\n}`,
  );
  return added.join('\n\n');
}

/** The query root's name: the one a `schema { query: … }` names, else `Query`. */
function queryTypeName(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    const query = definition.operationTypes?.find(
      (type) => type.operation === OperationTypeNode.QUERY,
    );
    if (query) return query.type.name.value;
  }
  return 'Query';
}

/**
 * The resolvers of the federation fields. `_service.sdl` is the service's own SDL: it is what
 * composition takes (`stack compose` composes the same files), and unlike Apollo's re-printed
 * SDL it costs nothing to produce. The service's resolver map is attached after these, so a
 * service could still override them.
 */
function servingResolvers(
  typeDefs: string,
  entities: readonly string[],
  queryType: string,
): Resolvers<unknown> {
  const service = { sdl: typeDefs };
  if (entities.length === 0) return { [queryType]: { _service: () => service } };
  return {
    [queryType]: {
      _service: () => service,
      _entities: (_root, args, context, info) =>
        resolveEntities((args as { representations: unknown[] }).representations, context, info),
    },
    _Entity: { __resolveType: (entity) => (entity as { __typename?: string }).__typename },
  };
}
