import { buildSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from '@jest/globals';
import {
  graphql,
  GraphQLScalarType,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { buildFederatedSchema } from '../../../src/graphql/buildFederatedSchema.js';
import { referenceResolverOf } from '../../../src/graphql/federation/referenceResolver.js';
import type { Resolvers } from '../../../src/graphql/Resolvers.js';

const link = (version: string, imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: ${imports})\n`;

async function run(
  schema: GraphQLSchema,
  source: string,
  variableValues?: Record<string, unknown>,
) {
  return JSON.parse(
    JSON.stringify(await graphql({ schema, source, variableValues, contextValue: { user: 'u1' } })),
  ) as { data?: Record<string, unknown> | null; errors?: { message: string; path?: unknown[] }[] };
}

describe('buildFederatedSchema: definitions', () => {
  // Each SDL exercises a naming or shape rule of Federation 2; Apollo's printed schema is the
  // reference, so a wrong directive signature, version gate or name fails here.
  const cases: Record<string, string> = {
    'v2.0 with a renamed @key and an imported FieldSet':
      link('2.0', '[{ name: "@key", as: "@id" }, "FieldSet", "@tag"]') +
      'type T @id(fields: "id") { id: ID! @tag(name: "x") } type Query { t: T }',
    'v2.3 (@interfaceObject, @tag on SCHEMA, repeatable @shareable)':
      link('2.3', '["@key", "@shareable", "@interfaceObject"]') +
      'type T @key(fields: "id") @shareable { id: ID! } type Query { t: T }',
    'v2.9 with a custom prefix (as: "fed") and prefixed directives':
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", as: "fed", import: ["@key"])\n' +
      'type T @key(fields: "id") { id: ID! other: String @fed__shareable } type Query { t: T }',
    'v2.12 with every scalar imported':
      link(
        '2.12',
        '["@key", "FieldSet", "Scope", "Policy", "ContextFieldValue", "@requiresScopes"]',
      ) +
      'type T @key(fields: "id") @requiresScopes(scopes: [["read"]]) { id: ID! } type Query { t: T }',
    'no Query type (the builder creates it)':
      link('2.7', '["@key"]') + 'type T @key(fields: "id") { id: ID! name: String }',
    'no entity (no _Entity, no _entities)':
      link('2.7', '["@shareable"]') + 'type Query { hello: String @shareable }',
    'an extended type no one defines here and an extended Query':
      link('2.7', '["@key", "@external"]') +
      'extend type Product @key(fields: "upc") { upc: String! @external reviews: [String!]! }\n' +
      'extend type Query { top: [Product!]! }',
    'a custom query root':
      link('2.7', '["@key"]') +
      'schema { query: Root } type Root { t: T } type T @key(fields: "id") { id: ID! }',
  };

  // Sorted, because for extension-only types Apollo's order of types and fields differs (order
  // carries no meaning; the real services' schemas are compared unsorted elsewhere).
  it.each(Object.entries(cases))('prints as Apollo for %s', (_name, sdl) => {
    const kit = buildFederatedSchema({ typeDefs: sdl, resolvers: {} });
    const apollo = buildSubgraphSchema({ typeDefs: parse(sdl) });
    expect(printSchema(lexicographicSortSchema(kit))).toBe(
      printSchema(lexicographicSortSchema(apollo)),
    );
  });

  it('serves the service SDL as _service.sdl, also without entities', async () => {
    const sdl = cases['no entity (no _Entity, no _entities)'] ?? '';
    const result = await run(
      buildFederatedSchema({ typeDefs: sdl, resolvers: {} }),
      '{ _service { sdl } }',
    );
    expect(result).toEqual({ data: { _service: { sdl } } });
  });
});

describe('buildFederatedSchema: resolver maps', () => {
  const sdl =
    link('2.7', '["@key"]') +
    `scalar Cents
     enum Platform { APNS FCM }
     interface Node { id: ID! }
     type Device implements Node @key(fields: "id") { id: ID! platform: Platform! price: Cents! }
     type Tablet implements Node { id: ID! }
     union Thing = Device | Tablet
     type Query { node(id: ID!): Node things: [Thing!]! byPlatform(platform: Platform!): [Device!]! who: String }`;
  const devices = [{ id: 'd1', platform: 'apns', price: 1250 }];
  const resolveDevice = (reference: { id: string }) =>
    devices.find((d) => d.id === reference.id) ?? null;
  const resolvers: Resolvers<{ user: string }> = {
    Cents: new GraphQLScalarType({
      name: 'Cents',
      serialize: (value) => `${(value as number) / 100} EUR`,
    }),
    Platform: { APNS: 'apns', FCM: 'fcm' },
    Node: {
      __resolveType: (value) =>
        (value as { id: string }).id.startsWith('d') ? 'Device' : 'Tablet',
    },
    Thing: {
      __resolveType: (value) =>
        (value as { id: string }).id.startsWith('d') ? 'Device' : 'Tablet',
    },
    Device: {
      __resolveReference: resolveDevice,
    },
    Query: {
      node: (_root, args: { id: string }) => ({ id: args.id, platform: 'fcm', price: 5 }),
      things: () => [{ id: 'd1', platform: 'apns', price: 1 }, { id: 't1' }],
      byPlatform: (_root, args: { platform: string }) =>
        devices.filter((d) => d.platform === args.platform),
      who: { resolve: (_root, _args, context) => context.user },
    },
  };
  const query = `query ($r: [_Any!]!) {
    node(id: "d9") { id ... on Device { platform price } }
    things { __typename ... on Device { id } ... on Tablet { id } }
    byPlatform(platform: APNS) { id platform price }
    who
    _entities(representations: $r) { ... on Device { id platform price } }
  }`;

  it('answers as Apollo with custom scalars, enum values, abstract types, {resolve} fields and references', async () => {
    const variables = {
      r: [
        { __typename: 'Device', id: 'd1' },
        { __typename: 'Device', id: 'nope' },
      ],
    };
    const kit = await run(buildFederatedSchema({ typeDefs: sdl, resolvers }), query, variables);
    const apollo = await run(
      buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never }),
      query,
      variables,
    );
    expect(kit).toEqual(apollo);
    expect(kit.data).toMatchObject({
      byPlatform: [{ id: 'd1', platform: 'APNS', price: '12.5 EUR' }],
      who: 'u1',
      _entities: [{ id: 'd1', platform: 'APNS' }, null],
    });
  });

  it('keeps __resolveReference where @apollo/subgraph keeps it (the bench monolith reads it)', () => {
    const schema = buildFederatedSchema({ typeDefs: sdl, resolvers });
    const device = schema.getType('Device');
    if (!isObjectType(device)) throw new Error('Device is not an object type');
    expect(referenceResolverOf(device)).toBe(resolveDevice);
    expect(
      (device.extensions.apollo as { subgraph: { resolveReference: unknown } }).subgraph
        .resolveReference,
    ).toBe(resolveDevice);
    // The key directive stays on the type's AST node, where the monolith reads key fields.
    expect(device.astNode?.directives?.map((d) => d.name.value)).toEqual(['key']);
    expect(device.astNode?.kind).toBe(Kind.OBJECT_TYPE_DEFINITION);
  });
});

describe('buildFederatedSchema: _entities', () => {
  const sdl =
    link('2.7', '["@key"]') +
    'type A @key(fields: "id") { id: ID! name: String } type B @key(fields: "id") { id: ID! } type Query { a: A }';
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on A { id name } ... on B { id } } }`;

  it('keeps the other entities when one reference resolver throws synchronously', async () => {
    const schema = buildFederatedSchema({
      typeDefs: sdl,
      resolvers: {
        A: {
          __resolveReference: (reference: { id: string }) => {
            if (reference.id === 'bad') throw new Error('A bad is broken');
            return { id: reference.id, name: `a${reference.id}` };
          },
        },
      },
    });
    const result = await run(schema, query, {
      r: [
        { __typename: 'A', id: 'bad' },
        { __typename: 'A', id: '2' },
        { __typename: 'B', id: '3' },
      ],
    });
    expect(result.data).toEqual({
      _entities: [null, { __typename: 'A', id: '2', name: 'a2' }, { __typename: 'B', id: '3' }],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'A bad is broken', path: ['_entities', 0] }),
    ]);
  });

  it('resolves to the representation’s type even when the resolver returns a record of another __typename', async () => {
    const shared = { __typename: 'B', id: '7', name: 'shared' };
    const schema = buildFederatedSchema({
      typeDefs: sdl,
      resolvers: { A: { __resolveReference: () => shared } },
    });
    const result = await run(schema, query, { r: [{ __typename: 'A', id: '7' }] });
    expect(result).toEqual({ data: { _entities: [{ __typename: 'A', id: '7', name: 'shared' }] } });
    expect(shared.__typename).toBe('B');
  });
});

