import { createTestTable } from '@stack/kit/testing';
import { DEMO_PRODUCTS, seedDemoData, startLocalApi, type LocalTopology } from '@stack/local';
import { postGraphQL } from '../graphql/postGraphQL.js';
import { REFERENCE_QUERY } from '../graphql/listQuery.js';
import { ANONYMOUS_ONLY_AUTH } from '../infra/anonymousAuth.js';
import { startMonolith } from '../monolith/startMonolith.js';
import { atLeast, atMost } from '../report/Target.js';
import { formatNumber } from '../report/evaluateTarget.js';
import { seedCatalogue } from '../seed/seedCatalogue.js';
import type { BenchContext } from '../suites/BenchContext.js';
import type { Figure, SuiteResult } from '../suites/SuiteResult.js';
import { combineRounds, roundOrder } from './loadRounds.js';
import { runLoad, type LoadResult } from './runLoad.js';

/** The load of every target: the same for all, so only the serving side differs. */
export const FEDERATION_LOAD = { connections: 10, durationSeconds: 10, warmupSeconds: 2 } as const;

/**
 * Before any figure is taken, every target answers for a while on one connection: DynamoDB
 * Local's JIT, the servers' caches and connection pools are then warm for all of them, and
 * the target measured first is not the one that pays for warming them.
 */
export const SHARED_WARMUP = { connections: 1, durationSeconds: 3, warmupSeconds: 0 } as const;

/**
 * One request at a time: no queueing, so each p50 is the time one request takes, and the gap
 * between two targets is what one of them adds per request (the p50 overhead target). Taken in
 * short rounds, each round in a rotated order, so slow drift on the machine reaches every
 * target alike.
 */
export const UNLOADED_LATENCY = {
  connections: 1,
  durationSeconds: 2,
  warmupSeconds: 0,
  rounds: 3,
} as const;

/** Products the reference query lists; the demo data has 6, the bench adds the rest. */
const LISTED_PRODUCTS = 20;
const REVIEWS_PER_PRODUCT = 5;

interface Target {
  readonly key: 'distributed' | 'colocated' | 'monolith';
  readonly label: string;
  readonly start: (tableName: string) => Promise<{ url: string; close: () => Promise<void> }>;
}

const localApi = (topology: LocalTopology) => async (tableName: string) =>
  startLocalApi({ tableName, topology, auth: ANONYMOUS_ONLY_AUTH });

const TARGETS: readonly Target[] = [
  { key: 'distributed', label: 'router, http topology (distributed)', start: localApi('http') },
  { key: 'colocated', label: 'router, colocated topology', start: localApi('colocated') },
  {
    key: 'monolith',
    label: 'monolith (one Apollo Server)',
    start: (t) => startMonolith({ tableName: t }),
  },
];

/**
 * Suite 1: the reference query under load against the router (distributed over HTTP, and
 * colocated) and against the monolith baseline, all on the same seeded table.
 */
