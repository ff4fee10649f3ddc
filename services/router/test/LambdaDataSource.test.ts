import { afterEach, describe, expect, it } from '@jest/globals';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { createLambdaHandler, type Identity } from '@stack/kit';
import { createRouter, type Router } from '../src/createRouter.js';
import { LambdaDataSource } from '../src/dataSources/LambdaDataSource.js';
import { askRouter } from './support/askRouter.js';
import { fakeSupergraph } from './support/fakeSupergraph.js';
import { startLocalLambdaEndpoint } from './support/localLambdaEndpoint.js';

const secret = 'lambda-data-source-secret-0123456789';

async function setUp(
  options: { delayMs?: number; breakReviews?: boolean; timeoutMs?: number } = {},
) {
  const { subgraphs, supergraphSdl } = fakeSupergraph();
  const handlers = Object.fromEntries(
    [...subgraphs].map(([name, subgraph]) => {
      const handler = createLambdaHandler(subgraph, () => Promise.resolve(secret));
      return [
        `stack-${name}`,
        async (event: unknown) => {
          if (options.breakReviews && name === 'reviews')
            throw new Error('Runtime.ImportModuleError: cannot find module');
          return handler(event as Parameters<typeof handler>[0]);
        },
      ];
    }),
  );
  const lambda = await startLocalLambdaEndpoint(
    handlers,
    options.delayMs ? { delayMs: options.delayMs } : {},
  );
  const client = new LambdaClient({
    endpoint: lambda.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const router = createRouter({
    supergraphSdl,
    production: false,
    dataSource: (name) =>
      new LambdaDataSource({
        name,
        functionName: `stack-${name}`,
        secret,
        timeoutMs: options.timeoutMs ?? 2_000,
        client,
      }),
  });
  return {
    router,
    close: async () => {
      await router.stop();
      client.destroy();
      await lambda.close();
    },
  };
}

/** The body of the router's answer to one query. */
const ask = async (router: Router, query: string, identity?: Identity) =>
  (await askRouter(router, query, identity)).body;

describe('Class: LambdaDataSource', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('invokes each subgraph function with a signed identity through the real Lambda client', async () => {
    const setup = await setUp();
    close = setup.close;
    const body = await ask(setup.router, '{ book(id: "7") { title stars } whoAmI }', {
      userId: 'u7',
      groups: [],
      anonymous: false,
    });
    expect(body).toEqual({ data: { book: { title: 'Title 7', stars: 4 }, whoAmI: 'u7' } });
  });

  it('reports a function error as an error naming the subgraph, with the other data', async () => {
    const setup = await setUp({ breakReviews: true });
    close = setup.close;
    const body = await ask(setup.router, '{ book(id: "1") { title } whoAmI }');
    expect(body.data).toEqual({ book: { title: 'Title 1' }, whoAmI: null });
    expect(body.errors?.[0]?.message).toContain(
      'Subgraph "reviews" failed: function error Unhandled',
    );
  });

  it('gives up on a function slower than the timeout', async () => {
    const setup = await setUp({ delayMs: 1_500, timeoutMs: 200 });
    close = setup.close;
    const body = await ask(setup.router, '{ whoAmI }');
    expect(body.errors?.[0]?.message).toContain(
      'Subgraph "reviews" failed: no answer within 200 ms',
    );
  });
});
