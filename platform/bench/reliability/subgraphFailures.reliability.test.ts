import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANONYMOUS, listenHttp, type HttpListener } from '@stack/kit';
import { createTestTable } from '@stack/kit/testing';
import { loadSubgraphs, seedDemoData } from '@stack/local';
import { createRouter, HttpDataSource, supergraphSdl, type Router } from '@stack/router';
import { randomBytes } from 'node:crypto';
import { eventually } from './support/eventually.js';
import { FaultyProxy } from './support/FaultyProxy.js';

// The router's per-subgraph timeout: short, so a slowed subgraph costs the caller little, yet
// with room for a busy 2-core CI machine. The slowed subgraph takes far longer than that.
const TIMEOUT_MS = 500;
const SLOW_MS = 3_000;
// One root field per subgraph, so an outage of one leaves the others' fields intact.
const QUERY =
  '{ user(id: "user-alice") { name } product(id: "prod-kettle") { title } review(id: "review-1") { rating } }';

interface RouterAnswer {
  readonly status: number;
  readonly elapsedMs: number;
  readonly data: Record<string, unknown> | null | undefined;
  readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[];
}

describe('Reliability: a subgraph killed or slowed past its timeout', () => {
  let listeners: HttpListener[] = [];
  let proxy: FaultyProxy;
  let router: Router;

  beforeAll(async () => {
    const tableName = await createTestTable('reliability-subgraphs');
    await seedDemoData(tableName);
    const secret = randomBytes(32).toString('base64url');
    const subgraphs = await loadSubgraphs(tableName);
    const urls = new Map<string, string>();
    for (const [name, subgraph] of subgraphs) {
      const listener = await listenHttp(subgraph, { routerSecret: secret });
      listeners.push(listener);
      urls.set(name, listener.url);
    }
    // Only the reviews subgraph is reached through the proxy the test controls.
    proxy = await FaultyProxy.start(urls.get('reviews') ?? '');
    urls.set('reviews', proxy.url);
    router = createRouter({
      supergraphSdl,
      production: false,
      dataSource: (name) =>
        new HttpDataSource({ name, url: urls.get(name) ?? '', secret, timeoutMs: TIMEOUT_MS }),
    });
  });

  afterAll(async () => {
    await router.stop();
    await proxy.close();
    await Promise.all(listeners.map((listener) => listener.close()));
    listeners = [];
  });

  const ask = async (): Promise<RouterAnswer> => {
    const started = performance.now();
    const response = await router.handle(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      },
      ANONYMOUS,
    );
    const body = JSON.parse(response.body) as Pick<RouterAnswer, 'data' | 'errors'>;
    return {
      status: response.statusCode,
      elapsedMs: performance.now() - started,
      data: body.data,
      errors: body.errors ?? [],
    };
  };

  const FULL = {
    user: { name: 'Alice Andersen' },
    product: { title: 'Stovetop kettle' },
    review: { rating: expect.any(Number) },
  };
  const PARTIAL = { user: { name: 'Alice Andersen' }, product: { title: 'Stovetop kettle' } };

  it('answers in full while every subgraph is healthy', async () => {
    // The first calls load each subgraph's code and SDK clients, which can outlast the short
    // timeout on a cold process; the steady state is what the scenarios below compare with.
    const answer = await eventually('a full answer from a warm router', async () => {
      const attempt = await ask();
      return attempt.errors.length === 0 ? attempt : undefined;
    });
    expect(answer.data).toEqual(FULL);
    expect(answer.elapsedMs).toBeLessThan(TIMEOUT_MS);
  });

  it('answers a slowed subgraph with partial data and an error naming it, within its timeout', async () => {
    // Prepare: reviews now takes 3 s, far past the router's 500 ms.
    proxy.delay(SLOW_MS);

    // Act
    const answer = await ask();

    // Assess: the users and products fields arrive; reviews' is null with an error naming it.
    expect(answer.status).toBe(200);
    expect(answer.elapsedMs).toBeLessThan(SLOW_MS / 2);
    expect(answer.data).toEqual({ ...PARTIAL, review: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]?.message).toBe(
      `Subgraph "reviews" failed: no answer within ${TIMEOUT_MS} ms`,
    );
  });

  it('answers a killed subgraph with partial data and a connection error naming it', async () => {
    // Prepare
    await proxy.kill();

    // Act
    const answer = await ask();

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.elapsedMs).toBeLessThan(TIMEOUT_MS);
    expect(answer.data).toEqual({ ...PARTIAL, review: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]?.message).toMatch(/^Subgraph "reviews" failed: /);
    expect(answer.errors[0]?.message).not.toMatch(/no answer within/);
  });

  it('answers in full again once the subgraph is back, from the same router', async () => {
    // Prepare
    await proxy.revive();

    // Act
    const answer = await ask();

    // Assess
    expect(answer.errors).toEqual([]);
    expect(answer.data).toEqual(FULL);
  });
});
