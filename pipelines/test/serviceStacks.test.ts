import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CloudAssembly, CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/buildApp.js';
import { defaultSpecsDir } from '../src/paths.js';
import { SKIP_BUNDLING } from './support/runSynthScript.js';
import { repositoryServices } from '@stack/kit/testing';

jest.setTimeout(120_000);

// Every subgraph service of the repository, a team's new ones included.
const SERVICES = repositoryServices().subgraphs;
const ENVIRONMENTS = [
  'integration',
  'local',
  'production-multi-tenant',
  'production-single-tenant-acme',
];

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

function resources(stack: CloudFormationStackArtifact, type: string): Resource[] {
  const template = stack.template as { Resources: Record<string, Resource> };
  return Object.values(template.Resources).filter((resource) => resource.Type === type);
}

function statements(stack: CloudFormationStackArtifact): Statement[] {
  return resources(stack, 'AWS::IAM::Policy').flatMap(
    (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );
}

function actions(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

describe('Synth: service stacks', () => {
  let outdir: string;
  let assembly: CloudAssembly;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'stack-services-app-'));
    assembly = buildApp({ specsDir: defaultSpecsDir, outdir, context: SKIP_BUNDLING }).synth();
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const stackOf = (environment: string, id: string): CloudFormationStackArtifact => {
    const stage = assembly.nestedAssemblies.find((n) => n.displayName === environment);
    const stack = stage?.nestedAssembly.stacks.find(
      (s) => s.hierarchicalId === `${environment}/${id}`,
    );
    if (!stack) throw new Error(`no stack ${environment}/${id}`);
    return stack;
  };

  const cases = ENVIRONMENTS.flatMap((environment) =>
    SERVICES.map((service) => [environment, service] as const),
  );

  it.each(cases)(
    '%s/%s: table access only on its own keys (LeadingKeys)',
    (environment, service) => {
      // Act
      const dynamo = statements(stackOf(environment, `Service-${service}`)).filter((statement) =>
        actions(statement).some((action) => action.startsWith('dynamodb:')),
      );

      // Assess
      const own = dynamo.find((statement) => statement.Sid === 'OwnItems');
      expect(own?.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${service}#*`] },
      });
      for (const statement of dynamo) {
        expect(
          statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'],
        ).toBeDefined();
        expect(actions(statement)).not.toContain('dynamodb:*');
        expect(statement.Resource).not.toBe('*');
        expect(JSON.stringify(statement.Resource)).not.toContain('"*"');
      }
    },
  );

  it.each(cases)('%s/%s: puts events only with source stack.<name>', (environment, service) => {
    // Act
    const events = statements(stackOf(environment, `Service-${service}`)).filter((statement) =>
      actions(statement).some((action) => action.startsWith('events:')),
    );

    // Assess
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      Action: 'events:PutEvents',
      Condition: { StringEquals: { 'events:source': `stack.${service}` } },
    });
  });

  it('grants reviews existence checks on products keys only', () => {
    // Act
    const reads = statements(stackOf('integration', 'Service-reviews')).filter(
      (statement) => statement.Sid === 'ReadItemsOfProducts',
    );

    // Assess
    expect(reads).toEqual([
      expect.objectContaining({
        Action: ['dynamodb:GetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:BatchGetItem'],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['products#*'] } },
      }),
    ]);
  });

  it.each(ENVIRONMENTS)(
    '%s: the router lists and may invoke every subgraph function',
    (environment) => {
      // Prepare
      const env = stackOf(environment, 'Environment');
      const router = resources(env, 'AWS::Lambda::Function').find((fn) =>
        JSON.stringify(fn.Properties.Environment ?? {}).includes('SUBGRAPH_FUNCTIONS'),
      );
      const names = Object.fromEntries(SERVICES.map((s) => [s, `stack-${environment}-${s}`]));

      // Act
      const variables = (router?.Properties.Environment as { Variables: Record<string, string> })
        .Variables;
      const invoke = statements(env).filter((statement) =>
        actions(statement).includes('lambda:InvokeFunction'),
      );

      // Assess
      expect(JSON.parse(variables.SUBGRAPH_FUNCTIONS ?? '{}')).toEqual(names);
      for (const name of Object.values(names)) {
        expect(JSON.stringify(invoke)).toContain(`:function:${name}`);
      }
      for (const service of SERVICES) {
        const stack = stackOf(environment, `Service-${service}`);
        expect(resources(stack, 'AWS::Lambda::Function')[0]?.Properties.FunctionName).toBe(
          names[service],
        );
        const [permission] = resources(stack, 'AWS::Lambda::Permission');
        expect(permission?.Properties).toMatchObject({ Action: 'lambda:InvokeFunction' });
        expect(JSON.stringify(permission?.Properties.Principal)).toContain('routerrolearn');
        // Deployed after the environment it reads its parameters from, never the other way round.
        expect(stack.dependencies.map((d) => d.id)).toContain(env.id);
        expect(env.dependencies.map((d) => d.id)).not.toContain(stack.id);
      }
    },
  );
});
