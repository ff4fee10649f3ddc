import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevIssuer } from '../src/index.js';
import {
  CLIENT_ID,
  REDIRECT_URI,
  USERS,
  authorizeParams,
  chooseUser,
  pkcePair,
} from './support/oauthClient.js';

async function getPage(url: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

describe('Hosted UI: the authorize endpoint and its login page', () => {
  let issuer: DevIssuer;
  const { challenge } = pkcePair();

  beforeAll(async () => {
    issuer = await DevIssuer.start({ clientIds: [CLIENT_ID], users: USERS });
  });

  afterAll(async () => {
    await issuer.close();
  });

  describe('the login page', () => {
    let page: { status: number; html: string; headers: Headers };

    beforeAll(async () => {
      page = await getPage(
        `${issuer.issuer}/oauth2/authorize?${authorizeParams(challenge).toString()}`,
      );
    });

    it('is an English document with a title, a main landmark and a short explanation', () => {
      expect(page.status).toBe(200);
      expect(page.html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(page.html).toContain('<title>Sign in — local dev issuer</title>');
      expect(page.html).toMatch(/<main>[\s\S]*<h1>Sign in<\/h1>[\s\S]*<\/main>/);
      expect(page.html).toContain('stands in for the Amazon Cognito hosted UI');
    });

    it('has one labelled submit button per demo user, inside a form that posts back here', () => {
      const buttons = [...page.html.matchAll(/<button ([^>]*)>([^<]*)<\/button>/g)];

      expect(buttons.map((button) => button[2])).toEqual([
        'Ada Admin (ada) — admin',
        'Bob Berg (bob) — no groups',
      ]);
      expect(buttons.map((button) => button[1])).toEqual([
        'type="submit" name="username" value="ada"',
        'type="submit" name="username" value="bob"',
      ]);
      expect(page.html).toContain('<form method="post" action="/oauth2/authorize">');
      expect(page.html).toContain('<legend>Choose a demo user</legend>');
    });

    it('carries the whole request in hidden fields', () => {
      const hidden = Object.fromEntries(
        [...page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
          (field): [string, string] => [field[1] ?? '', field[2] ?? ''],
        ),
      );

      expect(hidden).toEqual({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        scope: 'openid email profile',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'state-123',
        nonce: 'nonce-456',
      });
    });

    it('loads nothing from anywhere and may only post here or be redirected to the app', () => {
      expect(page.html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
      expect(page.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:5173; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('cache-control')).toBe('no-store');
    });

    it('escapes what the request carries, so a hostile state cannot inject markup', async () => {
      const hostile = await getPage(
        `${issuer.issuer}/oauth2/authorize?${authorizeParams(challenge, { state: '"><script>alert(1)</script>' }).toString()}`,
      );

      expect(hostile.status).toBe(200);
      expect(hostile.html).not.toContain('<script>');
      expect(hostile.html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    });
  });

  describe('refusals, shown as a page that names the parameter and never redirects', () => {
    const cases: [string, Record<string, string | undefined>, string][] = [
      ['an unknown client', { client_id: 'stranger' }, 'client_id'],
      ['a missing client id', { client_id: undefined }, 'client_id'],
      [
        'a callback URL that is not on this machine',
        { redirect_uri: 'https://evil.example/cb' },
        'redirect_uri',
      ],
      [
        'a callback URL with a fragment',
        { redirect_uri: 'http://localhost:5173/cb#x' },
        'redirect_uri',
      ],
      ['a missing callback URL', { redirect_uri: undefined }, 'redirect_uri'],
      ['the implicit grant', { response_type: 'token' }, 'response_type'],
      ['a missing response type', { response_type: undefined }, 'response_type'],
      ['the plain PKCE method', { code_challenge_method: 'plain' }, 'code_challenge_method'],
      ['no PKCE method', { code_challenge_method: undefined }, 'code_challenge_method'],
      ['no code challenge', { code_challenge: undefined }, 'code_challenge'],
      ['a malformed code challenge', { code_challenge: 'too-short' }, 'code_challenge'],
      ['a scope it does not offer', { scope: 'openid phone' }, 'scope'],
    ];

    it.each(cases)('refuses %s with a 400 page naming it', async (_name, overrides, parameter) => {
      const { status, html, headers } = await getPage(
        `${issuer.issuer}/oauth2/authorize?${authorizeParams(challenge, overrides).toString()}`,
      );

      expect(status).toBe(400);
      expect(headers.get('location')).toBeNull();
      expect(html).toContain('<title>Sign-in error — local dev issuer</title>');
      expect(html).toContain(`with <code>${parameter}</code>`);
      expect(html).toMatch(/<main>[\s\S]*<\/main>/);
    });

    it('says which client ids it knows when the client is unknown', async () => {
      const { html } = await getPage(
        `${issuer.issuer}/oauth2/authorize?${authorizeParams(challenge, { client_id: 'stranger' }).toString()}`,
      );

      expect(html).toContain(
        'client_id &quot;stranger&quot; is not an app client of this issuer; it knows web-client',
      );
    });

    it('refuses a parameter given twice', async () => {
      const params = authorizeParams(challenge);
      params.append('redirect_uri', 'http://localhost:9999/other');

      const { status, html } = await getPage(
        `${issuer.issuer}/oauth2/authorize?${params.toString()}`,
      );

      expect(status).toBe(400);
      expect(html).toContain('redirect_uri is given more than once');
    });
  });

  describe('choosing a user', () => {
    it('checks the request again, since hidden fields are whatever the browser sends', async () => {
      const response = await chooseUser(
        issuer,
        authorizeParams(challenge, { redirect_uri: 'https://evil.example/cb' }),
        'ada',
      );

      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('with <code>redirect_uri</code>');
    });

    it('refuses a username that is not a demo user', async () => {
      const response = await chooseUser(issuer, authorizeParams(challenge), 'mallory');

      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('with <code>username</code>');
      expect(html).toContain('&quot;mallory&quot; is not a demo user; known usernames: ada, bob');
    });

    it('refuses a form posted from another site', async () => {
      const form = authorizeParams(challenge);
      form.set('username', 'ada');

      const response = await fetch(`${issuer.issuer}/oauth2/authorize`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
        },
        body: form,
        redirect: 'manual',
      });

      expect(response.status).toBe(403);
      expect(response.headers.get('location')).toBeNull();
      await response.arrayBuffer();
    });

    it('tells the login page from another site by Sec-Fetch-Site, whatever Origin says', async () => {
      const post = (headers: Record<string, string>) => {
        const form = authorizeParams(challenge);
        form.set('username', 'ada');
        return fetch(`${issuer.issuer}/oauth2/authorize`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: form,
          redirect: 'manual',
        });
      };

      const own = await post({ origin: 'null', 'sec-fetch-site': 'same-origin' });
      const foreign = await post({ 'sec-fetch-site': 'cross-site' });
      await Promise.all([own.arrayBuffer(), foreign.arrayBuffer()]);

      expect(own.status).toBe(302);
      expect(foreign.status).toBe(403);
    });

    it('keeps the query of the callback URL and adds the code and state to it', async () => {
      const response = await chooseUser(
        issuer,
        authorizeParams(challenge, {
          redirect_uri: 'http://127.0.0.1:4000/cb?app=admin',
          state: undefined,
        }),
        'bob',
      );
      await response.arrayBuffer();

      const location = new URL(response.headers.get('location') ?? '');
      expect(location.origin).toBe('http://127.0.0.1:4000');
      expect(location.searchParams.get('app')).toBe('admin');
      expect(location.searchParams.get('code')).not.toBeNull();
      expect(location.searchParams.has('state')).toBe(false);
    });
  });

  describe('with an explicit list of callback URLs', () => {
    let strict: DevIssuer;

    beforeAll(async () => {
      strict = await DevIssuer.start({
        clientIds: [CLIENT_ID],
        users: USERS,
        redirectUris: [REDIRECT_URI],
      });
    });

    afterAll(async () => {
      await strict.close();
    });

    it('accepts a listed URL', async () => {
      const { status } = await getPage(
        `${strict.issuer}/oauth2/authorize?${authorizeParams(challenge).toString()}`,
      );

      expect(status).toBe(200);
    });

    it('refuses a local URL that is not listed, and says how to allow it', async () => {
      const { status, html } = await getPage(
        `${strict.issuer}/oauth2/authorize?${authorizeParams(challenge, { redirect_uri: 'http://localhost:5173/other' }).toString()}`,
      );

      expect(status).toBe(400);
      expect(html).toContain('with <code>redirect_uri</code>');
      expect(html).toContain('redirectUris option of DevIssuer.start');
    });

    it('refuses to start with a listed URL that has a fragment', async () => {
      await expect(DevIssuer.start({ redirectUris: ['http://localhost:1/cb#x'] })).rejects.toThrow(
        'DevIssuer option redirectUris: "http://localhost:1/cb#x" has a fragment',
      );
    });
  });
});
