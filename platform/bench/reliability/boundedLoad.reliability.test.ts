import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestTable } from '@stack/kit/testing';
import autocannon from 'autocannon';
import { REFERENCE_QUERY } from '../src/graphql/listQuery.js';
import { postGraphQL } from '../src/graphql/postGraphQL.js';
import { seedCatalogue } from '../src/seed/seedCatalogue.js';
import { eventually } from './support/eventually.js';
import { LocalApiProcess, type ServerMemory } from './support/LocalApiProcess.js';

const DURATION_SECONDS = 60;
const WARM_UP_SECONDS = 5;
const CONNECTIONS = 20;
const MAX_RSS_GROWTH = 0.2;
// After the load V8 takes a few seconds to give freed pages back to the system (2-10 s
// measured), so the end sample waits up to this long for RSS to settle.
const RELEASE_TIMEOUT_MS = 30_000;

describe('Reliability: a bounded load on the local API', () => {
  let server: LocalApiProcess;
  let expectedBody: string;

  beforeAll(async () => {
    const tableName = await createTestTable('reliability-load');
    await seedCatalogue({ tableName, products: 20, reviewsPerProduct: 5 });
    server = await LocalApiProcess.start(tableName, process.env);
    // The one correct answer, which every answer under load must equal byte for byte.
    const expected = await postGraphQL(server.url, REFERENCE_QUERY);
    expect(expected.body.errors).toBeUndefined();
    expectedBody = expected.text;
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** Loads the server with the bench's reference query (all three subgraphs) for `seconds`. */
  const load = (seconds: number) =>
    autocannon({
      url: server.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REFERENCE_QUERY }),
      connections: CONNECTIONS,
      duration: seconds,
      expectBody: expectedBody,
      // A stuck server shows up as timeouts, not as a test that never ends.
      timeout: 20,
    });

  /**
   * The idle server's memory: autocannon stops at its deadline without waiting for answers, so
   * one more request (queued behind those) lets the server finish them before it is sampled.
   */
  const idleMemory = async (): Promise<ServerMemory> => {
    const settled = await postGraphQL(server.url, REFERENCE_QUERY, { timeoutMs: 60_000 });
    expect(settled.text).toBe(expectedBody);
    return server.memory();
  };

  it(`serves ${CONNECTIONS} connections for ${DURATION_SECONDS} s with no error, and its RSS returns within 20 % of the warm baseline`, async () => {
    // Prepare: a warm server (JIT, query plan cache, SDK connections, heap sized for the load).
    const warmUp = await load(WARM_UP_SECONDS);
    const before = await idleMemory();

    // Act
    const result = await load(DURATION_SECONDS);
    const peak = await idleMemory();
    const releaseStarted = performance.now();
    const after = await eventually(
      `RSS back within ${MAX_RSS_GROWTH * 100} % of ${before.rss} bytes`,
      async () => {
        const memory = await server.memory();
        return memory.rss < before.rss * (1 + MAX_RSS_GROWTH) ? memory : undefined;
      },
      { timeoutMs: RELEASE_TIMEOUT_MS, intervalMs: 2_000 },
    ).catch(() => server.memory());
    const releasedAfterMs = performance.now() - releaseStarted;

    // Assess
    const growth = (after.rss - before.rss) / before.rss;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      [
        `bounded load: ${CONNECTIONS} connections for ${DURATION_SECONDS} s after a ${WARM_UP_SECONDS} s warm-up (${warmUp.requests.total} requests)`,
        `requests ${result.requests.total} (${result.requests.average.toFixed(0)}/s), errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, wrong bodies ${result.mismatches}`,
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        `server RSS (idle, after a full GC) ${mb(before.rss)} after the warm-up; ${mb(peak.rss)} right after the load (heap used ${mb(peak.heapUsed)}); ${mb(after.rss)} ${(releasedAfterMs / 1000).toFixed(0)} s later (heap used ${mb(after.heapUsed)}): growth ${(growth * 100).toFixed(1)} %`,
      ].join('\n'),
    );
    expect(result.requests.total).toBeGreaterThan(0);
    expect({
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      mismatches: result.mismatches,
    }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, mismatches: 0 });
    expect(growth).toBeLessThan(MAX_RSS_GROWTH);
  });
});
