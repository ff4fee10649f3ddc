import { afterEach, describe, expect, it } from '@jest/globals';
import { ANONYMOUS } from '@stack/kit';
import { createRouter, type Router } from '../src/createRouter.js';
import { InProcessDataSource } from '../src/dataSources/InProcessDataSource.js';
import { askRouter as ask } from './support/askRouter.js';
import { fakeSupergraph } from './support/fakeSupergraph.js';

function routerFor(options: {
  production: boolean;
  slowReviewsMs?: number;
  failReviews?: boolean;
  timeoutMs?: number;
}): Router {
  const { subgraphs, supergraphSdl } = fakeSupergraph(options);
  return createRouter({
    supergraphSdl,
    production: options.production,
    dataSource: (name) => {
      const subgraph = subgraphs.get(name);
      if (!subgraph) throw new Error(`no subgraph ${name}`);
      return new InProcessDataSource({ subgraph, timeoutMs: options.timeoutMs ?? 1_000 });
    },
  });
}

describe('Function: createRouter', () => {
  let router: Router | undefined;
  afterEach(async () => {
    await router?.stop();
    router = undefined;
  });

  it('joins fields of two subgraphs and forwards the identity', async () => {
    router = routerFor({ production: false });
    const { body } = await ask(router, '{ book(id: "1") { title stars } whoAmI }', {
      userId: 'u1',
      groups: [],
      anonymous: false,
    });
    expect(body).toEqual({ data: { book: { title: 'Title 1', stars: 4 }, whoAmI: 'u1' } });
  });

  it('answers with partial data and an error naming a subgraph slower than its timeout', async () => {
    router = routerFor({ production: false, slowReviewsMs: 2_000, timeoutMs: 200 });
    const started = Date.now();
    const { status, body } = await ask(router, '{ book(id: "1") { title } whoAmI }');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(status).toBe(200);
    expect(body.data).toEqual({ book: { title: 'Title 1' }, whoAmI: null });
    expect(body.errors?.[0]?.message).toContain(
      'Subgraph "reviews" failed: no answer within 200 ms',
    );
    const again = await ask(router, '{ book(id: "2") { title } }');
    expect(again.body).toEqual({ data: { book: { title: 'Title 2' } } });
  });

  it('allows introspection outside production', async () => {
    router = routerFor({ production: false });
    const { body } = await ask(router, '{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses introspection in production', async () => {
    router = routerFor({ production: true });
    const { status, body } = await ask(router, '{ __schema { queryType { name } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('hides internal error messages and stack traces in production', async () => {
    router = routerFor({ production: true });
    const { body } = await ask(router, '{ secret }');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses batched operations', async () => {
    router = routerFor({ production: false });
    const response = await router.handle(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ query: '{ whoAmI }' }, { query: '{ whoAmI }' }]),
      },
      ANONYMOUS,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/batch/i);
  });

  it('answers a body that is not JSON with 400', async () => {
    router = routerFor({ production: false });
    const response = await router.handle(
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' },
      ANONYMOUS,
    );
    expect(response.statusCode).toBe(400);
  });

  it('runs a query over GET only with a CSRF-preflight header', async () => {
    router = routerFor({ production: true });
    const get = (headers: Record<string, string>) =>
      router!.handle(
        { method: 'GET', headers, body: '', search: '?query=%7B%20whoAmI%20%7D' },
        ANONYMOUS,
      );
    const refused = await get({});
    const allowed = await get({ 'apollo-require-preflight': 'true' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Cross-Site Request Forgery');
    expect(allowed.statusCode).toBe(200);
    expect(JSON.parse(allowed.body)).toEqual({ data: { whoAmI: 'anonymous' } });
  });

  it('refuses a mutation over GET with 405 and Allow: POST, and runs it over POST', async () => {
    router = routerFor({ production: true });
    const mutation = 'mutation { rate(id: "1", stars: 5) }';
    const overGet = await router.handle(
      {
        method: 'GET',
        headers: { 'apollo-require-preflight': 'true' },
        body: '',
        search: `?${new URLSearchParams({ query: mutation }).toString()}`,
      },
      ANONYMOUS,
    );
    expect(overGet.statusCode).toBe(405);
    expect(overGet.headers.allow).toBe('POST');
    expect((await ask(router, mutation)).body).toEqual({ data: { rate: 5 } });
  });

  it('answers variables that do not fit with 400 BAD_USER_INPUT', async () => {
    router = routerFor({ production: true });
    const response = await router.handle(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query Book($id: ID!) { book(id: $id) { title } }',
          variables: {},
        }),
      },
      ANONYMOUS,
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('answers in the media type the Accept header prefers, and 406 when it accepts none', async () => {
    router = routerFor({ production: false });
    const withAccept = (accept: string) =>
      router!.handle(
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body: JSON.stringify({ query: '{ whoAmI }' }),
        },
        ANONYMOUS,
      );
    const graphqlResponse = await withAccept('application/graphql-response+json');
    const json = await withAccept('application/json');
    const none = await withAccept('image/png');
    expect(graphqlResponse.headers['content-type']).toBe(
      'application/graphql-response+json; charset=utf-8',
    );
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(none.statusCode).toBe(406);
  });

  it('answers a repeated operation the same way from its cached document', async () => {
    router = routerFor({ production: false });
    const query = '{ book(id: "3") { title stars } }';
    const answers = [await ask(router, query), await ask(router, query)];
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]?.body).toEqual({ data: { book: { title: 'Title 3', stars: 4 } } });
  });

  it('fails every request while its supergraph does not load, and still stops', async () => {
    const broken = createRouter({
      supergraphSdl: 'type Query { nothing: String }',
      production: true,
      dataSource: () => {
        throw new Error('no data source should be built');
      },
    });
    await expect(
      broken.handle(
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ nothing }' }),
        },
        ANONYMOUS,
      ),
    ).rejects.toThrow();
    await expect(broken.stop()).resolves.toBeUndefined();
  });
});
