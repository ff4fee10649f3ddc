import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevIssuer } from '../src/index.js';
import { CLIENT_ID, USERS } from './support/oauthClient.js';

describe('Hosted UI: the userInfo and logout endpoints', () => {
  let issuer: DevIssuer;

  beforeAll(async () => {
    issuer = await DevIssuer.start({ clientIds: [CLIENT_ID], users: USERS, keyId: 'k1' });
  });

  afterAll(async () => {
    await issuer.close();
  });

  async function userInfo(
    authorization?: string,
  ): Promise<{ status: number; body: unknown; challenge: string | null }> {
    const response = await fetch(`${issuer.issuer}/oauth2/userInfo`, {
      headers: authorization === undefined ? {} : { authorization },
    });
    return {
      status: response.status,
      body: await response.json(),
      challenge: response.headers.get('www-authenticate'),
    };
  }

  describe('userInfo', () => {
    it('answers for an access token minted with issueAccessToken too', async () => {
      const token = issuer.issueAccessToken({
        sub: 'user-bob',
        username: 'bob',
        clientId: CLIENT_ID,
      });

      const { status, body } = await userInfo(`Bearer ${token}`);

      expect(status).toBe(200);
      expect(body).toEqual({
        sub: 'user-bob',
        username: 'bob',
        email: 'bob@example.com',
        email_verified: 'true',
        name: 'Bob Berg',
      });
    });

    it('answers 401 without a bearer token', async () => {
      const { status, body, challenge } = await userInfo();

      expect(status).toBe(401);
      expect(body).toMatchObject({ error: 'invalid_token' });
      expect(challenge).toMatch(/^Bearer error="invalid_token"/);
    });

    it('answers 401 for an expired token', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-bob', issuedAt: 1_000 });

      const { status, body } = await userInfo(`Bearer ${token}`);

      expect(status).toBe(401);
      expect(body).toMatchObject({
        error: 'invalid_token',
        error_description: 'the access token has expired',
      });
    });

    it('answers 401 for an ID token', async () => {
      const token = issuer.issueIdToken({ sub: 'user-bob' });

      const { status } = await userInfo(`Bearer ${token}`);

      expect(status).toBe(401);
    });

    it('answers 401 for a token signed by another key', async () => {
      const other = await DevIssuer.start({ clientIds: [CLIENT_ID], keyId: 'k1' });
      try {
        const forged = other.signRaw(
          { alg: 'RS256', kid: 'k1', typ: 'JWT' },
          {
            sub: 'user-ada',
            iss: issuer.issuer,
            token_use: 'access',
            client_id: CLIENT_ID,
            scope: 'openid',
            exp: 9_999_999_999,
          },
        );

        const { status, body } = await userInfo(`Bearer ${forged}`);

        expect(status).toBe(401);
        expect(body).toMatchObject({ error_description: 'signature does not verify' });
      } finally {
        await other.close();
      }
    });

    it('answers 403 for a token without the openid scope', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-bob', scope: 'email' });

      const { status, body } = await userInfo(`Bearer ${token}`);

      expect(status).toBe(403);
      expect(body).toMatchObject({ error: 'insufficient_scope' });
    });
  });

  describe('logout', () => {
    async function logout(
      query: Record<string, string>,
    ): Promise<{ status: number; location: string | null; html: string }> {
      const response = await fetch(
        `${issuer.issuer}/logout?${new URLSearchParams(query).toString()}`,
        {
          redirect: 'manual',
        },
      );
      return {
        status: response.status,
        location: response.headers.get('location'),
        html: await response.text(),
      };
    }

    it('redirects to an allowed logout URI', async () => {
      const { status, location } = await logout({
        client_id: CLIENT_ID,
        logout_uri: 'http://localhost:5173/',
      });

      expect(status).toBe(302);
      expect(location).toBe('http://localhost:5173/');
    });

    it('refuses a logout URI that is not allowed, without redirecting', async () => {
      const { status, location, html } = await logout({
        client_id: CLIENT_ID,
        logout_uri: 'https://evil.example/',
      });

      expect(status).toBe(400);
      expect(location).toBeNull();
      expect(html).toContain('with <code>logout_uri</code>');
    });

    it('refuses an unknown client', async () => {
      const { status, html } = await logout({
        client_id: 'stranger',
        logout_uri: 'http://localhost:5173/',
      });

      expect(status).toBe(400);
      expect(html).toContain('with <code>client_id</code>');
    });

    it('sends the browser back to sign in when given redirect_uri instead, as Cognito does', async () => {
      const query = {
        client_id: CLIENT_ID,
        redirect_uri: 'http://localhost:5173/callback',
        response_type: 'code',
      };

      const { status, location } = await logout(query);

      expect(status).toBe(302);
      expect(location).toBe(`/oauth2/authorize?${new URLSearchParams(query).toString()}`);
    });

    it('only allows the listed logout URLs when given some', async () => {
      const strict = await DevIssuer.start({
        clientIds: [CLIENT_ID],
        redirectUris: ['http://localhost:5173/callback'],
        logoutUris: ['http://localhost:5173/'],
      });
      try {
        const allowed = await fetch(
          `${strict.issuer}/logout?client_id=${CLIENT_ID}&logout_uri=http://localhost:5173/`,
          { redirect: 'manual' },
        );
        const refused = await fetch(
          `${strict.issuer}/logout?client_id=${CLIENT_ID}&logout_uri=http://localhost:5173/callback`,
          { redirect: 'manual' },
        );
        await Promise.all([allowed.arrayBuffer(), refused.arrayBuffer()]);

        expect(allowed.status).toBe(302);
        expect(refused.status).toBe(400);
      } finally {
        await strict.close();
      }
    });
  });
});
