import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { StackFunction } from '../infrastructure/index.js';
import { buildEnvironment } from './support/synthesizeEnvironment.js';
import { repositoryServices } from '@stack/kit/testing';

const run = promisify(execFile);

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; description: string }[] }[];
}

/** Where synth staged a function's bundle: `asset.<hash>/index.mjs`, the hash from its S3 key. */
function bundleOf(outdir: string, fn: StackFunction): string {
  const code = fn.function.stack.resolve((fn.function.node.defaultChild as CfnFunction).code) as {
    s3Key: string;
  };
  return join(outdir, `asset.${code.s3Key.replace(/\.zip$/, '')}`, 'index.mjs');
}

/** Imports a bundle in a fresh Node process, as Lambda would, and reports its handler's type. */
async function handlerTypeOf(bundle: string, env: Record<string, string>): Promise<string> {
  const script = `import(${JSON.stringify(bundle)}).then((m) => process.stdout.write(typeof m.handler))`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    maxBuffer: 1024 * 1024,
  });
  return stdout;
}

// One full synth, the way `cdk synth` runs in the pipeline: real bundling and CloudFormation's
// built-in template validation, on the largest environment (two stacks). Both are slow (about
// 20 s each on two cores), so every other test skips them.
describe('A full synth of the largest environment', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'stack-env-synth-'));
  const { app, stack } = buildEnvironment({
    bundle: true,
    validateTemplates: true,
    outdir,
    inputs: {
      waf: true,
      network: 'nat',
      alarmEmail: 'ops@example.com',
      tenancy: 'single',
      tenant: 'acme',
      domain: 'shop.example.com',
    },
    subgraphFunctions: { users: 'users-fn' },
  });
  let synthesized = false;
  const synth = () => {
    if (!synthesized) app.synth();
    synthesized = true;
  };

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('bundles the router, the authorizer and the router secret function offline with the local esbuild into loadable ES modules', async () => {
    // Act
    synth();

    // Assess
    const router = bundleOf(outdir, stack.api.router);
    const authorizer = bundleOf(outdir, stack.api.authorizer);
    const secretFunction = bundleOf(outdir, stack.routerSecret.handler);
    expect([router, authorizer, `${router}.map`, secretFunction].map(existsSync)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(await handlerTypeOf(secretFunction, {})).toBe('function');
    expect(
      await handlerTypeOf(authorizer, {
        AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test',
        AUTH_CLIENT_IDS: 'client',
      }),
    ).toBe('function');
    expect(
      // As deployed: the secret's parameter name only; nothing is read before a request.
      await handlerTypeOf(router, {
        ROUTER_SHARED_SECRET_PARAMETER: '/stack/integration/router/shared-secret',
        SUBGRAPH_FUNCTIONS: JSON.stringify(
          Object.fromEntries(repositoryServices().subgraphs.map((name) => [name, name])),
        ),
      }),
    ).toBe('function');
  }, 90_000);

  it("passes CloudFormation's template validation in both stacks", () => {
    // Act: CDK's built-in plugin checks every resource against its CloudFormation schema and
    // reports what CloudFormation would refuse at deploy time.
    synth();

    // Assess
    const report = JSON.parse(
      readFileSync(join(outdir, 'validation-report.json'), 'utf8'),
    ) as ValidationReport;
    const violations = report.pluginReports.flatMap((plugin) =>
      plugin.violations.map((violation) => `${violation.ruleName}: ${violation.description}`),
    );
    expect(report.pluginReports.map((plugin) => plugin.pluginName)).toEqual([
      'CloudFormation Validate',
    ]);
    expect(violations).toEqual([]);
  }, 90_000);
});