export async function runFederationSuite(context: BenchContext): Promise<SuiteResult> {
  const startedAt = new Date();
  await context.dynamoDb();
  const tableName = await createTestTable('bench-federation');
  await seedDemoData(tableName);
  // Older than the demo products, so the first page is the 6 demo products and then these.
  const added = LISTED_PRODUCTS - DEMO_PRODUCTS.length;
  await seedCatalogue({ tableName, products: added, reviewsPerProduct: REVIEWS_PER_PRODUCT });
  context.log(`federation: seeded ${tableName}`);

  const results = new Map<Target['key'], LoadResult>();
  const unloaded = new Map<Target['key'], LoadResult>();

  const servers = new Map<Target['key'], { url: string }>();
  const answers = new Map<Target['key'], string>();
  const stops: (() => Promise<void>)[] = [];
  try {
    for (const target of TARGETS) {
      const server = await target.start(tableName);
      stops.push(context.cleanup.add(target.label, () => server.close()));
      const first = await postGraphQL(server.url, REFERENCE_QUERY);
      if (first.status !== 200 || first.body.errors) {
        throw new Error(
          `${target.label} answered the reference query with ${first.status}: ${first.text.slice(0, 300)}`,
        );
      }
      servers.set(target.key, server);
      answers.set(target.key, first.text);
    }
    const load = (key: Target['key']) => ({
      url: (servers.get(key) as { url: string }).url,
      query: REFERENCE_QUERY,
      expectBody: answers.get(key) as string,
    });

    context.log(
      `federation: warming every target, ${SHARED_WARMUP.durationSeconds} s each on ${SHARED_WARMUP.connections} connection`,
    );
    for (const target of TARGETS) await runLoad({ ...load(target.key), ...SHARED_WARMUP });

    context.log(
      `federation: one request at a time, ${UNLOADED_LATENCY.rounds} rounds of ${UNLOADED_LATENCY.durationSeconds} s per target`,
    );
    const rounds = new Map<Target['key'], LoadResult[]>(TARGETS.map((t) => [t.key, []]));
    for (let round = 0; round < UNLOADED_LATENCY.rounds; round++) {
      for (const target of roundOrder(TARGETS, round)) {
        rounds.get(target.key)?.push(await runLoad({ ...load(target.key), ...UNLOADED_LATENCY }));
      }
    }
    for (const [key, runs] of rounds)
      unloaded.set(key, combineRounds(runs, UNLOADED_LATENCY.durationSeconds));

    for (const target of TARGETS) {
      context.log(
        `federation: ${target.label}: ${FEDERATION_LOAD.connections} connections for ${FEDERATION_LOAD.warmupSeconds}+${FEDERATION_LOAD.durationSeconds} s`,
      );
      results.set(target.key, await runLoad({ ...load(target.key), ...FEDERATION_LOAD }));
    }
  } finally {
    for (const stop of stops) await stop();
  }

  const get = (key: Target['key']) => results.get(key) as LoadResult;
  const alone = (key: Target['key']) => unloaded.get(key) as LoadResult;
  const monolith = get('monolith');
  const sameAnswer = TARGETS.every((target) =>
    sameJson(answers.get(target.key), answers.get('monolith')),
  );
  const figures: Figure[] = [];
  for (const target of TARGETS) {
    const result = get(target.key);
    const single = alone(target.key);
    figures.push({
      label: `${target.label}: errors, timeouts, non-2xx and wrong answers`,
      value:
        result.errors +
        result.timeouts +
        result.non2xx +
        result.mismatches +
        single.errors +
        single.timeouts +
        single.non2xx +
        single.mismatches,
      unit: '',
      target: atMost(0),
    });
  }
  figures.push(
    {
      label: 'colocated ÷ monolith throughput',
      value: get('colocated').requestsPerSecond / monolith.requestsPerSecond,
      unit: '',
      target: atLeast(0.7),
    },
    {
      label: 'distributed p50 − monolith p50, one request at a time',
      value: alone('distributed').p50Ms - alone('monolith').p50Ms,
      unit: 'ms',
      target: atMost(5),
      note: 'what the router and three subgraph hops add to one request',
    },
    {
      label: 'colocated p50 − monolith p50, one request at a time',
      value: alone('colocated').p50Ms - alone('monolith').p50Ms,
      unit: 'ms',
      note: 'context only, no target',
    },
    {
      label: `distributed p50 − monolith p50 at ${FEDERATION_LOAD.connections} connections`,
      value: get('distributed').p50Ms - monolith.p50Ms,
      unit: 'ms',
      note: 'context only: queueing on a saturated machine (see the note below)',
    },
    {
      label: 'distributed ÷ monolith throughput',
      value: get('distributed').requestsPerSecond / monolith.requestsPerSecond,
      unit: '',
      note: 'context only, no target',
    },
    {
      label: 'monolith answers the same JSON as the router',
      value: sameAnswer ? 1 : 0,
      unit: '',
      target: atLeast(1),
      note: '1 = identical',
    },
  );
  return {
    name: 'federation',
    title: 'Federation throughput and latency',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    tables: [
      {
        title: `The reference query, one request at a time: ${UNLOADED_LATENCY.connections} connection, ${UNLOADED_LATENCY.rounds} rounds of ${UNLOADED_LATENCY.durationSeconds} s per target in rotated order (p50 and p99: median of the rounds), after every target warmed for ${SHARED_WARMUP.durationSeconds} s`,
        columns: ['target', 'req/s', 'p50 ms', 'p99 ms', 'requests'],
        rows: TARGETS.map((target) => [target.label, ...latencyCells(alone(target.key))]),
      },
      {
        title: `The reference query (20 products, 5 reviews each, their authors): ${FEDERATION_LOAD.connections} connections, ${FEDERATION_LOAD.durationSeconds} s after a ${FEDERATION_LOAD.warmupSeconds} s warm-up`,
        columns: [
          'target',
          'req/s',
          'p50 ms',
          'p99 ms',
          'requests',
          'errors',
          'timeouts',
          'non-2xx',
          'wrong answers',
        ],
        rows: TARGETS.map((target) => {
          const result = get(target.key);
          return [
            target.label,
            ...latencyCells(result),
            String(result.errors),
            String(result.timeouts),
            String(result.non2xx),
            String(result.mismatches),
          ];
        }),
      },
    ],
    figures,
    notes: [
      `One DynamoDB Local (in memory) holding the demo data plus ${LISTED_PRODUCTS - DEMO_PRODUCTS.length} bench products with ${REVIEWS_PER_PRODUCT} reviews each; the query lists ${LISTED_PRODUCTS} products with up to 5 reviews and their authors. Every answer is compared byte for byte with the first one (wrong answers).`,
      'All servers and autocannon (in a worker thread) run on this machine over loopback, so DynamoDB Local, the servers and the load generator share its cores.',
      saturationNote(get('distributed'), monolith),
    ],
  };
}

/** req/s, p50, p99 and the number of requests of one run, as table cells. */
function latencyCells(result: LoadResult): string[] {
  return [
    formatNumber(result.requestsPerSecond, 1),
    formatNumber(result.p50Ms, 1),
    formatNumber(result.p99Ms, 1),
    formatNumber(result.totalRequests, 0),
  ];
}

/**
 * With a fixed number of connections and a saturated server, latency is mostly queueing:
 * p50 ≈ connections ÷ req/s. When that holds, the p50 gap says "lower throughput", not "a
 * fixed cost per request", and the note says so.
 */
function saturationNote(distributed: LoadResult, monolith: LoadResult): string {
  const queued = (result: LoadResult) =>
    (FEDERATION_LOAD.connections / result.requestsPerSecond) * 1000;
  return `Queueing check: ${FEDERATION_LOAD.connections} connections ÷ req/s predicts p50 ≈ ${formatNumber(queued(distributed), 0)} ms (distributed) and ${formatNumber(queued(monolith), 0)} ms (monolith); measured ${formatNumber(distributed.p50Ms, 0)} and ${formatNumber(monolith.p50Ms, 0)} ms. Where these agree the servers were saturated, and the p50 gap mirrors the throughput gap (CPU per request) rather than a fixed delay per request.`;
}

function sameJson(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
}
