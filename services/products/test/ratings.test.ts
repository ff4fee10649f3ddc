import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, entityKey, type Identity } from '@stack/kit';
import { countTableCalls, createTestTable, type TableCallCounter } from '@stack/kit/testing';
import { createProductsSubgraph } from '../src/subgraph.js';
import { ProductsRepository } from '../src/ProductsRepository.js';

const anonymous: Identity = { groups: [], anonymous: true };

const LIST = '{ products(first: 100) { edges { node { id ratingCount averageRating } } } }';

describe('Subgraph: products ratings', () => {
  let tableName: string;
  let subgraph: ReturnType<typeof createProductsSubgraph>;
  let counter: TableCallCounter;

  const addProducts = async (count: number, offset: number) => {
    const repository = new ProductsRepository(documentClient(), tableName);
    for (let index = offset; index < offset + count; index += 1) {
      await repository.create(
        { title: `P${index}`, description: '', priceCents: 100, currency: 'EUR', imageUrls: [] },
        'admin',
        { id: `p${index}`, createdAt: new Date(1_790_000_000_000 + index).toISOString() },
      );
    }
  };
  const putTotals = (productId: string, ratingCount: number, ratingSum: number) =>
    documentClient().send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...entityKey('analytics', 'ProductRating', productId),
          productId,
          ratingCount,
          ratingSum,
        },
      }),
    );
  const list = async () => {
    const result = await subgraph.execute({ query: LIST }, anonymous);
    expect(result.body.errors).toBeUndefined();
    const edges = (result.body.data?.products as { edges: { node: Record<string, unknown> }[] })
      .edges;
    return new Map(edges.map(({ node }) => [node.id, node]));
  };

  beforeAll(async () => {
    tableName = await createTestTable('products-ratings');
    subgraph = createProductsSubgraph({ tableName });
    counter = countTableCalls();
    await addProducts(3, 0);
    await putTotals('p0', 3, 10);
    await putTotals('p1', 0, 0);
  });

  afterAll(() => counter.remove());

  it("shows analytics' totals: count and exact mean, null mean when there are none", async () => {
    // Act
    const products = await list();

    // Assess
    expect(products.get('p0')).toEqual({ id: 'p0', ratingCount: 3, averageRating: 10 / 3 });
    expect(products.get('p1')).toEqual({ id: 'p1', ratingCount: 0, averageRating: null });
    expect(products.get('p2')).toEqual({ id: 'p2', ratingCount: 0, averageRating: null });
  });

  it('treats totals briefly below zero (a deletion applied before its creation) as none', async () => {
    // Prepare
    await putTotals('p2', -1, -4);

    // Act
    const products = await list();

    // Assess
    expect(products.get('p2')).toEqual({ id: 'p2', ratingCount: 0, averageRating: null });
  });

  it('reads the ratings of a whole list in one BatchGetItem, however long the list', async () => {
    // Prepare
    const small = await counter.during(list);
    await addProducts(40, 3);
    await Promise.all(Array.from({ length: 40 }, (_, index) => putTotals(`p${index + 3}`, 2, 9)));

    // Act
    const large = await counter.during(list);

    // Assess
    expect(small.result.size).toBe(3);
    expect(large.result.size).toBe(43);
    expect(large.result.get('p20')).toEqual({ id: 'p20', ratingCount: 2, averageRating: 4.5 });
    expect(small.byCommand).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    expect(large.byCommand).toEqual(small.byCommand);
  });

  it('resolves ratings of products referenced by other subgraphs in one batch', async () => {
    // Act
    const result = await counter.during(() =>
      subgraph.execute(
        {
          query:
            '{ _entities(representations: [{ __typename: "Product", id: "p0" }, { __typename: "Product", id: "p5" }, { __typename: "Product", id: "nope" }]) { ... on Product { id ratingCount averageRating } } }',
        },
        anonymous,
      ),
    );

    // Assess
    expect(result.result.body.data?._entities).toEqual([
      { id: 'p0', ratingCount: 3, averageRating: 10 / 3 },
      { id: 'p5', ratingCount: 2, averageRating: 4.5 },
      null,
    ]);
    expect(result.byCommand).toEqual({ BatchGetItemCommand: 2 });
  });
});
