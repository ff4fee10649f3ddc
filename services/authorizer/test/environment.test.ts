import { describe, expect, it } from '@jest/globals';
import { readEnvironment } from '../src/index.js';

const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123';

describe('Function: readEnvironment', () => {
  it('reads the issuer, derives the Cognito JWKS URI and splits the client ids', () => {
    const config = readEnvironment({ AUTH_ISSUER: ISSUER, AUTH_CLIENT_IDS: ' web , mobile,, ' });

    expect(config).toEqual({
      issuer: ISSUER,
      jwksUri: `${ISSUER}/.well-known/jwks.json`,
      clientIds: ['web', 'mobile'],
    });
  });

  it('uses AUTH_JWKS_URI when it is set', () => {
    const config = readEnvironment({
      AUTH_ISSUER: ISSUER,
      AUTH_JWKS_URI: 'https://keys.example.com/jwks.json',
      AUTH_CLIENT_IDS: 'web',
    });

    expect(config.jwksUri).toBe('https://keys.example.com/jwks.json');
  });

  it('derives the JWKS URI without a double slash from an issuer ending in one', () => {
    const config = readEnvironment({ AUTH_ISSUER: `${ISSUER}/`, AUTH_CLIENT_IDS: 'web' });

    expect(config.jwksUri).toBe(`${ISSUER}/.well-known/jwks.json`);
  });

  it('accepts plain HTTP for an issuer on this machine, as the local cloud runs one', () => {
    const config = readEnvironment({
      AUTH_ISSUER: 'http://127.0.0.1:9229',
      AUTH_CLIENT_IDS: 'web',
    });

    expect(config.jwksUri).toBe('http://127.0.0.1:9229/.well-known/jwks.json');
  });

  it.each([
    [{ AUTH_CLIENT_IDS: 'web' }, /^AUTH_ISSUER is not set: expected the token issuer URL/],
    [{ AUTH_ISSUER: '   ', AUTH_CLIENT_IDS: 'web' }, /^AUTH_ISSUER is not set/],
    [
      { AUTH_ISSUER: 'cognito', AUTH_CLIENT_IDS: 'web' },
      /^AUTH_ISSUER is not a valid URL: "cognito"/,
    ],
    [
      { AUTH_ISSUER: 'ftp://idp.example.com', AUTH_CLIENT_IDS: 'web' },
      /^AUTH_ISSUER must be an http\(s\) URL/,
    ],
    [
      { AUTH_ISSUER: ISSUER, AUTH_JWKS_URI: 'keys', AUTH_CLIENT_IDS: 'web' },
      /^AUTH_JWKS_URI is not a valid URL/,
    ],
    [
      {
        AUTH_ISSUER: ISSUER,
        AUTH_JWKS_URI: 'http://keys.example.com/jwks.json',
        AUTH_CLIENT_IDS: 'web',
      },
      /^AUTH_JWKS_URI must use https unless it points at this machine/,
    ],
    [
      { AUTH_ISSUER: 'http://idp.example.com', AUTH_CLIENT_IDS: 'web' },
      /^AUTH_JWKS_URI \(defaulted from AUTH_ISSUER\) must use https/,
    ],
    [{ AUTH_ISSUER: ISSUER }, /^AUTH_CLIENT_IDS is not set: expected a comma-separated list/],
    [{ AUTH_ISSUER: ISSUER, AUTH_CLIENT_IDS: ' , ' }, /^AUTH_CLIENT_IDS lists no client id/],
  ])('rejects %j with an error naming the variable', (env, message) => {
    expect(() => readEnvironment(env)).toThrow(message);
  });
});
