import { Supergraph } from '@apollo/federation-internals';
import { repositoryServices } from '@stack/kit/testing';
import { supergraphSdl } from '@stack/router';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ANONYMOUS_ONLY_AUTH } from '../infra/anonymousAuth.js';
import { atMost } from '../report/Target.js';
import { formatNumber } from '../report/evaluateTarget.js';
import type { BenchContext } from '../suites/BenchContext.js';
import type { Figure, SuiteResult } from '../suites/SuiteResult.js';
import type { BundleSizes } from './BundleReport.js';
import { buildFloorBundle } from './buildFloorBundle.js';
import {
  authorizerEvent,
  BENCH_ROUTER_SECRET,
  routerEvent,
  subgraphEvent,
  workerEvent,
} from './coldStartEvents.js';
import { ensureLambdaBundles, lambdaOutDir } from './ensureLambdaBundles.js';
import { measureColdStart, type ColdStart } from './measureColdStart.js';

/** Cold starts per bundle; the median is reported. */
export const COLD_START_RUNS = 5;

/** Cold start targets, in ms: the router, and each subgraph. */
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const ROUTER_COLD_START_MS = 400;
const SUBGRAPH_COLD_START_MS = 250;
/** The router bundle's size target: 1.5 MB, 1 MB being 1,000,000 bytes. */
const ROUTER_BUNDLE_BYTES = 1_500_000;

type Kind = 'router' | 'authorizer' | 'subgraph' | 'worker' | 'floor';

interface Measured {
  readonly sizes: BundleSizes;
  readonly kind: Kind;
  readonly coldStart: ColdStart;
}

/**
 * Suite 2: every Lambda bundle's size and cold start (a fresh `node` imports it and answers one
 * representative event), against a hello-world bundle built the same way as the floor.
 */
export async function runColdStartSuite(context: BenchContext): Promise<SuiteResult> {
  const startedAt = new Date();
  const { report, rebuilt, buildMs } = await ensureLambdaBundles(
    context.repoRoot,
    context.log,
    context.cleanup,
  );
  const workDir = mkdtempSync(join(tmpdir(), 'stack-bench-'));
  const removeWorkDir = context.cleanup.add('the floor bundle', () =>
    rmSync(workDir, { recursive: true, force: true }),
  );
  const subgraphNames = Supergraph.build(supergraphSdl)
    .subgraphsMetadata()
    .map((subgraph) => subgraph.name);
  const measured: Measured[] = [];
  try {
    const floor = await buildFloorBundle(context.repoRoot, workDir, report.target, context.cleanup);
    const bundles: { sizes: BundleSizes; path: string; kind: Kind }[] = [
      { sizes: floor, path: join(workDir, floor.bundle), kind: 'floor' },
      ...report.functions.map((sizes) => ({
        sizes,
        path: join(lambdaOutDir(context.repoRoot), sizes.bundle),
        kind: kindOf(sizes.name, subgraphNames),
      })),
    ];
    for (const bundle of bundles) {
      context.log(`coldstart: ${bundle.sizes.name} × ${COLD_START_RUNS}`);
      const coldStart = await measureColdStart({
        bundle: bundle.path,
        event: eventFor(bundle.kind),
        env: environmentFor(bundle.kind, bundle.sizes.name, subgraphNames),
        runs: COLD_START_RUNS,
      });
      for (const sample of coldStart.samples)
        assertAnswer(bundle.kind, bundle.sizes.name, sample.result);
      measured.push({ sizes: bundle.sizes, kind: bundle.kind, coldStart });
    }
  } finally {
    await removeWorkDir();
  }

  const floorMs = measured.find((entry) => entry.kind === 'floor')?.coldStart.firstAnswerMs ?? NaN;
  const figures: Figure[] = [];
  for (const entry of measured) {
    const limit =
      entry.kind === 'router'
        ? ROUTER_COLD_START_MS
        : entry.kind === 'subgraph'
          ? SUBGRAPH_COLD_START_MS
          : undefined;
    if (limit !== undefined) {
      figures.push({
        label: `${entry.sizes.name} cold start (import + first answer)`,
        value: entry.coldStart.firstAnswerMs,
        unit: 'ms',
        target: atMost(limit),
      });
    }
    if (entry.kind === 'router') {
      figures.push({
        label: 'router bundle, minified',
        value: entry.sizes.minifiedBytes,
        unit: 'bytes',
        target: atMost(ROUTER_BUNDLE_BYTES),
      });
    }
  }
  return {
    name: 'coldstart',
    title: 'Cold start and bundle size',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    tables: [
      {
        title: `Median of ${COLD_START_RUNS} fresh \`node\` processes per bundle (Node ${process.version}; Lambda runs nodejs24.x)`,
        columns: ['bundle', 'minified', 'gzip', 'import ms', 'cold start ms', '× floor'],
        rows: measured.map((entry) => [
          entry.sizes.name,
          `${formatNumber(entry.sizes.minifiedBytes / 1024, 1)} KiB`,
          `${formatNumber(entry.sizes.gzipBytes / 1024, 1)} KiB`,
          formatNumber(entry.coldStart.importMs, 1),
          formatNumber(entry.coldStart.firstAnswerMs, 1),
          formatNumber(entry.coldStart.firstAnswerMs / floorMs, 1),
        ]),
      },
    ],
    figures,
    notes: [
      rebuilt
        ? `The bundles were rebuilt with \`npm run build\` (${formatNumber((buildMs ?? 0) / 1000, 1)} s) because dist/lambda was missing, incomplete or older than the sources.`
        : 'dist/lambda was newer than every source file, so the existing bundles were measured.',
      'Cold start = time from just before `import()` of the bundle to the handler’s first answer, in a process with a Lambda-like environment (no X-Ray daemon, so tracing stays off). Node’s own boot (the same for every bundle) is not included; “× floor” divides by the hello-world bundle’s cold start.',
      'Events: router — an API Gateway v2 event `{ __typename }` from an anonymous caller; subgraphs — a direct invocation signed with `signIdentity`, query `{ __typename }` (no table call); authorizer — an anonymous request; workers — an SQS batch without records.',
    ],
  };
}

