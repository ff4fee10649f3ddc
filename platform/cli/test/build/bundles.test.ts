import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildReport } from '../../src/build/BuildReport.js';
import { LAMBDA_NODE_TARGET } from '../../src/build/bundleFunction.js';
import { runBuild } from '../../src/build/runBuild.js';
import { repositoryServices } from '@stack/kit/testing';

// Bundling all five functions with real esbuild takes a while on two cores, and every check
// then starts a fresh Node process.
jest.setTimeout(180_000);

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const SECRET = 'bundle-test-secret-0123456789abcdef';
const RESULT_MARK = '\n--result--\n';
// Port 9 (discard) refuses connections, so any call the router made to a subgraph would fail.
const NO_SUBGRAPH = 'http://127.0.0.1:9/graphql';

/**
 * Imports a bundle in a fresh `node` process (no module cache or environment shared with jest),
 * calls its `handler` with `event`, and returns what the handler resolved to.
 */
function invokeBundle(bundle: string, event: unknown, env: Record<string, string>): unknown {
  const script = [
    `const { handler } = await import(${JSON.stringify(bundle)});`,
    `const result = await handler(${JSON.stringify(event)});`,
    `process.stdout.write(${JSON.stringify(RESULT_MARK)} + JSON.stringify(result));`,
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) {
    throw new Error(`node exited with ${child.status} importing ${bundle}:\n${child.stderr}`);
  }
  // The handler's own output (logs, EMF metrics) comes first; the result follows the mark.
  const at = child.stdout.lastIndexOf(RESULT_MARK);
  return JSON.parse(child.stdout.slice(at + RESULT_MARK.length)) as unknown;
}

describe('Lambda bundles built by stack build', () => {
  let outDir = '';
  let report: BuildReport;
  let printed = '';

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'stack-build-'));
    await runBuild(
      { repoRoot, names: [], outDir, json: true, analyze: undefined },
      { out: (text) => (printed += text), err: () => undefined },
    );
    report = JSON.parse(printed) as BuildReport;
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds one bundle per services/*/src/handler.ts and writes the same report to build-report.json', () => {
    // Prepare
    const written = readFileSync(join(outDir, 'build-report.json'), 'utf8');

    // Act
    const names = report.functions.map((fn) => fn.name);

    // Assess
    expect(names).toEqual(repositoryServices().handlers);
    expect(names).toEqual(
      expect.arrayContaining(['authorizer', 'products', 'reviews', 'router', 'users']),
    );
    expect(JSON.parse(written)).toEqual(report);
    expect(report.target).toBe(LAMBDA_NODE_TARGET);
  });

  it('reports the router bundle with minified and gzip sizes and its three largest packages', () => {
    // Prepare
    const router = report.functions.find((fn) => fn.name === 'router');

    // Act
    const onDisk = readFileSync(join(outDir, 'router', 'index.mjs')).byteLength;

    // Assess
    expect(router?.bundle).toBe('router/index.mjs');
    expect(router?.minifiedBytes).toBe(onDisk);
    expect(router?.gzipBytes).toBeGreaterThan(0);
    expect(router?.gzipBytes).toBeLessThan(onDisk);
    expect(router?.largestInputs).toHaveLength(3);
    expect(router?.largestInputs.every((share) => share.bytes > 0)).toBe(true);
  });

  it('writes a linked source map beside each bundle, not inline', () => {
    // Prepare
    const bundle = readFileSync(join(outDir, 'users', 'index.mjs'), 'utf8');

    // Act
    const map = JSON.parse(readFileSync(join(outDir, 'users', 'index.mjs.map'), 'utf8')) as {
      version: number;
    };

    // Assess
    expect(map.version).toBe(3);
    expect(bundle).not.toContain('sourceMappingURL=data:');
    expect(bundle.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true);
  });

  it('loads the users bundle, which refuses a direct invoke with a wrong router signature', () => {
    // Prepare
    const event = {
      kind: 'stack.subgraph-request',
      request: { query: '{ __typename }' },
      identity: 'eyJ4IjoxfQ',
      signature: 'bad',
    };

    // Act
    const result = invokeBundle(join(outDir, 'users', 'index.mjs'), event, {
      TABLE_NAME: 'x',
      ROUTER_SHARED_SECRET: SECRET,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
    });

    // Assess
    expect(result).toEqual({
      errors: [
        {
          message: 'Subgraphs only accept calls from the router.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it('loads the router bundle, which answers { __typename } itself without calling a subgraph', () => {
    // Prepare
    const event = {
      version: '2.0',
      routeKey: 'POST /graphql',
      rawPath: '/graphql',
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      isBase64Encoded: false,
      requestContext: {
        requestId: 'bundle-test',
        http: { method: 'POST' },
        authorizer: { lambda: { anonymous: 'true', userId: '', username: '', groups: '' } },
      },
    };

    // Act
    const result = invokeBundle(join(outDir, 'router', 'index.mjs'), event, {
      ROUTER_SHARED_SECRET: SECRET,
      SUBGRAPH_TOPOLOGY: 'http',
      SUBGRAPH_URLS: JSON.stringify(
        Object.fromEntries(repositoryServices().subgraphs.map((name) => [name, NO_SUBGRAPH])),
      ),
    }) as { statusCode: number; body: string };

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.body.trim()).toBe('{"data":{"__typename":"Query"}}');
  });

  it('loads the authorizer bundle, which lets a request without Authorization through as anonymous', () => {
    // Prepare
    const event = {
      version: '2.0',
      type: 'REQUEST',
      routeKey: 'POST /graphql',
      headers: { 'content-type': 'application/json' },
      requestContext: { requestId: 'bundle-test' },
    };

    // Act
    const result = invokeBundle(join(outDir, 'authorizer', 'index.mjs'), event, {
      AUTH_ISSUER: 'http://127.0.0.1:9',
      AUTH_CLIENT_IDS: 'web',
    });

    // Assess
    expect(result).toEqual({
      isAuthorized: true,
      context: { userId: '', username: '', groups: '', anonymous: 'true' },
    });
  });
});
