import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DirectInvokeEvent, verifyIdentity } from '@stack/kit';
import type { RouterEvent } from '../src/createRouterHandler.js';
import { startLocalLambdaEndpoint } from './support/localLambdaEndpoint.js';
import { setProcessEnv, ssmEnvironment, startLocalSsmEndpoint } from '@stack/kit/testing';
import { repositoryServices } from '@stack/kit/testing';

const PARAMETER = '/stack/test/router/shared-secret';
const SECRET = 'r'.repeat(64);

/** An HTTP API event for `query`, from a caller the authorizer vouched for as `userId`. */
function apiEvent(query: string, userId: string): RouterEvent {
  return {
    version: '2.0',
    routeKey: 'ANY /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    isBase64Encoded: false,
    requestContext: {
      accountId: '111111111111',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: `req-${userId}`,
      routeKey: 'ANY /graphql',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      authorizer: { lambda: { anonymous: 'false', userId } },
    },
  };
}

// The Lambda entry as deployed: environment from process.env, the secret named by
// ROUTER_SHARED_SECRET_PARAMETER read from (fake) SSM, subgraphs invoked through (fake) Lambda.
// It is imported once, after the environment is set, like a cold start.
describe('Lambda entry: handler', () => {
  let ssm: Awaited<ReturnType<typeof startLocalSsmEndpoint>>;
  let lambda: Awaited<ReturnType<typeof startLocalLambdaEndpoint>>;
  let restoreEnv: () => void;
  let handler: (event: RouterEvent) => Promise<{ statusCode?: number; body?: string }>;

  beforeAll(async () => {
    ssm = await startLocalSsmEndpoint({ [PARAMETER]: SECRET });
    // The users function answers `me` only for an identity signed with the stored secret.
    lambda = await startLocalLambdaEndpoint({
      'stack-users': (event: unknown) => {
        const identity = verifyIdentity(event as DirectInvokeEvent, SECRET);
        return Promise.resolve(
          identity
            ? { data: { me: { id: identity.userId } } }
            : { errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] },
        );
      },
    });
    restoreEnv = setProcessEnv({
      ...ssmEnvironment(ssm.endpoint),
      AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      ROUTER_SHARED_SECRET_PARAMETER: PARAMETER,
      // Every subgraph of the committed supergraph, a team's new ones included.
      SUBGRAPH_FUNCTIONS: JSON.stringify(
        Object.fromEntries(repositoryServices().subgraphs.map((name) => [name, `stack-${name}`])),
      ),
    });
    ({ handler } = await import('../src/handler.js'));
  });
  afterAll(async () => {
    restoreEnv();
    await Promise.all([ssm.close(), lambda.close()]);
  });

  it('reads nothing from SSM at cold start', () => {
    expect(ssm.calls).toEqual([]);
  });

  it('fails an invocation while SSM refuses the secret, then signs with it from the next one on', async () => {
    // Prepare
    ssm.failWith({ status: 400, type: 'AccessDeniedException', message: 'no ssm:GetParameter' });

    // Act
    const failed = await handler(apiEvent('{ me { id } }', 'u1')).then(
      () => undefined,
      (error: unknown) => error,
    );
    ssm.failWith(undefined);
    const answers = [];
    for (const userId of ['u2', 'u3']) {
      const response = await handler(apiEvent('{ me { id } }', userId));
      answers.push(JSON.parse(response.body ?? '') as unknown);
    }

    // Assess: one failed read, one good one, and the users function accepted both signatures.
    expect(String(failed)).toContain(`SSM parameter ${PARAMETER}: no ssm:GetParameter`);
    expect(answers).toEqual([{ data: { me: { id: 'u2' } } }, { data: { me: { id: 'u3' } } }]);
    expect(ssm.calls).toEqual([
      { Name: PARAMETER, WithDecryption: true },
      { Name: PARAMETER, WithDecryption: true },
    ]);
  });
});