function kindOf(name: string, subgraphNames: readonly string[]): Kind {
  if (name === 'router') return 'router';
  if (subgraphNames.includes(name)) return 'subgraph';
  if (repositoryServices().workers.includes(name)) return 'worker';
  return 'authorizer';
}

function eventFor(kind: Kind): unknown {
  if (kind === 'router') return routerEvent();
  if (kind === 'subgraph') return subgraphEvent();
  if (kind === 'authorizer') return authorizerEvent();
  if (kind === 'worker') return workerEvent();
  return {};
}

function environmentFor(
  kind: Kind,
  name: string,
  subgraphNames: readonly string[],
): Record<string, string> {
  const lambda = {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: `bench-${name}`,
  };
  if (kind === 'router') {
    return {
      ...lambda,
      ROUTER_SHARED_SECRET: BENCH_ROUTER_SECRET,
      SUBGRAPH_TOPOLOGY: 'distributed',
      SUBGRAPH_FUNCTIONS: JSON.stringify(
        Object.fromEntries(subgraphNames.map((subgraph) => [subgraph, `bench-${subgraph}`])),
      ),
    };
  }
  if (kind === 'subgraph') {
    return { ...lambda, TABLE_NAME: 'bench-cold-start', ROUTER_SHARED_SECRET: BENCH_ROUTER_SECRET };
  }
  if (kind === 'worker') {
    return {
      ...lambda,
      ...specEnvironment(name),
      TABLE_NAME: 'bench-cold-start',
      EVENT_BUS_NAME: 'bench-cold-start',
    };
  }
  if (kind === 'authorizer') {
    return {
      ...lambda,
      AUTH_ISSUER: ANONYMOUS_ONLY_AUTH.issuer,
      AUTH_JWKS_URI: ANONYMOUS_ONLY_AUTH.jwksUri,
      AUTH_CLIENT_IDS: ANONYMOUS_ONLY_AUTH.clientIds.join(','),
    };
  }
  return lambda;
}

/** The extra variables a service's spec gives its function (`spec.environment`). */
function specEnvironment(name: string): Record<string, string> {
  const file = join(repositoryRoot, 'services', name, 'service.yaml');
  const spec = parse(readFileSync(file, 'utf8')) as { spec?: { environment?: unknown } };
  const environment = spec.spec?.environment;
  return typeof environment === 'object' && environment !== null
    ? (environment as Record<string, string>)
    : {};
}

/** A cold start only counts if the handler answered correctly. */
function assertAnswer(kind: Kind, name: string, result: unknown): void {
  const text = JSON.stringify(result) ?? '';
  const ok =
    kind === 'router'
      ? text.includes('"statusCode":200') && text.includes('__typename') && text.includes('Query')
      : kind === 'subgraph'
        ? text === '{"data":{"__typename":"Query"}}'
        : kind === 'authorizer'
          ? text.includes('"isAuthorized":true')
          : kind === 'worker'
            ? text === '{"batchItemFailures":[]}'
            : text.includes('"statusCode":200');
  if (!ok) throw new Error(`${name} answered its cold-start event wrongly: ${text.slice(0, 300)}`);
}
