import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnauthorizedError } from '../src/index.js';
import { authorizerEvent } from './support/authorizerEvent.js';
import { startDevIssuer, type TokenIssuer } from './support/startDevIssuer.js';

const VARIABLES = ['AUTH_ISSUER', 'AUTH_JWKS_URI', 'AUTH_CLIENT_IDS'] as const;

describe('Module: handler', () => {
  let issuer: TokenIssuer;
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    issuer = await startDevIssuer({ clientIds: ['web-client'] });
    for (const name of VARIABLES) saved.set(name, process.env[name]);
    process.env.AUTH_ISSUER = issuer.issuer;
    delete process.env.AUTH_JWKS_URI;
    process.env.AUTH_CLIENT_IDS = 'web-client';
  });

  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await issuer.close();
  });

  it('is configured from the environment at cold start and verifies tokens', async () => {
    const { handler } = await import('../src/handler.js');
    process.env.AUTH_CLIENT_IDS = 'changed-after-cold-start';
    const token = issuer.issueAccessToken({ sub: 'user-1', groups: ['admins'] });

    const signedIn = await handler(authorizerEvent({ authorization: `Bearer ${token}` }));
    const anonymous = await handler(authorizerEvent());
    const refused = handler(authorizerEvent({ authorization: 'Bearer not-a-jwt' }));

    expect(signedIn.context).toMatchObject({ userId: 'user-1', groups: 'admins' });
    expect(anonymous.context.anonymous).toBe('true');
    await expect(refused).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
