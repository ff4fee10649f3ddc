import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/buildApp.js';
import { SKIP_BUNDLING } from './support/runSynthScript.js';
import { serviceYaml, tempServices, type TempServices } from './support/tempServices.js';
import { specYaml, tempSpecs, type TempSpecs } from './support/tempSpecs.js';

jest.setTimeout(120_000);

/** The router function of the environment stack of a one-environment app. */
function routerOf(app: App) {
  const stack = app.node
    .findAll()
    .find((node) => node.node.path === 'integration/Environment') as never;
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  const router = Object.values(functions).find((fn) =>
    String((fn as { Properties: { Description?: string } }).Properties.Description).includes(
      'federated GraphQL router',
    ),
  ) as { Properties: Record<string, unknown> } | undefined;
  if (!router) throw new Error('no router function');
  return router.Properties;
}

describe('router instance: services/router/service.yaml (graphql-router@1)', () => {
  let specs: TempSpecs;
  let services: TempServices;
  let outdir: string;
  afterEach(() => {
    specs.remove();
    services.remove();
    rmSync(outdir, { recursive: true, force: true });
  });

  function build(routerSpecs: Record<string, string>) {
    specs = tempSpecs();
    specs.write('integration.yaml', specYaml([]));
    services = tempServices();
    for (const [name, text] of Object.entries(routerSpecs)) services.write(name, text);
    outdir = mkdtempSync(join(tmpdir(), 'stack-router-'));
    return () =>
      buildApp({ specsDir: specs.dir, servicesRoot: services.dir, outdir, context: SKIP_BUNDLING });
  }

  it('sizes and tunes the environment’s router, with per-environment overrides, and adds no stack', () => {
    // Prepare
    const app = build({
      router: serviceYaml(['owner: team-platform', 'memorySize: 2048', 'reservedConcurrency: 20'], {
        template: 'graphql-router@1',
        tail: ['instances:', '  - environment: integration', '    spec: { maxBodyBytes: 50000 }'],
      }),
    })();

    // Act
    const router = routerOf(app);

    // Assess
    expect(router).toMatchObject({
      MemorySize: 2048,
      Timeout: 10,
      ReservedConcurrentExecutions: 20,
      Environment: { Variables: { SUBGRAPH_TIMEOUT_MS: '5000', MAX_BODY_BYTES: '50000' } },
    });
    const stacks = app.node
      .findAll()
      .filter((node) => node.node.path.startsWith('integration/Service-'));
    expect(stacks).toEqual([]);
  });

  it('refuses a second router and contradicting inputs, naming the files', () => {
    const router = serviceYaml(['owner: team-platform'], { template: 'graphql-router@1' });
    expect(build({ router, edge: router })).toThrow(
      /only one service may use graphql-router@1.*edge\/service\.yaml and .*router\/service\.yaml|router\/service\.yaml and .*edge\/service\.yaml/,
    );
    specs.remove();
    services.remove();
    rmSync(outdir, { recursive: true, force: true });
    expect(
      build({
        router: serviceYaml(['owner: team-platform', 'timeout: 3', 'subgraphTimeoutMs: 3000'], {
          template: 'graphql-router@1',
        }),
      }),
    ).toThrow(
      /router\/service\.yaml \(environment integration\): subgraphTimeoutMs 3000 must be shorter than timeout 3 s/,
    );
  });

  it('refuses an unknown input with file, path and reason', () => {
    expect(
      build({
        router: serviceYaml(['owner: team-platform', 'memory: 2048'], {
          template: 'graphql-router@1',
        }),
      }),
    ).toThrow(
      /router\/service\.yaml:5:3 \/spec\/memory: unknown input "memory" \(graphql-router@1 inputs: owner, memorySize/,
    );
  });
});
