import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevIssuer } from '../src/index.js';
import { decodeJwt } from './support/jwt.js';
import {
  CLIENT_ID,
  USERS,
  codeGrant,
  pkcePair,
  postToken,
  signInForCode,
} from './support/oauthClient.js';

describe('Hosted UI: the token endpoint', () => {
  let issuer: DevIssuer;
  let clock = Date.UTC(2025, 0, 1);

  beforeAll(async () => {
    issuer = await DevIssuer.start({
      clientIds: [CLIENT_ID, 'other-client'],
      users: USERS,
      now: () => clock,
    });
  });

  afterAll(async () => {
    await issuer.close();
  });

  describe('redeeming a code', () => {
    it('refuses a verifier that does not answer the challenge', async () => {
      const { challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);

      const { status, body } = await postToken(issuer, codeGrant(code, pkcePair().verifier));

      expect(status).toBe(400);
      expect(body).toEqual({
        error: 'invalid_grant',
        error_description: expect.stringContaining('code_verifier does not match code_challenge'),
      });
    });

    it('redeems a code once; the second use is refused', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);

      const first = await postToken(issuer, codeGrant(code, verifier));
      const second = await postToken(issuer, codeGrant(code, verifier));

      expect(first.status).toBe(200);
      expect(second.status).toBe(400);
      expect(second.body.error).toBe('invalid_grant');
    });

    it('burns a code on a failed attempt, so a wrong verifier cannot be retried', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);

      await postToken(issuer, codeGrant(code, pkcePair().verifier));
      const retry = await postToken(issuer, codeGrant(code, verifier));

      expect(retry.body.error).toBe('invalid_grant');
    });

    it('refuses a code older than five minutes', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);
      clock += 5 * 60 * 1000 + 1;

      const { status, body } = await postToken(issuer, codeGrant(code, verifier));

      expect(status).toBe(400);
      expect(body).toEqual({
        error: 'invalid_grant',
        error_description: 'code expired; codes live 5 minutes',
      });
    });

    it('accepts a code just inside its five minutes', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);
      clock += 5 * 60 * 1000 - 1000;

      const { status } = await postToken(issuer, codeGrant(code, verifier));

      expect(status).toBe(200);
    });

    it('refuses a redirect URI other than the one the code was issued for', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);

      const { status, body } = await postToken(issuer, {
        ...codeGrant(code, verifier),
        redirect_uri: 'http://localhost:5173/elsewhere',
      });

      expect(status).toBe(400);
      expect(body.error).toBe('invalid_grant');
    });

    it('refuses a code issued to another client', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);

      const { body } = await postToken(issuer, {
        ...codeGrant(code, verifier),
        client_id: 'other-client',
      });

      expect(body).toMatchObject({
        error: 'invalid_grant',
        error_description: 'code was issued to another client_id',
      });
    });

    it('refuses an unknown client as invalid_client', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);

      const { status, body } = await postToken(issuer, {
        ...codeGrant(code, verifier),
        client_id: 'stranger',
      });

      expect(status).toBe(400);
      expect(body.error).toBe('invalid_client');
    });

    it('takes the client id from an Authorization: Basic header too', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);
      const withoutClientId = codeGrant(code, verifier);
      delete withoutClientId.client_id;

      const { status } = await postToken(issuer, withoutClientId, {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:unused-secret`).toString('base64')}`,
      });

      expect(status).toBe(200);
    });

    it('refuses an unknown code', async () => {
      const { body } = await postToken(issuer, codeGrant('no-such-code', pkcePair().verifier));

      expect(body.error).toBe('invalid_grant');
    });
  });

  describe('malformed requests', () => {
    const valid = { ...codeGrant('some-code', pkcePair().verifier) };
    const cases: [string, Record<string, string>, string, string][] = [
      ['no grant type', { ...valid, grant_type: '' }, 'invalid_request', 'grant_type is missing'],
      [
        'a grant type it does not offer',
        { ...valid, grant_type: 'client_credentials' },
        'unsupported_grant_type',
        'grant_type "client_credentials" is not supported',
      ],
      ['no client id', { ...valid, client_id: '' }, 'invalid_request', 'client_id is missing'],
      ['no code', { ...valid, code: '' }, 'invalid_request', 'code is missing'],
      [
        'no redirect URI',
        { ...valid, redirect_uri: '' },
        'invalid_request',
        'redirect_uri is missing',
      ],
      [
        'no verifier',
        { ...valid, code_verifier: '' },
        'invalid_request',
        'code_verifier is missing',
      ],
      [
        'a verifier too short for RFC 7636',
        { ...valid, code_verifier: 'short' },
        'invalid_request',
        'code_verifier must be 43-128 characters',
      ],
    ];

    it.each(cases)('answers %s with an OAuth error', async (_name, fields, error, description) => {
      const { status, body } = await postToken(issuer, fields);

      expect(status).toBe(400);
      expect(body.error).toBe(error);
      expect(body.error_description).toContain(description);
    });

    it('refuses a body over 64 KiB without reading it all', async () => {
      const { status, body } = await postToken(issuer, { grant_type: 'x'.repeat(70_000) });

      expect(status).toBe(400);
      expect(body).toEqual({
        error: 'invalid_request',
        error_description: 'the body is larger than 65536 bytes',
      });
    });

    it('answers a JSON body with invalid_request, as the endpoint takes forms only', async () => {
      const response = await fetch(`${issuer.issuer}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(valid),
      });

      expect(response.status).toBe(400);
      await expect(response.json()).resolves.toMatchObject({ error: 'invalid_request' });
    });
  });

  describe('refreshing', () => {
    it('issues new access and ID tokens for a refresh token, keeping the sign-in time', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge, 'ada');
      const signedIn = await postToken(issuer, codeGrant(code, verifier));
      const signInTime = decodeJwt(signedIn.body.access_token as string).payload
        .auth_time as number;
      clock += 2 * 60 * 60 * 1000;

      const { status, body } = await postToken(issuer, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: signedIn.body.refresh_token as string,
      });

      expect(status).toBe(200);
      expect(body).toEqual({
        id_token: expect.any(String),
        access_token: expect.any(String),
        expires_in: 3600,
        token_type: 'Bearer',
      });
      const access = decodeJwt(body.access_token as string).payload;
      const id = decodeJwt(body.id_token as string).payload;
      expect(access).toMatchObject({
        sub: 'user-ada',
        'cognito:groups': ['admin'],
        auth_time: signInTime,
      });
      expect(access.iat).toBe(Math.floor(clock / 1000));
      expect(id).toMatchObject({ sub: 'user-ada', aud: CLIENT_ID, auth_time: signInTime });
      expect(id).not.toHaveProperty('nonce');
    });

    it('refuses an unknown refresh token', async () => {
      const { status, body } = await postToken(issuer, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: 'no-such-token',
      });

      expect(status).toBe(400);
      expect(body.error).toBe('invalid_grant');
    });

    it('refuses a refresh token presented by another client', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await signInForCode(issuer, challenge);
      const signedIn = await postToken(issuer, codeGrant(code, verifier));

      const { body } = await postToken(issuer, {
        grant_type: 'refresh_token',
        client_id: 'other-client',
        refresh_token: signedIn.body.refresh_token as string,
      });

      expect(body.error).toBe('invalid_grant');
    });
  });

  describe('browser apps', () => {
    it('lets a page on localhost read the answer, errors included', async () => {
      const { headers } = await postToken(
        issuer,
        { grant_type: 'password' },
        { origin: 'http://localhost:5173' },
      );

      expect(headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    });

    it('does not let a page elsewhere read the answer', async () => {
      const { headers } = await postToken(
        issuer,
        { grant_type: 'password' },
        { origin: 'https://evil.example' },
      );

      expect(headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers a preflight from a local origin', async () => {
      const response = await fetch(`${issuer.issuer}/oauth2/token`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:3000',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      await response.arrayBuffer();

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
      expect(response.headers.get('access-control-allow-methods')).toBe('POST');
      expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    });
  });
});
