import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevIssuer, signJwt } from '@stack/dev-issuer';
import { createTestTable } from '@stack/kit/testing';
import { seedDemoData, startLocalApi, type LocalApi } from '@stack/local';
import { generateKeyPairSync } from 'node:crypto';
import { postGraphQL } from './support/postGraphQL.js';

const CLIENT_ID = 'web';
const OTHER_CLIENT_ID = 'another-app';
const ME = '{ me { id } }';

describe('Reliability: hostile queries and tokens at the API edge (production mode)', () => {
  let issuer: DevIssuer;
  let api: LocalApi;

  beforeAll(async () => {
    // The issuer signs for two app clients; the API trusts only one of them.
    issuer = await DevIssuer.start({ clientIds: [CLIENT_ID, OTHER_CLIENT_ID] });
    const tableName = await createTestTable('reliability-hostile');
    await seedDemoData(tableName);
    api = await startLocalApi({
      tableName,
      topology: 'colocated',
      production: true,
      auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: [CLIENT_ID] },
    });
  });

  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  const token = (request: { clientId?: string; issuedAt?: number; expiresInSeconds?: number }) =>
    issuer.issueAccessToken({
      sub: 'user-alice',
      username: 'alice',
      clientId: CLIENT_ID,
      ...request,
    });

  describe('queries', () => {
    it('rejects a query deeper than the limit before running it', async () => {
      let selection = 'id';
      for (let level = 0; level < 7; level += 1)
        selection = `author { reviews(first: 1) { edges { node { ${selection} } } } }`;
      const answer = await postGraphQL(api.url, {
        query: `{ review(id: "review-1") { ${selection} } }`,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
      expect(answer.body.data).toBeUndefined();
    });

    it('rejects a query with too many aliases', async () => {
      const aliases = Array.from({ length: 500 }, (_, index) => `a${index}: __typename`);
      const answer = await postGraphQL(api.url, { query: `{ ${aliases.join(' ')} }` });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((error) => error.extensions?.code)).toContain(
        'TOO_MANY_ALIASES',
      );
    });

    it('answers an oversized body with 413', async () => {
      const answer = await postGraphQL(api.url, {
        query: `{ products(first: 1) { edges { node { id } } } } # ${'x'.repeat(200_000)}`,
      });
      expect(answer.status).toBe(413);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses introspection in production', async () => {
      for (const query of [
        '{ __schema { types { name } } }',
        '{ __type(name: "User") { name } }',
      ]) {
        const answer = await postGraphQL(api.url, { query });
        expect(answer.status).toBe(400);
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(answer.body.errors?.[0]?.message).toMatch(/introspection/i);
        expect(answer.body.data).toBeUndefined();
      }
    });

    it('refuses a batch of operations (a JSON array body)', async () => {
      const batch = JSON.stringify([{ query: '{ __typename }' }, { query: ME }]);
      const answer = await postGraphQL(api.url, batch);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(/batch/i);
    });

    it('still answers a well-formed query afterwards', async () => {
      const answer = await postGraphQL(api.url, {
        query: '{ product(id: "prod-kettle") { title } }',
      });
      expect(answer.body).toEqual({ data: { product: { title: 'Stovetop kettle' } } });
    });
  });

  describe('tokens', () => {
    it('accepts a valid token (the baseline the refusals below differ from)', async () => {
      const answer = await postGraphQL(api.url, { query: ME }, { token: token({}) });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { me: { id: 'user-alice' } } });
    });

    it('refuses a token signed with another key (same issuer, same key id) with 401', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const now = Math.floor(Date.now() / 1000);
      const [, payload] = token({}).split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;
      const forged = signJwt(
        { alg: 'RS256', kid: issuer.keyId, typ: 'JWT' },
        { ...claims, 'cognito:groups': ['admin'], iat: now, exp: now + 3600 },
        privateKey,
      );
      const answer = await postGraphQL(api.url, { query: ME }, { token: forged });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: 'Unauthorized' });
    });

    it('refuses an expired token with 401', async () => {
      const expired = token({
        issuedAt: Math.floor(Date.now() / 1000) - 7200,
        expiresInSeconds: 3600,
      });
      const answer = await postGraphQL(api.url, { query: ME }, { token: expired });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: 'Unauthorized' });
    });

    it('refuses a token issued to another app client (wrong audience) with 401', async () => {
      const answer = await postGraphQL(
        api.url,
        { query: ME },
        { token: token({ clientId: OTHER_CLIENT_ID }) },
      );
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: 'Unauthorized' });
    });

    it('refuses an ID token used as an access token with 401', async () => {
      const idToken = issuer.issueIdToken({ sub: 'user-alice', clientId: CLIENT_ID });
      const answer = await postGraphQL(api.url, { query: ME }, { token: idToken });
      expect(answer.status).toBe(401);
    });
  });
});
