import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from '@jest/globals';
import {
  getIntrospectionQuery,
  graphql,
  parse,
  printSchema,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { buildFederatedSchema } from '../../../src/graphql/buildFederatedSchema.js';
import { entityTypeNames } from '../../../src/graphql/federation/entityTypeNames.js';
import type { Resolvers } from '../../../src/graphql/Resolvers.js';

// The kit's builder replaces @apollo/subgraph's on the Lambda path; these tests hold it to
// answering exactly as Apollo's does for every real subgraph of the repo.
const SERVICES = ['products', 'reviews', 'users'] as const;

function serviceSdl(service: string): string {
  return readFileSync(
    new URL(`../../../../../services/${service}/schema.graphql`, import.meta.url),
    'utf8',
  );
}

/**
 * Resolvers that make every entity type observable: `__resolveReference` returns a promise of
 * the entity (so promise support is exercised), null for id "missing", and throws for id
 * "broken". When there are several, the last entity type has no `__resolveReference`, so
 * `_entities` must hand the representation back as it is.
 */
function entityResolvers(entities: readonly string[]): Resolvers<unknown> {
  const resolvers: Record<string, Resolvers<unknown>[string]> = {};
  for (const name of entities.length > 1 ? entities.slice(0, -1) : entities) {
    resolvers[name] = {
      __resolveReference: (reference) => {
        const { id } = reference as { id: string };
        if (id === 'broken') return Promise.reject(new Error(`${name} ${id} is broken`));
        return Promise.resolve(id === 'missing' ? null : { id: `${name}:${id}` });
      },
    };
  }
  return resolvers;
}

interface Built {
  readonly apollo: GraphQLSchema;
  readonly kit: GraphQLSchema;
  readonly entities: readonly string[];
}

function buildBoth(service: string): Built {
  const sdl = serviceSdl(service);
  const entities = entityTypeNames(parse(sdl), 'key');
  const resolvers = entityResolvers(entities);
  return {
    apollo: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }),
    kit: buildFederatedSchema({ typeDefs: sdl, resolvers }),
    entities,
  };
}

async function run(
  schema: GraphQLSchema,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return JSON.parse(
    JSON.stringify(await graphql({ schema, source, variableValues, contextValue: {} })),
  ) as ExecutionResult;
}

const ENTITIES_QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on Node { id } }
}`;

/** The entities query with one `... on T { id }` per entity type (all have an `id` key). */
function entitiesQuery(entities: readonly string[]): string {
  return ENTITIES_QUERY.replace(
    '... on Node { id }',
    entities.map((name) => `... on ${name} { id }`).join(' '),
  );
}

describe.each(SERVICES)('buildFederatedSchema on services/%s/schema.graphql', (service) => {
  const built = buildBoth(service);

  it('prints the same schema as Apollo (types, fields, directive definitions, _Entity)', () => {
    expect(printSchema(built.kit)).toBe(printSchema(built.apollo));
  });

  it('answers the full introspection query exactly as Apollo', async () => {
    const [kit, apollo] = await Promise.all([
      run(built.kit, getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true })),
      run(built.apollo, getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true })),
    ]);
    expect(kit.errors).toBeUndefined();
    expect(kit).toEqual(apollo);
  });

  it('resolves _entities of every entity type as Apollo: resolved, null, and passed through', async () => {
    expect(built.entities.length).toBeGreaterThan(0);
    const representations = built.entities.flatMap((name) => [
      { __typename: name, id: '1' },
      { __typename: name, id: 'missing' },
    ]);
    const query = entitiesQuery(built.entities);
    const [kit, apollo] = await Promise.all([
      run(built.kit, query, { representations }),
      run(built.apollo, query, { representations }),
    ]);
    expect(kit.errors).toBeUndefined();
    expect(kit).toEqual(apollo);
    // The assertion above must not pass on two empty answers.
    const first = built.entities[0] ?? '';
    expect((kit.data?._entities as unknown[])[0]).toEqual({ __typename: first, id: `${first}:1` });
  });

  it('reports a failing reference at its list position, with the same error as Apollo', async () => {
    const [first] = built.entities;
    const representations = [
      { __typename: first, id: '1' },
      { __typename: first, id: 'broken' },
    ];
    const query = entitiesQuery(built.entities);
    const [kit, apollo] = await Promise.all([
      run(built.kit, query, { representations }),
      run(built.apollo, query, { representations }),
    ]);
    expect(kit).toEqual(apollo);
    expect(kit.errors?.[0]?.path).toEqual(['_entities', 1]);
  });

  it('rejects an unknown __typename with Apollo’s message, at its list position', async () => {
    const [first] = built.entities;
    const representations = [
      { __typename: first, id: '1' },
      { __typename: 'Unknown', id: '1' },
    ];
    const query = entitiesQuery(built.entities);
    const [kit, apollo] = await Promise.all([
      run(built.kit, query, { representations }),
      run(built.apollo, query, { representations }),
    ]);
    expect(kit.errors?.map((error) => error.message)).toEqual(
      apollo.errors?.map((error) => error.message),
    );
    expect(kit.errors?.[0]?.message).toContain('type "Unknown"');
    // Apollo fails the whole `_entities` list (data: null); the kit keeps the other entities and
    // puts the error where the bad representation was, as the router expects of partial batches.
    expect(apollo.data).toBeNull();
    expect(kit.errors?.[0]?.path).toEqual(['_entities', 1]);
    expect(kit.data).toEqual({
      _entities: [{ __typename: first, id: `${first}:1` }, null],
    });
  });
});

describe('buildFederatedSchema _service.sdl', () => {
  it('composes into the same supergraph as the SDL Apollo’s subgraphs serve', async () => {
    const served = async (pick: (built: Built) => GraphQLSchema) =>
      Promise.all(
        SERVICES.map(async (name) => {
          const result = await run(pick(buildBoth(name)), '{ _service { sdl } }');
          const sdl = (result.data?._service as { sdl: string }).sdl;
          return { name, typeDefs: parse(sdl), url: `http://${name}` };
        }),
      );
    const kit = composeServices(await served((built) => built.kit));
    const apollo = composeServices(await served((built) => built.apollo));
    expect(kit.errors).toBeUndefined();
    expect(apollo.errors).toBeUndefined();
    expect(kit.supergraphSdl).toBe(apollo.supergraphSdl);
    expect(kit.supergraphSdl).toContain('type Review');
  });
});
