import { describe, expect, it } from '@jest/globals';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { FUNCTION_ENTRIES } from '../infrastructure/repositoryPaths.js';
import { buildEnvironment, type EnvironmentOptions } from './support/synthesizeEnvironment.js';

/**
 * Registers the rule packs the way the pipeline does (cdk-nag v3: validation plugins that run
 * during synth, after every construct exists) and synthesizes. With findings left, synth throws
 * a report naming each rule and construct path; returns that report, or '' when there is none.
 */
function nagReport(app: App): string {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  try {
    app.synth();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Every acknowledgement in a construct tree: rule id and reason. */
function acknowledgementsOf(root: IConstruct): { id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          id,
          reason,
        })),
      ),
  );
}

const COMBINATIONS: [string, EnvironmentOptions][] = [
  ['the defaults', {}],
  [
    'a production tenant with WAF (us-east-1 stack), NAT and alarm mail',
    {
      stageName: 'production-single-tenant',
      inputs: {
        tenancy: 'single',
        tenant: 'acme',
        waf: true,
        network: 'nat',
        alarmEmail: 'ops@example.com',
        domain: 'shop.example.com',
      },
      subgraphFunctions: { users: 'users-fn' },
    },
  ],
  [
    'a disposable preview in an isolated VPC without dashboard or alarms',
    {
      stageName: 'preview-pr-7',
      production: false,
      inputs: { retainData: false, network: 'isolated', dashboard: false, alarms: false },
    },
  ],
  ['an environment in us-east-1 with WAF', { region: 'us-east-1', inputs: { waf: true } }],
  [
    'a colocated environment (the subgraphs inside the router)',
    {
      inputs: { subgraphTopology: 'colocated' },
      colocatedSubgraphs: {
        // Any file: these tests skip bundling.
        entry: FUNCTION_ENTRIES.router,
        subgraphs: [{ name: 'reviews', readsFrom: ['products'] }],
      },
    },
  ],
];

describe('cdk-nag: AwsSolutions and Serverless rule packs', () => {
  it('reports a finding nobody acknowledged, so a clean run means something', () => {
    // Prepare: a queue without TLS enforcement or a DLQ.
    const app = new App({ builtinCloudFormationValidation: false });
    new Queue(
      new Stack(app, 'Control', { env: { account: '111111111111', region: 'eu-west-1' } }),
      'Q',
    );

    // Act
    const report = nagReport(app);

    // Assess
    expect(report).toContain('AwsSolutions-SQS4');
    expect(report).toContain('Serverless-SQSRedrivePolicy');
  });

  it.each(COMBINATIONS)('finds nothing unacknowledged in %s', (_name, options) => {
    // Prepare
    const { app } = buildEnvironment(options);

    // Act
    const report = nagReport(app);

    // Assess
    expect(report).toBe('');
  });

  it('gives every acknowledgement a written reason', () => {
    // Prepare
    const { app } = buildEnvironment(COMBINATIONS[1]![1]);

    // Act
    const acknowledgements = acknowledgementsOf(app);

    // Assess
    expect(acknowledgements.length).toBeGreaterThan(10);
    for (const { id, reason } of acknowledgements) {
      expect({ id, words: reason.split(/\s+/).length >= 8 }).toEqual({ id, words: true });
    }
  });
});
