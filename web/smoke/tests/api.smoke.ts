import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { graphqlEndpoint, oversizedBytes } from '../src/smokeTarget.js';

const endpoint = graphqlEndpoint(process.env.SMOKE_API_URL);

interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { readonly message: string }[];
}

/** A well-formed RS256 JWT that no trusted issuer signed: the authorizer must refuse it. */
function forgedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return [
    part({ alg: 'RS256', typ: 'JWT', kid: 'smoke-forged-key' }),
    part({
      iss: 'https://issuer.invalid/forged',
      sub: 'smoke-forged-user',
      token_use: 'access',
      client_id: 'smoke',
      iat: now,
      exp: now + 600,
    }),
    randomBytes(256).toString('base64url'),
  ].join('.');
}

test.describe(`API of the stage (${endpoint})`, () => {
  test('answers an anonymous { __typename } with 200 and data', async ({ request }) => {
    // Act
    const response = await request.post(endpoint, { data: { query: '{ __typename }' } });

    // Assess
    expect(response.status()).toBe(200);
    expect((await response.json()) as GraphQLBody).toEqual({ data: { __typename: 'Query' } });
  });

  test('answers products(first: 1) through the router and the products subgraph', async ({
    request,
  }) => {
    // Act
    const response = await request.post(endpoint, {
      data: { query: '{ products(first: 1) { edges { node { id title } } } }' },
    });

    // Assess: a new stage may hold no products yet, so at most one edge and no errors
    expect(response.status()).toBe(200);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors).toBeUndefined();
    const products = body.data?.['products'] as { edges: unknown[] } | undefined;
    expect(Array.isArray(products?.edges)).toBe(true);
    expect(products?.edges.length).toBeLessThanOrEqual(1);
  });

  test('refuses a forged bearer token with 401', async ({ request }) => {
    // Act
    const response = await request.post(endpoint, {
      data: { query: '{ __typename }' },
      headers: { authorization: `Bearer ${forgedToken()}` },
    });

    // Assess
    expect(response.status()).toBe(401);
  });

  test('refuses an oversized body with 413', async ({ request }) => {
    // Prepare: a valid query whose variables pad the body past the limit
    const size = oversizedBytes(process.env.SMOKE_OVERSIZED_BYTES);
    const body = JSON.stringify({
      query: 'query($pad: String) { __typename }',
      variables: { pad: 'x'.repeat(size) },
    });

    // Act
    const response = await request.post(endpoint, {
      data: body,
      headers: { 'content-type': 'application/json' },
    });

    // Assess
    expect(response.status()).toBe(413);
  });
});
