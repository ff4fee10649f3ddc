import { describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '../../src/compose/composeSupergraph.js';
import { reportSchemaChanges } from '../../src/compose/reportSchemaChanges.js';
import { FEDERATION_LINK } from './tempRepo.js';

function supergraphOf(users: string, reviews: string): string {
  return composeSupergraph([
    {
      name: 'reviews',
      schemaPath: 'services/reviews/schema.graphql',
      sdl: FEDERATION_LINK + reviews,
    },
    { name: 'users', schemaPath: 'services/users/schema.graphql', sdl: FEDERATION_LINK + users },
  ]).supergraphSdl;
}

const users = 'type User @key(fields: "id") { id: ID! name: String! } type Query { me: User }';
const reviews =
  'type User @key(fields: "id") { id: ID! reviewCount: Int! } type Query { top: [User!]! }';

describe('Function: reportSchemaChanges', () => {
  it('reports a removed field as BREAKING, with its path', async () => {
    // Prepare
    const previous = supergraphOf(users, reviews);
    const next = supergraphOf(users.replace(' name: String!', ''), reviews);

    // Act
    const report = await reportSchemaChanges(previous, next);

    // Assess
    expect(report).toEqual({
      BREAKING: [
        {
          criticality: 'BREAKING',
          type: 'FIELD_REMOVED',
          message: "Field 'name' was removed from object type 'User'",
          path: 'User.name',
        },
      ],
      DANGEROUS: [],
      NON_BREAKING: [],
    });
  });

  it('reports an added field as NON_BREAKING', async () => {
    // Prepare
    const previous = supergraphOf(users, reviews);
    const next = supergraphOf(
      users.replace('name: String!', 'name: String! email: String'),
      reviews,
    );

    // Act
    const report = await reportSchemaChanges(previous, next);

    // Assess
    expect(report.BREAKING).toEqual([]);
    expect(report.NON_BREAKING).toEqual([
      expect.objectContaining({ type: 'FIELD_ADDED', path: 'User.email' }),
    ]);
  });

  it('sees no change when a field only moves to another subgraph, since clients cannot tell', async () => {
    // Prepare: the supergraph's join__ directives change, the API schema does not.
    const previous = supergraphOf(users, reviews);
    const next = supergraphOf(
      users.replace('name: String!', 'name: String! reviewCount: Int!'),
      reviews.replace(' reviewCount: Int!', ''),
    );

    // Act
    const report = await reportSchemaChanges(previous, next);

    // Assess
    expect(previous).not.toBe(next);
    expect(report).toEqual({ BREAKING: [], DANGEROUS: [], NON_BREAKING: [] });
  });

  it('says which supergraph is invalid when the previous one cannot be read', async () => {
    // Prepare
    const next = supergraphOf(users, reviews);

    // Act
    const report = reportSchemaChanges('type Query { hand: String }', next, {
      previous: 'base.graphql',
      next: 'the new supergraph',
    });

    // Assess
    await expect(report).rejects.toThrow(/^base\.graphql is not a valid supergraph \(/);
  });
});
