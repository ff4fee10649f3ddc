import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  createAuthorizer,
  UnauthorizedError,
  type Authorizer,
  type AuthorizerConfig,
  type AuthorizerLogEntry,
  type AuthorizerOptions,
} from '../src/index.js';
import { authorizerEvent } from './support/authorizerEvent.js';
import { startDevIssuer, type TokenIssuer } from './support/startDevIssuer.js';

const CLIENT_ID = 'web-client';

function configFor(issuer: TokenIssuer): AuthorizerConfig {
  return {
    issuer: issuer.issuer,
    jwksUri: issuer.jwksUri,
    clientIds: [CLIENT_ID, 'mobile-client'],
  };
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Awaits a refusal and returns the error, failing the test when the request was let through. */
async function refusalOf(pending: Promise<unknown>): Promise<UnauthorizedError> {
  const error = await pending.then(
    (result) => new Error(`expected a refusal, got ${JSON.stringify(result)}`),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof UnauthorizedError)) throw error;
  return error;
}

describe('Function: createAuthorizer', () => {
  let issuer: TokenIssuer;
  let strangerIssuer: TokenIssuer;
  let forger: TokenIssuer;
  let logged: AuthorizerLogEntry[];
  let clockMs: number;
  let authorize: Authorizer;

  const build = (options: AuthorizerOptions = {}): Authorizer =>
    createAuthorizer(configFor(issuer), {
      log: (entry) => logged.push(entry),
      now: () => clockMs,
      ...options,
    });

  beforeAll(async () => {
    [issuer, strangerIssuer, forger] = await Promise.all([
      startDevIssuer({ clientIds: [CLIENT_ID] }),
      startDevIssuer({ clientIds: [CLIENT_ID], keyId: 'stranger-key' }),
      startDevIssuer({ clientIds: [CLIENT_ID] }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([issuer.close(), strangerIssuer.close(), forger.close()]);
  });

  beforeEach(() => {
    logged = [];
    clockMs = Date.now();
    authorize = build();
  });

  describe('without credentials', () => {
    it('lets a request without an Authorization header through as anonymous', async () => {
      const result = await authorize(authorizerEvent());

      expect(result).toEqual({
        isAuthorized: true,
        context: { userId: '', username: '', groups: '', anonymous: 'true' },
      });
      expect(logged).toEqual([]);
    });

    it('treats an empty Authorization header as no credentials, as signed-out clients send it', async () => {
      const result = await authorize(authorizerEvent({ authorization: '  ' }));

      expect(result.context.anonymous).toBe('true');
    });
  });

  describe('with a valid access token', () => {
    it('passes the user id, username and groups on to the integration', async () => {
      const token = issuer.issueAccessToken({
        sub: 'user-1',
        username: 'ada',
        groups: ['admins', 'editors'],
      });

      const result = await authorize(authorizerEvent(bearer(token)));

      expect(result).toEqual({
        isAuthorized: true,
        context: {
          userId: 'user-1',
          username: 'ada',
          groups: 'admins,editors',
          anonymous: 'false',
        },
      });
    });

    it('gives an empty groups string to a user in no group', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-2', username: 'grace' });

      const result = await authorize(authorizerEvent(bearer(token)));

      expect(result.context).toEqual({
        userId: 'user-2',
        username: 'grace',
        groups: '',
        anonymous: 'false',
      });
    });

    it('accepts any of the configured client ids', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-3', clientId: 'mobile-client' });

      const result = await authorize(authorizerEvent(bearer(token)));

      expect(result.context.userId).toBe('user-3');
    });

    it('reads the header and the scheme in any letter case', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-4' });

      const result = await authorize(authorizerEvent({ Authorization: `bearer ${token}` }));

      expect(result.context.userId).toBe('user-4');
    });
  });

  describe('with an invalid credential', () => {
    it('refuses an expired token', async () => {
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      const token = issuer.issueAccessToken({
        sub: 'user-1',
        issuedAt: hourAgo - 60,
        expiresInSeconds: 60,
      });

      const error = await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(error.reason).toBe('expired');
    });

    it('refuses a token from another issuer', async () => {
      const token = strangerIssuer.issueAccessToken({ sub: 'user-1' });

      const error = await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(error.reason).toBe('unknown_key');
    });

    it('refuses a token signed with the right key that names another issuer', async () => {
      const claims = claimsOf(issuer.issueAccessToken({ sub: 'user-1' }));
      const token = issuer.signRaw(
        { alg: 'RS256', kid: issuer.keyId, typ: 'JWT' },
        { ...claims, iss: strangerIssuer.issuer },
      );

      const error = await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(error.reason).toBe('invalid_issuer');
    });

    it('refuses a forged signature made with another key under the same kid', async () => {
      const claims = claimsOf(issuer.issueAccessToken({ sub: 'user-1', groups: ['admins'] }));
      const token = forger.signRaw({ alg: 'RS256', kid: issuer.keyId, typ: 'JWT' }, claims);

      const error = await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(error.reason).toBe('invalid_signature');
    });

    it('refuses a token issued to a client id that is not allowed', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-1', clientId: 'someone-elses-app' });

      const error = await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(error.reason).toBe('client_id_not_allowed');
    });

    it('refuses an ID token in place of an access token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const idToken = issuer.signRaw(
        { alg: 'RS256', kid: issuer.keyId, typ: 'JWT' },
        {
          sub: 'user-1',
          aud: CLIENT_ID,
          iss: issuer.issuer,
          token_use: 'id',
          'cognito:username': 'ada',
          auth_time: now,
          iat: now,
          exp: now + 3600,
        },
      );

      const error = await refusalOf(authorize(authorizerEvent(bearer(idToken))));

      expect(error.reason).toBe('wrong_token_use');
    });

    it('refuses an access token without an expiry', async () => {
      const claims = claimsOf(issuer.issueAccessToken({ sub: 'user-1' }));
      delete claims.exp;
      const token = issuer.signRaw({ alg: 'RS256', kid: issuer.keyId, typ: 'JWT' }, claims);

      const error = await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(error.reason).toBe('malformed_token');
    });

    it('refuses a token whose header names another algorithm than the key', async () => {
      const claims = claimsOf(issuer.issueAccessToken({ sub: 'user-1' }));
      const token = issuer.signRaw({ alg: 'RS512', kid: issuer.keyId, typ: 'JWT' }, claims);

      const error = await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(error.reason).toBe('unsupported_algorithm');
    });

    it.each([['not-a-jwt'], ['eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln'], ['a.b.c']])(
      'refuses the garbage token %s',
      async (garbage) => {
        const error = await refusalOf(authorize(authorizerEvent(bearer(garbage))));

        expect(error.reason).toBe('malformed_token');
      },
    );

    it.each([['Basic dXNlcjpwYXNzd29yZA=='], ['Bearer'], ['Bearer two tokens'], ['token-alone']])(
      'refuses the Authorization header %s',
      async (header) => {
        const error = await refusalOf(authorize(authorizerEvent({ authorization: header })));

        expect(error.reason).toBe('not_bearer');
      },
    );

    it('throws an error whose message is exactly Unauthorized, the message API Gateway maps to 401', async () => {
      const error = await refusalOf(authorize(authorizerEvent({ authorization: 'Basic eDp5' })));

      expect(error).toBeInstanceOf(Error);
      expect(error.message).toBe('Unauthorized');
      expect(error.name).toBe('UnauthorizedError');
    });

    it('logs the reason of a refusal with the request id, and nothing of the token', async () => {
      const token = forger.signRaw(
        { alg: 'RS256', kid: issuer.keyId, typ: 'JWT' },
        claimsOf(issuer.issueAccessToken({ sub: 'user-secret-sub', username: 'secret-name' })),
      );

      await refusalOf(authorize(authorizerEvent(bearer(token), 'request-42')));

      expect(logged).toEqual([
        {
          level: 'warn',
          message: 'authorizer refused the request',
          reason: 'invalid_signature',
          error: 'JwtInvalidSignatureError',
          requestId: 'request-42',
          routeKey: 'POST /graphql',
        },
      ]);
      const line = JSON.stringify(logged);
      for (const fragment of [...token.split('.'), 'user-secret-sub', 'secret-name']) {
        expect(line).not.toContain(fragment);
      }
    });
  });

  describe('when the issuer cannot be reached', () => {
    it('fails with a plain error, which API Gateway answers with 500, not 401', async () => {
      const gone = await startDevIssuer({ clientIds: [CLIENT_ID] });
      const token = gone.issueAccessToken({ sub: 'user-1' });
      await gone.close();
      const unreachable = createAuthorizer(configFor(gone), { log: (entry) => logged.push(entry) });

      const error = await unreachable(authorizerEvent(bearer(token))).then(
        () => undefined,
        (rejection: unknown) => rejection,
      );

      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(UnauthorizedError);
      expect(logged).toMatchObject([{ level: 'error', requestId: 'request-1' }]);
    });
  });

  describe('caching', () => {
    it('fetches the JWKS once and verifies a repeated token only once', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-1', groups: ['admins'] });
      const fetchesBefore = issuer.jwksRequestCount;

      const first = await authorize(authorizerEvent(bearer(token)));
      const second = await authorize(authorizerEvent(bearer(token)));
      await authorize(authorizerEvent(bearer(issuer.issueAccessToken({ sub: 'user-2' }))));

      expect(second).toEqual(first);
      expect(authorize.stats()).toEqual({ hits: 1, misses: 2, size: 2 });
      expect(issuer.jwksRequestCount - fetchesBefore).toBe(1);
    });

    it('forgets a verification after five minutes', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-1', expiresInSeconds: 3600 });
      await authorize(authorizerEvent(bearer(token)));

      clockMs += 299_000;
      await authorize(authorizerEvent(bearer(token)));
      clockMs += 2_000;
      await authorize(authorizerEvent(bearer(token)));

      expect(authorize.stats()).toMatchObject({ hits: 1, misses: 2 });
    });

    it('never remembers a verification past the token expiry', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-1', expiresInSeconds: 60 });
      await authorize(authorizerEvent(bearer(token)));
      const exp = claimsOf(token).exp as number;

      clockMs = exp * 1000;
      await authorize(authorizerEvent(bearer(token)));

      expect(authorize.stats()).toMatchObject({ hits: 0, misses: 2 });
    });

    it('keeps at most the configured number of entries, dropping the least recently used', async () => {
      const small = build({ maxCacheEntries: 2 });
      const [first, second, third] = ['user-1', 'user-2', 'user-3'].map((sub) =>
        bearer(issuer.issueAccessToken({ sub })),
      );

      await small(authorizerEvent(first));
      await small(authorizerEvent(second));
      await small(authorizerEvent(first));
      await small(authorizerEvent(third));
      await small(authorizerEvent(first));
      await small(authorizerEvent(second));

      expect(small.stats()).toEqual({ hits: 2, misses: 4, size: 2 });
    });

    it('does not cache refusals, so each bad token is checked again', async () => {
      const token = issuer.issueAccessToken({ sub: 'user-1', clientId: 'someone-elses-app' });

      await refusalOf(authorize(authorizerEvent(bearer(token))));
      await refusalOf(authorize(authorizerEvent(bearer(token))));

      expect(authorize.stats()).toEqual({ hits: 0, misses: 2, size: 0 });
    });
  });
});
