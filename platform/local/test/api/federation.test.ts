import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevIssuer } from '@stack/dev-issuer';
import { startLocalApi, type LocalApi, type LocalTopology } from '../../src/api/startLocalApi.js';
import { countTableCalls, createTestTable } from '@stack/kit/testing';
import { seedDemoData } from '../../src/seed/seedDemoData.js';
import { DEMO_PRODUCTS } from '../../src/seed/demoData.js';
import { postGraphQL } from '../support/graphqlClient.js';

const LIST_QUERY =
  '{ products(first: 50) { edges { node { title reviews(first: 5) { edges { node { rating author { name } } } } } } } }';

describe.each<LocalTopology>(['http', 'colocated'])(
  'Local API: federated queries (%s topology)',
  (topology) => {
    let issuer: DevIssuer;
    let api: LocalApi;
    let tableName: string;

    beforeAll(async () => {
      issuer = await DevIssuer.start({ clientIds: ['web'] });
      tableName = await createTestTable(`federation-${topology}`);
      await seedDemoData(tableName);
      api = await startLocalApi({
        tableName,
        topology,
        auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: ['web'] },
      });
    });

    afterAll(async () => {
      await api.close();
      await issuer.close();
    });

    it('answers the product list with reviews and authors from all three subgraphs', async () => {
      const { status, body } = await postGraphQL(api.url, { query: LIST_QUERY });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const products = (
        body.data?.products as {
          edges: {
            node: {
              title: string;
              reviews: { edges: { node: { rating: number; author: { name: string } } }[] };
            };
          }[];
        }
      ).edges;
      expect(products.map((edge) => edge.node.title).sort()).toEqual(
        DEMO_PRODUCTS.map((product) => product.title).sort(),
      );
      const kettle = products.find((edge) => edge.node.title === 'Stovetop kettle');
      // Newest first: Bob's review was seeded after Alice's.
      expect(kettle?.node.reviews.edges.map((edge) => edge.node)).toEqual([
        { rating: 4, author: { name: 'Bob Berg' } },
        { rating: 5, author: { name: 'Alice Andersen' } },
      ]);
    });

    it('signs a user in and creates a review visible on the product', async () => {
      const token = issuer.issueAccessToken({
        sub: 'user-carol',
        username: 'carol',
        clientId: 'web',
      });
      const created = await postGraphQL(
        api.url,
        {
          query:
            'mutation($p: ID!) { createReview(productId: $p, rating: 5, body: "Lovely mug") { id author { name } product { title } } }',
          variables: { p: 'prod-mug' },
        },
        token,
      );
      expect(created.body).toMatchObject({
        data: {
          createReview: { author: { name: 'Carol Cruz' }, product: { title: 'Stoneware mug' } },
        },
      });
      const product = await postGraphQL(api.url, {
        query: '{ product(id: "prod-mug") { reviews(first: 1) { edges { node { body } } } } }',
      });
      expect(product.body.data).toEqual({
        product: { reviews: { edges: [{ node: { body: 'Lovely mug' } }] } },
      });
    });

    it('keeps table calls constant as the number of products and reviews grows', async () => {
      const counter = countTableCalls();
      try {
        const before = await counter.during(() => postGraphQL(api.url, { query: LIST_QUERY }));
        const issue = issuer.issueAccessToken({
          sub: 'user-ada',
          username: 'ada',
          groups: ['admin'],
          clientId: 'web',
        });
        for (let index = 0; index < 12; index += 1) {
          const made = await postGraphQL(
            api.url,
            {
              query: 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }',
              variables: {
                i: {
                  title: `Extra ${index}`,
                  description: 'more',
                  priceCents: 100,
                  currency: 'EUR',
                },
              },
            },
            issue,
          );
          const id = (made.body.data?.createProduct as { id: string }).id;
          for (const author of ['user-alice', 'user-bob']) {
            const token = issuer.issueAccessToken({ sub: author, clientId: 'web' });
            await postGraphQL(
              api.url,
              {
                query: `mutation { createReview(productId: "${id}", rating: 3, body: "ok") { id } }`,
              },
              token,
            );
          }
        }
        const after = await counter.during(() => postGraphQL(api.url, { query: LIST_QUERY }));
        expect(before.total).toBeGreaterThan(0);
        expect(after.total).toBe(before.total);
        // One Query for the products, one batch for the recent indexes, one for the reviews,
        // one for the authors.
        expect(after.byCommand).toEqual({ QueryCommand: 1, BatchGetItemCommand: 3 });
      } finally {
        counter.remove();
      }
    });
  },
);
