import { afterEach, describe, expect, it } from '@jest/globals';
import { flattenHeaders, handleHttpRequest, readBody, type Identity } from '@stack/kit';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRouter, type Router } from '../src/createRouter.js';
import { HttpDataSource } from '../src/dataSources/HttpDataSource.js';
import { askRouter } from './support/askRouter.js';
import { fakeSupergraph } from './support/fakeSupergraph.js';

const secret = 'http-data-source-secret-0123456789';

/** Each subgraph behind its own HTTP server, which counts the connections it accepted. */
async function setUp(
  options: { slowReviewsMs?: number; timeoutMs?: number; reviewsAnswer?: string } = {},
) {
  const { subgraphs, supergraphSdl } = fakeSupergraph(
    options.slowReviewsMs ? { slowReviewsMs: options.slowReviewsMs } : {},
  );
  const servers = new Map<string, Server>();
  const connections = new Map<string, number>();
  const urls = new Map<string, string>();
  for (const [name, subgraph] of subgraphs) {
    const server = createServer((req, res) => {
      void (async () => {
        const body = await readBody(req, 1_000_000);
        if (name === 'reviews' && options.reviewsAnswer !== undefined) {
          res.writeHead(502, { 'content-type': 'text/html' }).end(options.reviewsAnswer);
          return;
        }
        const response = await handleHttpRequest(
          subgraph,
          { method: req.method ?? 'GET', headers: flattenHeaders(req), body },
          secret,
        );
        res.writeHead(response.statusCode, response.headers).end(response.body);
      })();
    });
    server.on('connection', () => connections.set(name, (connections.get(name) ?? 0) + 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.set(name, server);
    urls.set(name, `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  }
  const router = createRouter({
    supergraphSdl,
    production: false,
    dataSource: (name) =>
      new HttpDataSource({
        name,
        url: urls.get(name) ?? '',
        secret,
        timeoutMs: options.timeoutMs ?? 2_000,
      }),
  });
  const stopServer = (name: string) =>
    new Promise<void>((resolve) => {
      const server = servers.get(name);
      if (!server?.listening) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    router,
    connections,
    stopServer,
    /** Closes the open connections and keeps listening, as an idle timeout does. */
    dropConnections: (name: string) => servers.get(name)?.closeAllConnections(),
    close: async () => {
      await router.stop();
      for (const name of servers.keys()) await stopServer(name);
    },
  };
}

/** The body of the router's answer to one query. */
const ask = async (router: Router, query: string, identity?: Identity) =>
  (await askRouter(router, query, identity)).body;

describe('Class: HttpDataSource', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('posts each fetch with a signed identity, over one kept-alive connection per subgraph', async () => {
    // Prepare
    const setup = await setUp();
    close = setup.close;
    const caller = { userId: 'u7', groups: [], anonymous: false };

    const query = '{ book(id: "7") { title stars } whoAmI }';
    const first = await ask(setup.router, query, caller);
    const opened = Object.fromEntries(setup.connections);

    // Act
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ask(setup.router, query, caller));

    // Assess
    for (const body of [first, ...answers])
      expect(body).toEqual({ data: { book: { title: 'Title 7', stars: 4 }, whoAmI: 'u7' } });
    // The plan calls reviews twice, maybe at once (whoAmI beside books, then stars): at most
    // two connections to it, and none opened after the first request.
    expect(opened.books).toBe(1);
    expect(opened.reviews).toBeLessThanOrEqual(2);
    expect(Object.fromEntries(setup.connections)).toEqual(opened);
  });

  it('gives up on a subgraph slower than the timeout, and still serves the next request', async () => {
    // Prepare
    const setup = await setUp({ slowReviewsMs: 1_500, timeoutMs: 200 });
    close = setup.close;

    // Act
    const slow = await ask(setup.router, '{ book(id: "1") { title } whoAmI }');
    const next = await ask(setup.router, '{ book(id: "2") { title } }');

    // Assess
    expect(slow.data).toEqual({ book: { title: 'Title 1' }, whoAmI: null });
    expect(slow.errors?.[0]?.message).toContain(
      'Subgraph "reviews" failed: no answer within 200 ms',
    );
    expect(next).toEqual({ data: { book: { title: 'Title 2' } } });
  });

  it('sends again on a new connection when the server closed the idle one', async () => {
    // Prepare
    const setup = await setUp();
    close = setup.close;
    await ask(setup.router, '{ whoAmI }');
    const opened = setup.connections.get('reviews') ?? 0;
    setup.dropConnections('reviews');

    // Act
    const body = await ask(setup.router, '{ whoAmI }');

    // Assess
    expect(body).toEqual({ data: { whoAmI: 'anonymous' } });
    expect(setup.connections.get('reviews')).toBe(opened + 1);
  });

  it('names the subgraph and the cause when nothing listens any more', async () => {
    // Prepare
    const setup = await setUp();
    close = setup.close;
    await ask(setup.router, '{ whoAmI }');
    await setup.stopServer('reviews');

    // Act
    const body = await ask(setup.router, '{ book(id: "3") { title } whoAmI }');

    // Assess
    expect(body.data).toEqual({ book: { title: 'Title 3' }, whoAmI: null });
    expect(body.errors?.[0]?.message).toMatch(/^Subgraph "reviews" failed: .*ECONNREFUSED/);
  });

  it('reports an answer that is not JSON with its HTTP status', async () => {
    // Prepare
    const setup = await setUp({ reviewsAnswer: '<html>Bad Gateway</html>' });
    close = setup.close;

    // Act
    const body = await ask(setup.router, '{ whoAmI }');

    // Assess
    expect(body.errors?.[0]?.message).toContain(
      'Subgraph "reviews" failed: HTTP 502 with a body that is not JSON',
    );
  });

  it('refuses a URL that is not http(s) when it is built', () => {
    expect(
      () => new HttpDataSource({ name: 'books', url: 'file:///etc/passwd', secret, timeoutMs: 1 }),
    ).toThrow('Subgraph "books" needs an http(s) URL, not "file:///etc/passwd"');
    expect(() => new HttpDataSource({ name: 'books', url: '', secret, timeoutMs: 1 })).toThrow(
      'Subgraph "books" needs an http(s) URL, not ""',
    );
  });
});
