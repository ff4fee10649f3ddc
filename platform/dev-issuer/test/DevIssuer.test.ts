import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { DevIssuer } from '../src/index.js';
import { decodeJwt, verifiesAgainstJwks } from './support/jwt.js';

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** Verifies an RS256 signature with the key the issuer publishes, the way any verifier would. */
function verifiesAgainstIssuer(issuer: DevIssuer, token: string): Promise<boolean> {
  return verifiesAgainstJwks(issuer.jwksUri, token);
}

describe('Class: DevIssuer', () => {
  let issuer: DevIssuer;

  beforeAll(async () => {
    issuer = await DevIssuer.start({ clientIds: ['web-client', 'cli-client'], keyId: 'test-key' });
  });

  afterAll(async () => {
    await issuer.close();
  });

  it('listens on 127.0.0.1 on a free port and names itself by that address', () => {
    expect(issuer.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(issuer.jwksUri).toBe(`${issuer.issuer}/.well-known/jwks.json`);
    expect(issuer.clientIds).toEqual(['web-client', 'cli-client']);
  });

  it('publishes its RSA-2048 public key as a signing JWK', async () => {
    const { status, body } = await getJson(issuer.jwksUri);

    expect(status).toBe(200);
    const { keys } = body as { keys: (JsonWebKey & { kid: string })[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: 'RSA',
      kid: 'test-key',
      alg: 'RS256',
      use: 'sig',
      e: 'AQAB',
    });
    const key = createPublicKey({ key: keys[0] as JsonWebKey, format: 'jwk' });
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('serves an OpenID discovery document under its issuer', async () => {
    const { status, body } = await getJson(`${issuer.issuer}/.well-known/openid-configuration`);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      issuer: issuer.issuer,
      jwks_uri: issuer.jwksUri,
      authorization_endpoint: `${issuer.issuer}/oauth2/authorize`,
      token_endpoint: `${issuer.issuer}/oauth2/token`,
      userinfo_endpoint: `${issuer.issuer}/oauth2/userInfo`,
      end_session_endpoint: `${issuer.issuer}/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['none'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('lets browser apps on this machine read its discovery document and JWKS, and no one else', async () => {
    const local = await fetch(issuer.jwksUri, { headers: { origin: 'http://localhost:5173' } });
    const foreign = await fetch(`${issuer.issuer}/.well-known/openid-configuration`, {
      headers: { origin: 'https://evil.example' },
    });
    await Promise.all([local.arrayBuffer(), foreign.arrayBuffer()]);

    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('vary')).toBe('Origin');
  });

  it('answers 404 for paths it does not serve and 405 for methods an endpoint does not take', async () => {
    const missing = await fetch(`${issuer.issuer}/oauth2/revoke`);
    const posted = await fetch(issuer.jwksUri, { method: 'POST' });
    const tokenByGet = await fetch(`${issuer.issuer}/oauth2/token`);
    await Promise.all([missing.arrayBuffer(), posted.arrayBuffer(), tokenByGet.arrayBuffer()]);

    expect(missing.status).toBe(404);
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect(tokenByGet.status).toBe(405);
    expect(tokenByGet.headers.get('allow')).toBe('POST');
  });

  it('issues access tokens with the header and claims of a Cognito access token', () => {
    const before = Math.floor(Date.now() / 1000);

    const token = issuer.issueAccessToken({
      sub: 'user-1',
      username: 'ada',
      groups: ['admins', 'editors'],
    });

    const { header, payload } = decodeJwt(token);
    expect(header).toEqual({ alg: 'RS256', kid: 'test-key', typ: 'JWT' });
    expect(payload).toMatchObject({
      sub: 'user-1',
      iss: issuer.issuer,
      client_id: 'web-client',
      token_use: 'access',
      scope: 'openid profile email',
      username: 'ada',
      'cognito:groups': ['admins', 'editors'],
    });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.auth_time).toBe(payload.iat);
    expect(payload.exp).toBe((payload.iat as number) + 3600);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload).not.toHaveProperty('aud');
  });

  it('leaves out cognito:groups for a user in no group, and defaults username to sub', () => {
    const { payload } = decodeJwt(issuer.issueAccessToken({ sub: 'user-2' }));

    expect(payload).not.toHaveProperty('cognito:groups');
    expect(payload.username).toBe('user-2');
  });

  it('honours the client id, lifetime and issue time it is given', () => {
    const { payload } = decodeJwt(
      issuer.issueAccessToken({
        sub: 'user-3',
        clientId: 'cli-client',
        issuedAt: 1_000_000,
        expiresInSeconds: 60,
      }),
    );

    expect(payload).toMatchObject({
      client_id: 'cli-client',
      iat: 1_000_000,
      auth_time: 1_000_000,
      exp: 1_000_060,
    });
  });

  it('writes the scope and auth time it is given, for refreshed and narrowed tokens', () => {
    const { payload } = decodeJwt(
      issuer.issueAccessToken({ sub: 'user-5', scope: 'openid', issuedAt: 2_000, authTime: 1_000 }),
    );

    expect(payload).toMatchObject({ scope: 'openid', iat: 2_000, auth_time: 1_000 });
  });

  it('issues ID tokens with the claims of a Cognito ID token', async () => {
    const accessToken = issuer.issueAccessToken({ sub: 'user-1' });

    const token = issuer.issueIdToken({
      sub: 'user-1',
      username: 'ada',
      groups: ['admins'],
      name: 'Ada Admin',
      email: 'ada@example.com',
      nonce: 'n-1',
      accessToken,
      issuedAt: 1_000_000,
    });

    const { header, payload } = decodeJwt(token);
    expect(header).toEqual({ alg: 'RS256', kid: 'test-key', typ: 'JWT' });
    expect(payload).toEqual({
      at_hash: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      sub: 'user-1',
      'cognito:groups': ['admins'],
      email_verified: true,
      iss: issuer.issuer,
      'cognito:username': 'ada',
      nonce: 'n-1',
      aud: 'web-client',
      token_use: 'id',
      auth_time: 1_000_000,
      name: 'Ada Admin',
      exp: 1_003_600,
      iat: 1_000_000,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'ada@example.com',
    });
    await expect(verifiesAgainstIssuer(issuer, token)).resolves.toBe(true);
  });

  it('signs tokens that verify against its published key', async () => {
    const token = issuer.issueAccessToken({ sub: 'user-4' });

    await expect(verifiesAgainstIssuer(issuer, token)).resolves.toBe(true);
  });

  it('signs raw headers and payloads, so tests can forge tokens another key does not accept', async () => {
    const other = await DevIssuer.start({ keyId: 'test-key' });
    try {
      const forged = other.signRaw(
        { alg: 'RS256', kid: 'test-key', typ: 'JWT' },
        { sub: 'intruder', iss: issuer.issuer },
      );

      expect(decodeJwt(forged).payload).toEqual({ sub: 'intruder', iss: issuer.issuer });
      await expect(verifiesAgainstIssuer(issuer, forged)).resolves.toBe(false);
      await expect(verifiesAgainstIssuer(other, forged)).resolves.toBe(true);
    } finally {
      await other.close();
    }
  });

  it('counts how often its JWKS is fetched', async () => {
    const before = issuer.jwksRequestCount;

    await getJson(issuer.jwksUri);

    expect(issuer.jwksRequestCount).toBe(before + 1);
  });

  it('stops listening when closed, and tolerates a second close', async () => {
    const shortLived = await DevIssuer.start();
    await getJson(shortLived.jwksUri);

    await shortLived.close();
    await shortLived.close();

    await expect(fetch(shortLived.jwksUri)).rejects.toThrow();
  });

  it('refuses to start without a client id', async () => {
    await expect(DevIssuer.start({ clientIds: [] })).rejects.toThrow(
      'DevIssuer needs at least one client id',
    );
  });

  it('refuses to start with two demo users of the same username', async () => {
    const user = { id: 'u-1', username: 'ada', name: 'Ada', email: 'a@example.com', groups: [] };

    await expect(DevIssuer.start({ users: [user, { ...user, id: 'u-2' }] })).rejects.toThrow(
      'DevIssuer users share the username "ada"; usernames must be unique',
    );
  });
});
