import { afterEach, describe, expect, it } from '@jest/globals';
import { EnvironmentError, listenHttp, type HttpListener } from '@stack/kit';
import { createRouterFromEnvironment } from '../src/createRouterFromEnvironment.js';
import type { Router } from '../src/createRouter.js';
import { readRouterEnvironment } from '../src/environment.js';
import { fakeSupergraph } from './support/fakeSupergraph.js';

const SECRET = 'from-environment-secret-0123456789abcdef';

/** A router over the fake subgraphs served on HTTP, signing with whatever `secret` resolves. */
async function setUp(secret: () => Promise<string>) {
  const { subgraphs, supergraphSdl } = fakeSupergraph();
  const listeners: HttpListener[] = [];
  const urls: Record<string, string> = {};
  for (const [name, subgraph] of subgraphs) {
    const listener = await listenHttp(subgraph, { routerSecret: SECRET });
    listeners.push(listener);
    urls[name] = listener.url;
  }
  const environment = readRouterEnvironment({
    ROUTER_SHARED_SECRET_PARAMETER: '/stack/test/router/shared-secret',
    SUBGRAPH_TOPOLOGY: 'http',
    SUBGRAPH_URLS: JSON.stringify(urls),
  });
  const router = createRouterFromEnvironment(environment, supergraphSdl, secret);
  return {
    router,
    close: async () => {
      await router.stop();
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}

async function ask(router: Router, userId: string) {
  const response = await router.handle(
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ book(id: "1") { title stars } whoAmI }' }),
    },
    { userId, groups: [], anonymous: false },
  );
  return JSON.parse(response.body) as unknown;
}

describe('Function: createRouterFromEnvironment', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('signs every subgraph call with the resolved secret and asks for it only on first calls', async () => {
    // Prepare
    let asked = 0;
    const setup = await setUp(() => {
      asked += 1;
      return Promise.resolve(SECRET);
    });
    close = setup.close;
    const askedWhileBuilding = asked;

    // Act
    const answers = [await ask(setup.router, 'u1'), await ask(setup.router, 'u2')];

    // Assess: the subgraphs accepted the signatures; each data source asked once.
    expect(askedWhileBuilding).toBe(0);
    expect(answers).toEqual([
      { data: { book: { title: 'Title 1', stars: 4 }, whoAmI: 'u1' } },
      { data: { book: { title: 'Title 1', stars: 4 }, whoAmI: 'u2' } },
    ]);
    expect(asked).toBe(2);
  });

  it.each([
    ['neither', {}, 'none is set'],
    [
      'both',
      { ROUTER_SHARED_SECRET: SECRET, ROUTER_SHARED_SECRET_PARAMETER: '/stack/x' },
      'ROUTER_SHARED_SECRET and ROUTER_SHARED_SECRET_PARAMETER are set',
    ],
  ])('refuses an environment with %s of the secret variables, naming both', (_case, env, found) => {
    // Act
    let error: unknown;
    try {
      readRouterEnvironment({ ...env, SUBGRAPH_TIMEOUT_MS: '1' });
    } catch (caught) {
      error = caught;
    }

    // Assess: listed with the other problems, not instead of them.
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).problems).toEqual([
      'SUBGRAPH_TIMEOUT_MS="1": must be between 100 and 30000 (how long one subgraph call may take)',
      `set exactly one of ROUTER_SHARED_SECRET or ROUTER_SHARED_SECRET_PARAMETER (the router's shared secret, or the SSM parameter holding it); ${found}`,
    ]);
  });
});
