import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IDENTITY_HEADER, SIGNATURE_HEADER, signIdentity } from '@stack/kit';
import { DevIssuer } from '@stack/dev-issuer';
import { startLocalApi, type LocalApi } from '../../src/api/startLocalApi.js';
import { createTestTable } from '@stack/kit/testing';
import { seedDemoData } from '../../src/seed/seedDemoData.js';
import { postGraphQL } from '../support/graphqlClient.js';

describe('Local API: bad input and failures', () => {
  let issuer: DevIssuer;
  let api: LocalApi;
  let token: string;

  beforeAll(async () => {
    issuer = await DevIssuer.start({ clientIds: ['web'] });
    const tableName = await createTestTable('hardening');
    await seedDemoData(tableName);
    api = await startLocalApi({
      tableName,
      topology: 'http',
      subgraphTimeoutMs: 1_000,
      auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: ['web'] },
    });
    token = issuer.issueAccessToken({ sub: 'user-alice', username: 'alice', clientId: 'web' });
  });

  afterAll(async () => {
    await api.close();
    await issuer.close();
  });

  const reviewCount = async () => {
    const { body } = await postGraphQL(api.url, {
      query: '{ product(id: "prod-tin") { reviews(first: 100) { edges { node { id } } } } }',
    });
    return (body.data?.product as { reviews: { edges: unknown[] } }).reviews.edges.length;
  };

  it('answers a syntax error with HTTP 400 and a GraphQL error', async () => {
    const { status, body } = await postGraphQL(api.url, {
      query: '{ products(first: 2) { edges { node { title }',
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it.each([
    ['rating 0', { r: 0, b: 'fine', p: 'prod-tin' }, 'BAD_USER_INPUT'],
    ['rating 6', { r: 6, b: 'fine', p: 'prod-tin' }, 'BAD_USER_INPUT'],
    ['an empty body', { r: 4, b: '', p: 'prod-tin' }, 'BAD_USER_INPUT'],
    ['an unknown product', { r: 4, b: 'fine', p: 'prod-none' }, 'NOT_FOUND'],
  ])('refuses a review with %s (%s) and writes nothing', async (_label, variables, code) => {
    const before = await reviewCount();
    const { body } = await postGraphQL(
      api.url,
      {
        query:
          'mutation($p: ID!, $r: Int!, $b: String!) { createReview(productId: $p, rating: $r, body: $b) { id } }',
        variables,
      },
      token,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.data).toBeNull();
    expect(await reviewCount()).toBe(before);
  });

  it('rejects a depth-30 query before execution', async () => {
    // review → (author → reviews → edges → node) × 7 → id: 1 + 4×7 + 1 = 30 levels.
    let selection = 'id';
    for (let level = 0; level < 7; level += 1)
      selection = `author { reviews(first: 1) { edges { node { ${selection} } } } }`;
    const query = `{ review(id: "review-1") { ${selection} } }`;
    const { status, body } = await postGraphQL(api.url, { query });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('rejects a 1000-alias query before execution', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: __typename`).join(' ')} }`;
    const { status, body } = await postGraphQL(api.url, { query });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toContain('TOO_MANY_ALIASES');
  });

  it('rejects a document over the token limit while parsing', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: product(id: "prod-mug") { id }`).join(' ')} }`;
    const { status, body } = await postGraphQL(api.url, { query });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/more that 5000 tokens/);
  });

  it('rejects an operation whose estimated cost is over the limit', async () => {
    const query =
      '{ products(first: 100) { edges { node { reviews(first: 100) { edges { node { author { reviews(first: 100) { edges { node { id } } } } } } } } } } }';
    const { status, body } = await postGraphQL(api.url, { query });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('answers a body over the limit with 413', async () => {
    const { status, body } = await postGraphQL(api.url, {
      query: `{ products(first: 1) { edges { node { id } } } } # ${'x'.repeat(200_000)}`,
    });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an invalid token with 401 and lets anonymous callers read', async () => {
    const refused = await postGraphQL(api.url, { query: '{ me { id } }' }, 'not-a-jwt');
    expect(refused.status).toBe(401);
    const anonymous = await postGraphQL(api.url, { query: '{ me { id } }' });
    expect(anonymous.body).toEqual({ data: { me: null } });
  });

  it('shows an email only to its owner', async () => {
    const own = await postGraphQL(api.url, { query: '{ me { email } }' }, token);
    expect(own.body.data).toEqual({ me: { email: 'alice@example.com' } });
    const other = await postGraphQL(api.url, {
      query: '{ user(id: "user-alice") { name email } }',
    });
    expect(other.body.data).toEqual({ user: { name: 'Alice Andersen', email: null } });
  });

  it('makes subgraphs refuse calls that do not come from the router', async () => {
    const listener = api.listeners.get('users');
    const unsigned = await fetch(listener?.url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ user(id: "user-alice") { email } }' }),
    });
    expect(unsigned.status).toBe(403);
    const forged = signIdentity(
      { userId: 'user-alice', groups: ['admin'], anonymous: false },
      'a-secret-that-is-not-the-routers-secret',
    );
    const withForgery = await fetch(listener?.url ?? '', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: forged.identity,
        [SIGNATURE_HEADER]: forged.signature,
      },
      body: JSON.stringify({ query: '{ user(id: "user-alice") { email } }' }),
    });
    expect(withForgery.status).toBe(403);
  });

  it('returns partial data naming a stopped subgraph, and keeps serving', async () => {
    await api.listeners.get('reviews')?.close();
    const { status, body } = await postGraphQL(api.url, {
      query:
        '{ product(id: "prod-kettle") { title reviews(first: 1) { edges { node { rating } } } } }',
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ product: null });
    expect(body.errors?.[0]?.message).toContain('reviews');
    const stillServing = await postGraphQL(api.url, {
      query: '{ product(id: "prod-kettle") { title } }',
    });
    expect(stillServing.body).toEqual({ data: { product: { title: 'Stovetop kettle' } } });
  });
});
