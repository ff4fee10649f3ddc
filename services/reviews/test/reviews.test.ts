import { beforeAll, describe, expect, it } from '@jest/globals';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, entityKey, type Identity } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { createReviewsSubgraph } from '../src/subgraph.js';

const alice: Identity = { userId: 'alice', username: 'alice', groups: [], anonymous: false };
const admin: Identity = { userId: 'root', username: 'root', groups: ['admin'], anonymous: false };
const anonymous: Identity = { groups: [], anonymous: true };

describe('Subgraph: reviews', () => {
  let subgraph: ReturnType<typeof createReviewsSubgraph>;
  let tableName: string;

  beforeAll(async () => {
    tableName = await createTestTable('reviews');
    subgraph = createReviewsSubgraph({ tableName });
    await documentClient().send(
      new PutCommand({
        TableName: tableName,
        Item: { ...entityKey('products', 'Product', 'p1'), id: 'p1' },
      }),
    );
  });

  const create = (identity: Identity, variables: Record<string, unknown>) =>
    subgraph.execute(
      {
        query:
          'mutation($p: ID!, $r: Int!, $b: String!) { createReview(productId: $p, rating: $r, body: $b) { id rating body } }',
        variables,
      },
      identity,
    );

  it('creates a review and lists it under the product', async () => {
    const created = await create(alice, { p: 'p1', r: 4, b: ' Solid. ' });
    expect(created.body.errors).toBeUndefined();
    const listed = await subgraph.execute(
      {
        query:
          '{ _entities(representations: [{ __typename: "Product", id: "p1" }]) { ... on Product { reviews(first: 5) { edges { node { rating body author { id } } } pageInfo { hasNextPage } } } } }',
      },
      anonymous,
    );
    expect(listed.body).toEqual({
      data: {
        _entities: [
          {
            reviews: {
              edges: [{ node: { rating: 4, body: 'Solid.', author: { id: 'alice' } } }],
              pageInfo: { hasNextPage: false },
            },
          },
        ],
      },
    });
  });

  it.each([
    [{ p: 'p1', r: 0, b: 'x' }, 'BAD_USER_INPUT'],
    [{ p: 'p1', r: 6, b: 'x' }, 'BAD_USER_INPUT'],
    [{ p: 'p1', r: 3, b: '   ' }, 'BAD_USER_INPUT'],
    [{ p: 'nope', r: 3, b: 'x' }, 'NOT_FOUND'],
  ])('rejects %j with %s and writes nothing', async (variables, code) => {
    const before = await subgraph.execute(
      {
        query:
          '{ _entities(representations: [{ __typename: "User", id: "alice" }]) { ... on User { reviews(first: 100) { edges { node { id } } } } } }',
      },
      alice,
    );
    const result = await create(alice, variables);
    expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
    const after = await subgraph.execute(
      {
        query:
          '{ _entities(representations: [{ __typename: "User", id: "alice" }]) { ... on User { reviews(first: 100) { edges { node { id } } } } } }',
      },
      alice,
    );
    expect(after.body).toEqual(before.body);
  });

  it('requires a signed-in caller to post', async () => {
    const result = await create(anonymous, { p: 'p1', r: 3, b: 'x' });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only the author or an admin delete a review', async () => {
    const created = await create(alice, { p: 'p1', r: 2, b: 'meh' });
    const id = (created.body.data?.createReview as { id: string }).id;
    const bob: Identity = { userId: 'bob', groups: [], anonymous: false };
    const refused = await subgraph.execute(
      { query: 'mutation($id: ID!) { deleteReview(id: $id) }', variables: { id } },
      bob,
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleted = await subgraph.execute(
      { query: 'mutation($id: ID!) { deleteReview(id: $id) }', variables: { id } },
      admin,
    );
    expect(deleted.body).toEqual({ data: { deleteReview: id } });
    const gone = await subgraph.execute(
      { query: 'query($id: ID!) { review(id: $id) { id } }', variables: { id } },
      admin,
    );
    expect(gone.body).toEqual({ data: { review: null } });
  });
});
