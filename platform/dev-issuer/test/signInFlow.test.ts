import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevIssuer } from '../src/index.js';
import { decodeJwt, verifiesAgainstJwks } from './support/jwt.js';
import {
  CLIENT_ID,
  REDIRECT_URI,
  USERS,
  authorizeParams,
  chooseUser,
  codeGrant,
  pkcePair,
  postToken,
} from './support/oauthClient.js';

describe('Hosted UI: signing in with the authorization code grant and PKCE', () => {
  let issuer: DevIssuer;

  beforeAll(async () => {
    issuer = await DevIssuer.start({ clientIds: [CLIENT_ID], users: USERS });
  });

  afterAll(async () => {
    await issuer.close();
  });

  it('takes a browser from the login page to verified tokens and the user’s attributes', async () => {
    // Prepare
    const { verifier, challenge } = pkcePair();
    const params = authorizeParams(challenge);

    // Act: the app sends the browser to the authorize endpoint
    const page = await fetch(`${issuer.issuer}/oauth2/authorize?${params.toString()}`, {
      redirect: 'manual',
    });
    const html = await page.text();

    // Assess: a login page that offers every demo user
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<title>Sign in — local dev issuer</title>');
    expect(html).toContain('Ada Admin (ada) — admin');
    expect(html).toContain('Bob Berg (bob) — no groups');

    // Act: the user picks Ada
    const chosen = await chooseUser(issuer, params, 'ada');
    await chosen.arrayBuffer();

    // Assess: redirected to the app with a code and the state
    expect(chosen.status).toBe(302);
    const location = new URL(chosen.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('state-123');
    const code = location.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Act: the app redeems the code with its verifier
    const { status, body, headers } = await postToken(issuer, codeGrant(code, verifier));

    // Assess: Cognito's token response
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toEqual({
      id_token: expect.any(String),
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 3600,
      token_type: 'Bearer',
    });
    const accessToken = body.access_token as string;
    const idToken = body.id_token as string;
    await expect(verifiesAgainstJwks(issuer.jwksUri, accessToken)).resolves.toBe(true);
    await expect(verifiesAgainstJwks(issuer.jwksUri, idToken)).resolves.toBe(true);

    const access = decodeJwt(accessToken);
    const minted = decodeJwt(
      issuer.issueAccessToken({
        sub: 'user-ada',
        username: 'ada',
        groups: ['admin'],
        clientId: CLIENT_ID,
        scope: 'openid email profile',
      }),
    );
    // jti, iat, exp and auth_time differ from token to token; everything else must match.
    const stable = Object.fromEntries(
      Object.entries(minted.payload).filter(
        ([claim]) => !['jti', 'iat', 'exp', 'auth_time'].includes(claim),
      ),
    );
    expect(access.header).toEqual(minted.header);
    expect(access.payload).toMatchObject(stable);
    expect(Object.keys(access.payload)).toEqual(Object.keys(minted.payload));
    expect(access.payload['cognito:groups']).toEqual(['admin']);

    const id = decodeJwt(idToken).payload;
    expect(id).toMatchObject({
      sub: 'user-ada',
      aud: CLIENT_ID,
      iss: issuer.issuer,
      token_use: 'id',
      'cognito:username': 'ada',
      'cognito:groups': ['admin'],
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada Admin',
      nonce: 'nonce-456',
      auth_time: access.payload.auth_time,
    });
    expect(id.exp).toBe((id.iat as number) + 3600);
    expect(id.at_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // Act: the app asks who signed in
    const userInfo = await fetch(`${issuer.issuer}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });

    // Assess
    expect(userInfo.status).toBe(200);
    await expect(userInfo.json()).resolves.toEqual({
      sub: 'user-ada',
      username: 'ada',
      email: 'ada@example.com',
      email_verified: 'true',
      name: 'Ada Admin',
    });
  });

  it('leaves cognito:groups out of the tokens of a user in no group, and the nonce out when none was sent', async () => {
    const { verifier, challenge } = pkcePair();
    const chosen = await chooseUser(
      issuer,
      authorizeParams(challenge, { nonce: undefined }),
      'bob',
    );
    const code = new URL(chosen.headers.get('location') ?? '').searchParams.get('code') ?? '';

    const { body } = await postToken(issuer, codeGrant(code, verifier));

    const access = decodeJwt(body.access_token as string).payload;
    const id = decodeJwt(body.id_token as string).payload;
    expect(access).not.toHaveProperty('cognito:groups');
    expect(id).not.toHaveProperty('cognito:groups');
    expect(id).not.toHaveProperty('nonce');
    expect(id['cognito:username']).toBe('bob');
  });

  it('grants the scopes asked for, and issues no ID token without openid, as Cognito does', async () => {
    const { verifier, challenge } = pkcePair();
    const chosen = await chooseUser(issuer, authorizeParams(challenge, { scope: 'email' }), 'ada');
    const code = new URL(chosen.headers.get('location') ?? '').searchParams.get('code') ?? '';

    const { status, body } = await postToken(issuer, codeGrant(code, verifier));

    expect(status).toBe(200);
    expect(body).not.toHaveProperty('id_token');
    expect(decodeJwt(body.access_token as string).payload.scope).toBe('email');
  });

  it('defaults the scope to openid profile email when the app asks for none', async () => {
    const { verifier, challenge } = pkcePair();
    const chosen = await chooseUser(
      issuer,
      authorizeParams(challenge, { scope: undefined }),
      'ada',
    );
    const code = new URL(chosen.headers.get('location') ?? '').searchParams.get('code') ?? '';

    const { body } = await postToken(issuer, codeGrant(code, verifier));

    expect(decodeJwt(body.access_token as string).payload.scope).toBe('openid profile email');
  });

  it('also serves the login page at /login, Cognito’s managed login path', async () => {
    const { challenge } = pkcePair();

    const page = await fetch(`${issuer.issuer}/login?${authorizeParams(challenge).toString()}`);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ada Admin (ada) — admin');
  });
});
