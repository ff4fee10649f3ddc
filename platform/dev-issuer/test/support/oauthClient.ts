import { createHash, randomBytes } from 'node:crypto';
import type { DevIssuer, DevUser } from '../../src/index.js';

/** The demo users the hosted UI tests sign in as. */
export const USERS: readonly DevUser[] = [
  {
    id: 'user-ada',
    username: 'ada',
    name: 'Ada Admin',
    email: 'ada@example.com',
    groups: ['admin'],
  },
  { id: 'user-bob', username: 'bob', name: 'Bob Berg', email: 'bob@example.com', groups: [] },
];

/** The web app's client id and callback in these tests. */
export const CLIENT_ID = 'web-client';
/** Where the web app receives codes. */
export const REDIRECT_URI = 'http://localhost:5173/callback';

/** A PKCE verifier and its S256 challenge, made the way browser OIDC libraries make them. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The parameters a web app sends to /oauth2/authorize, with any of them replaced or dropped (undefined). */
export function authorizeParams(
  challenge: string,
  overrides: Record<string, string | undefined> = {},
): URLSearchParams {
  const all: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state: 'state-123',
    scope: 'openid email profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    nonce: 'nonce-456',
    ...overrides,
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(all)) if (value !== undefined) params.set(name, value);
  return params;
}

/** Posts the login page's form as the browser would after a click on `username`'s button. */
export function chooseUser(
  issuer: DevIssuer,
  params: URLSearchParams,
  username: string,
): Promise<Response> {
  const form = new URLSearchParams(params);
  form.set('username', username);
  return fetch(`${issuer.issuer}/oauth2/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: issuer.issuer },
    body: form,
    redirect: 'manual',
  });
}

/** Signs `username` in and returns the code from the redirect to the app. */
export async function signInForCode(
  issuer: DevIssuer,
  challenge: string,
  username = 'ada',
  overrides: Record<string, string | undefined> = {},
): Promise<string> {
  const response = await chooseUser(issuer, authorizeParams(challenge, overrides), username);
  await response.arrayBuffer();
  const location = response.headers.get('location');
  const code = location === null ? null : new URL(location).searchParams.get('code');
  if (response.status !== 302 || code === null) {
    throw new Error(`sign-in did not redirect with a code: ${response.status} ${String(location)}`);
  }
  return code;
}

/** Posts a form to the token endpoint and returns the status and the JSON body. */
export async function postToken(
  issuer: DevIssuer,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${issuer.issuer}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** The token request that redeems `code` the way the web app would. */
export function codeGrant(code: string, verifier: string): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  };
}
