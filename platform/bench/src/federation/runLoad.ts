import autocannon from 'autocannon';

/** How to load one endpoint. */
export interface LoadOptions {
  readonly url: string;
  readonly query: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  /** The exact body every answer must have; any other counts as a mismatch. */
  readonly expectBody: string;
}

/** What one load run measured (the warm-up excluded). */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly totalRequests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly mismatches: number;
}

// autocannon 9 options the @types package (written for 7) does not know yet.
type Options = autocannon.Options & {
  readonly warmup?: { readonly connections: number; readonly duration: number };
};

/**
 * Loads an endpoint with autocannon: a warm-up, then the measured run, both with the same
 * connections. autocannon runs in a worker thread, so generating load does not share an event
 * loop with the servers under test (which run in this process).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const settings: Options = {
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: options.query }),
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.warmupSeconds > 0
      ? { warmup: { connections: options.connections, duration: options.warmupSeconds } }
      : {}),
    workers: 1,
    expectBody: options.expectBody,
    // A bounded run: a stuck server shows up as timeouts, not as a bench that never ends.
    timeout: 10,
  };
  const result = await autocannon(settings);
  return {
    requestsPerSecond: result.requests.average,
    totalRequests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}