describe('buildFederatedSchema: mistakes', () => {
  const base =
    link('2.7', '["@key"]') + 'type T @key(fields: "id") { id: ID! } type Query { t: T }';

  it.each([
    [
      'SDL without a federation @link',
      'type Query { a: String }',
      /has no @link to the Federation 2 spec/,
    ],
    ['an unknown version', base.replace('v2.7', 'v2.99'), /v2\.0 to v2\.14/],
    [
      'an import the version lacks',
      base.replace('["@key"]', '["@key", "@cost"]'),
      /imports "@cost", which Federation v2\.7 does not define/,
    ],
    [
      'a directive used without import',
      base.replace('id: ID!', 'id: ID! @external'),
      /Unknown directive "@external"/,
    ],
  ])('rejects %s', (_name, sdl, message) => {
    expect(() =>
      buildFederatedSchema({ typeDefs: sdl, resolvers: {}, source: 'subgraph "t"' }),
    ).toThrow(message);
  });

  it.each([
    ['an unknown type', { Tee: { id: () => '1' } }, /subgraph "t": the resolvers name type "Tee"/],
    [
      'an unknown field',
      { T: { idd: () => '1' } },
      /the resolvers define T\.idd, which the schema does not have/,
    ],
  ])('rejects resolvers for %s', (_name, resolvers, message) => {
    expect(() =>
      buildFederatedSchema({ typeDefs: base, resolvers, source: 'subgraph "t"' }),
    ).toThrow(message);
  });
});
