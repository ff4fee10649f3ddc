import { describe, expect, it } from '@jest/globals';
import { signOutRedirectUrl } from '../src/auth/createUserManager.js';
import { parseWebConfig } from '../src/config/parseWebConfig.js';

const valid = {
  apiUrl: 'http://localhost:4000/graphql',
  auth: { authority: 'http://localhost:4010', clientId: 'web-app', scopes: 'openid profile' },
  stage: 'local',
};

describe('Function: parseWebConfig', () => {
  it('returns the fields of a complete /config.json', () => {
    expect(parseWebConfig({ ...valid, extra: 'ignored' })).toEqual(valid);
  });

  it('names the first missing or empty field', () => {
    expect(() => parseWebConfig({ ...valid, apiUrl: ' ' })).toThrow(
      '/config.json: apiUrl must be a non-empty string',
    );
    expect(() => parseWebConfig({ ...valid, auth: { ...valid.auth, clientId: 7 } })).toThrow(
      '/config.json: auth.clientId must be a non-empty string',
    );
    expect(() => parseWebConfig({ apiUrl: valid.apiUrl, stage: 'local' })).toThrow(
      '/config.json: auth.authority must be a non-empty string',
    );
  });

  it('rejects JSON that is not an object', () => {
    expect(() => parseWebConfig(null)).toThrow('/config.json is not an object');
    expect(() => parseWebConfig('config')).toThrow('/config.json is not an object');
  });

  it('keeps a valid signOutUrl and refuses one that is not an http(s) URL', () => {
    const signOutUrl = 'https://stack-integration-1.auth.eu-west-1.amazoncognito.com/logout';
    expect(parseWebConfig({ ...valid, auth: { ...valid.auth, signOutUrl } }).auth.signOutUrl).toBe(
      signOutUrl,
    );
    expect(() =>
      parseWebConfig({ ...valid, auth: { ...valid.auth, signOutUrl: 'auth.example.com/logout' } }),
    ).toThrow(
      '/config.json: auth.signOutUrl must be an absolute URL, got "auth.example.com/logout"',
    );
    expect(() =>
      parseWebConfig({ ...valid, auth: { ...valid.auth, signOutUrl: 'javascript:alert(1)' } }),
    ).toThrow('/config.json: auth.signOutUrl must be an http(s) URL');
  });
});

describe('Function: signOutRedirectUrl', () => {
  it("sends the browser to the hosted UI's /logout with the client and the app's root", () => {
    const config = parseWebConfig({
      ...valid,
      auth: { ...valid.auth, signOutUrl: 'https://auth.example.com/logout' },
    });
    const url = new URL(signOutRedirectUrl(config, 'https://d111.cloudfront.net') ?? '');
    expect(url.origin + url.pathname).toBe('https://auth.example.com/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'web-app',
      logout_uri: 'https://d111.cloudfront.net/',
    });
  });

  it('is undefined when the stage gives no sign-out URL (only the tab forgets the tokens)', () => {
    expect(signOutRedirectUrl(parseWebConfig(valid), 'http://localhost:3000')).toBeUndefined();
  });
});
