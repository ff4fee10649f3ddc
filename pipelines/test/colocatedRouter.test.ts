import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { subgraphFactoryName as factoryName } from '@stack/kit';
import { createTestTable, repositoryServices } from '@stack/kit/testing';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/buildApp.js';
import { repoRoot } from '../src/paths.js';
import { serviceYaml, tempServices, type TempServices } from './support/tempServices.js';
import { SKIP_BUNDLING } from './support/runSynthScript.js';
import { specYaml, tempSpecs, type TempSpecs } from './support/tempSpecs.js';

// Bundles the colocated router with esbuild (a few seconds) and synthesizes with cdk-nag.
jest.setTimeout(180_000);

interface LambdaResource {
  Type: string;
  Properties: { Description?: string; Code?: { S3Key?: string }; Environment?: unknown };
}

/** The template of a stage's stack, and the directory of the stage's assembly. */
function stackOf(assembly: CloudAssembly, stage: string, id: string) {
  const nested = assembly.nestedAssemblies.find((each) => each.displayName === stage);
  if (!nested) throw new Error(`no stage ${stage}`);
  const stack = nested.nestedAssembly.stacks.find(
    (each) => each.hierarchicalId === `${stage}/${id}`,
  );
  return {
    stack,
    directory: nested.nestedAssembly.directory,
    stacks: nested.nestedAssembly.stacks,
  };
}

describe('colocated topology: the subgraphs inside the router', () => {
  let specs: TempSpecs;
  let outdir: string;
  let assembly: CloudAssembly;

  beforeAll(() => {
    // The shipped environments too: the repository's services may override inputs per
    // environment, and an override naming a missing environment is refused.
    specs = tempSpecs({ copyShipped: true });
    specs.write(
      'preview-pr-1.yaml',
      specYaml(['subgraphTopology: colocated', 'retainData: false']),
    );
    outdir = mkdtempSync(join(tmpdir(), 'stack-colocated-'));
    // Bundles for real: the test runs the bundle the pipeline would deploy.
    assembly = buildApp({ specsDir: specs.dir, outdir, only: ['preview-pr-1'] }).synth();
  });

  afterAll(() => {
    specs.remove();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('deploys no subgraph stacks: the environment’s router bundles them', () => {
    // Act
    const { stacks } = stackOf(assembly, 'preview-pr-1', 'Environment');

    // Assess
    // Workers are not subgraphs: they keep their own stacks.
    expect(stacks.map((stack) => stack.hierarchicalId)).toEqual([
      'preview-pr-1/Environment',
      ...repositoryServices().workers.map((name) => `preview-pr-1/Service-${name}`),
    ]);
    const entry = readFileSync(
      join(repoRoot, '.stack/entries/preview-pr-1/colocated-router.ts'),
      'utf8',
    );
    for (const service of ['users', 'products', 'reviews']) {
      expect(entry).toContain(
        `import { ${factoryName(service)} } from '../../../services/${service}/src/subgraph.js';`,
      );
    }
  });

  it('answers a federated query across subgraphs from the bundled router alone', async () => {
    // Prepare: the router's bundle from the cloud assembly, on a table of DynamoDB Local.
    const { stack } = stackOf(assembly, 'preview-pr-1', 'Environment');
    const resources = Object.values(
      (stack?.template as { Resources: Record<string, LambdaResource> }).Resources,
    );
    const router = resources.find(
      (resource) =>
        resource.Type === 'AWS::Lambda::Function' &&
        resource.Properties.Description?.includes('(colocated)'),
    );
    const key = router?.Properties.Code?.S3Key ?? '';
    // Stages share the app's asset folders at the top of the cloud assembly.
    const bundle = join(outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
    expect(existsSync(bundle) ? bundle : `missing ${bundle} (key ${key})`).toBe(bundle);
    const tableName = await createTestTable('colocated');
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: 'users#User#u1',
          sk: 'User',
          id: 'u1',
          name: 'Ada',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      }),
    );
    client.destroy();
    process.env['TABLE_NAME'] = tableName;
    const { handler } = (await import(pathToFileURL(bundle).href)) as {
      handler: (event: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
    };

    // Act
    const response = await handler({
      version: '2.0',
      routeKey: 'ANY /graphql',
      rawPath: '/graphql',
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      requestContext: {
        http: { method: 'POST', path: '/graphql' },
        requestId: 'r-1',
        authorizer: { lambda: { anonymous: 'false', userId: 'u1', groups: '' } },
      },
      body: JSON.stringify({
        query:
          '{ user(id: "u1") { id name } me { name } products(first: 1) { edges { node { id } } } }',
      }),
      isBase64Encoded: false,
    });

    // Assess
    expect(response.body).not.toContain('"errors"');
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toEqual({
      data: { user: { id: 'u1', name: 'Ada' }, me: { name: 'Ada' }, products: { edges: [] } },
    });
  });

  describe('refusals', () => {
    let services: TempServices | undefined;
    afterAll(() => services?.remove());

    it('refuses a colocated subgraph with subscriptions, naming both files', () => {
      // Prepare
      services = tempServices();
      services.write(
        'alerts',
        serviceYaml(['owner: team-alerts', 'subscriptions:', '  - source: [stack.reviews]']),
      );

      // Act + Assess
      expect(() =>
        buildApp({
          specsDir: specs.dir,
          servicesRoot: services!.dir,
          outdir: join(outdir, 'refused'),
          only: ['preview-pr-1'],
          context: SKIP_BUNDLING,
        }),
      ).toThrow(
        /alerts\/service\.yaml: alerts has subscriptions.*preview-pr-1\.yaml sets subgraphTopology: colocated/,
      );
    });
  });
});
