import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestTable } from '@stack/kit/testing';
import { seedDemoData, startLocalApi, type LocalApi } from '@stack/local';
import { postGraphQL } from '../src/graphql/postGraphQL.js';
import { REFERENCE_QUERY } from '../src/graphql/listQuery.js';
import { ANONYMOUS_ONLY_AUTH } from '../src/infra/anonymousAuth.js';
import { startMonolith, type Monolith } from '../src/monolith/startMonolith.js';
import { seedCatalogue } from '../src/seed/seedCatalogue.js';

describe('Monolith baseline', () => {
  let api: LocalApi;
  let monolith: Monolith;

  beforeAll(async () => {
    const tableName = await createTestTable('bench-monolith');
    await seedDemoData(tableName);
    await seedCatalogue({ tableName, products: 14, reviewsPerProduct: 5 });
    api = await startLocalApi({ tableName, topology: 'colocated', auth: ANONYMOUS_ONLY_AUTH });
    monolith = await startMonolith({ tableName });
  });

  afterAll(async () => {
    await monolith?.close();
    await api?.close();
  });

  it('answers the reference query with exactly the JSON the router answers', async () => {
    // Act
    const routed = await postGraphQL(api.url, REFERENCE_QUERY);
    const direct = await postGraphQL(monolith.url, REFERENCE_QUERY);

    // Assess
    expect(routed.status).toBe(200);
    expect(routed.body.errors).toBeUndefined();
    expect(direct.status).toBe(200);
    expect(JSON.parse(direct.text)).toEqual(JSON.parse(routed.text));
    const edges = (routed.body.data?.products as { edges: unknown[] }).edges;
    expect(edges).toHaveLength(20);
  });

  it('resolves entities owned by another service through its __resolveReference', async () => {
    // Prepare: a product's owner is a User reference from products; reviews adds User.reviews.
    const query =
      '{ product(id: "prod-kettle") { title owner { id name reviews(first: 1) { edges { node { product { title } } } } } } }';

    // Act
    const routed = await postGraphQL(api.url, query);
    const direct = await postGraphQL(monolith.url, query);

    // Assess
    expect(routed.body.errors).toBeUndefined();
    expect(JSON.parse(direct.text)).toEqual(JSON.parse(routed.text));
  });
});
