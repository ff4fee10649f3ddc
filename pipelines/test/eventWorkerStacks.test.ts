import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CloudAssembly, CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/buildApp.js';
import { defaultServiceTemplatesRoot, defaultTemplatesRoot, repoRoot } from '../src/paths.js';
import { loadEnvironmentSpecs } from '../src/specs/loadEnvironmentSpecs.js';
import { loadServiceSpecs } from '../src/specs/loadServiceSpecs.js';
import { SpecError } from '../src/specs/SpecError.js';
import { SKIP_BUNDLING } from './support/runSynthScript.js';
import { serviceYaml, tempServices, type TempServices } from './support/tempServices.js';
import { specYaml, tempSpecs, type TempSpecs } from './support/tempSpecs.js';

// One synthesis of a stage with cdk-nag and the CloudFormation schema check.
jest.setTimeout(180_000);

const STAGE = 'integration';

interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

function resourcesOf(stack: CloudFormationStackArtifact): Record<string, Resource> {
  return (stack.template as { Resources: Record<string, Resource> }).Resources;
}

function resources(stack: CloudFormationStackArtifact, type: string): Resource[] {
  return Object.values(resourcesOf(stack)).filter((resource) => resource.Type === type);
}

function statements(stack: CloudFormationStackArtifact): Statement[] {
  return resources(stack, 'AWS::IAM::Policy').flatMap(
    (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );
}

function actions(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** The logical ids of the worker's queue and of its dead-letter queue. */
function queues(stack: CloudFormationStackArtifact): { queue: string; dlq: string } {
  const entries = Object.entries(resourcesOf(stack)).filter(
    ([, resource]) => resource.Type === 'AWS::SQS::Queue',
  );
  const queue = entries.find(([, resource]) => resource.Properties.RedrivePolicy !== undefined);
  const dlq = entries.find(([, resource]) => resource.Properties.RedrivePolicy === undefined);
  expect(entries).toHaveLength(2);
  return { queue: queue?.[0] ?? '', dlq: dlq?.[0] ?? '' };
}

/**
 * A services folder with a subgraph and two workers, each worker with a handler file. It lies
 * under the repository's node_modules/.cache (ignored by git, lint and tests) because esbuild
 * bundles only entries under the project root, even when bundling is skipped.
 */
function writeServices(): string {
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'stack-worker-services-'));
  const write = (service: string, text: string) => {
    mkdirSync(join(dir, service, 'src'), { recursive: true });
    writeFileSync(join(dir, service, 'service.yaml'), text);
    writeFileSync(
      join(dir, service, 'src', 'handler.ts'),
      'export const handler = async () => ({ batchItemFailures: [] });\n',
    );
  };
  // The subgraph's handler is the repository's (its template resolves it from the repo root).
  write('users', serviceYaml(['owner: team-users']));
  write(
    'mailer',
    serviceYaml(
      [
        'owner: team-mail',
        'timeout: 60',
        'events:',
        '  - source: [stack.users]',
        '    detailType: [UserCreated]',
        '  - source: [stack.reviews]',
        'queue: { maxReceiveCount: 3 }',
      ],
      { template: 'event-worker@1' },
    ),
  );
  write('pager', serviceYaml(['owner: team-ops', 'alarms: true'], { template: 'event-worker@1' }));
  return dir;
}

describe('Synth: event-worker@1 service stacks', () => {
  let specs: TempSpecs;
  let servicesRoot: string;
  let outdir: string;
  let assembly: CloudAssembly;
  beforeAll(() => {
    specs = tempSpecs();
    specs.write(`${STAGE}.yaml`, specYaml(['domain: integration.example.com']));
    servicesRoot = writeServices();
    outdir = mkdtempSync(join(tmpdir(), 'stack-worker-app-'));
    assembly = buildApp({
      specsDir: specs.dir,
      servicesRoot,
      outdir,
      context: SKIP_BUNDLING,
    }).synth();
  });
  afterAll(() => {
    specs.remove();
    rmSync(servicesRoot, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  });

  const stackOf = (id: string): CloudFormationStackArtifact => {
    const stage = assembly.nestedAssemblies.find((n) => n.displayName === STAGE);
    const stack = stage?.nestedAssembly.stacks.find((s) => s.hierarchicalId === `${STAGE}/${id}`);
    if (!stack) throw new Error(`no stack ${STAGE}/${id}`);
    return stack;
  };

  it('gives the queue a dead-letter queue after maxReceiveCount receives, kept 14 days', () => {
    // Act
    const mailer = stackOf('Service-mailer');
    const { queue, dlq } = queues(mailer);

    // Assess
    expect(resourcesOf(mailer)[queue]?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 360,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 },
    });
    expect(resourcesOf(mailer)[dlq]?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    const { queue: pagerQueue } = queues(stackOf('Service-pager'));
    expect(resourcesOf(stackOf('Service-pager'))[pagerQueue]?.Properties).toMatchObject({
      RedrivePolicy: { maxReceiveCount: 5 },
    });
  });

  it('maps the queue to the function with batch item failures reported', () => {
    // Act
    const mailer = stackOf('Service-mailer');
    const mappings = resources(mailer, 'AWS::Lambda::EventSourceMapping');

    // Assess
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queues(mailer).queue, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
    expect(resources(mailer, 'AWS::Lambda::Function')[0]?.Properties.FunctionName).toBe(
      'stack-integration-mailer',
    );
  });

  it('routes each event pattern through a rule whose target has a DLQ and a retry policy', () => {
    // Act
    const mailer = stackOf('Service-mailer');
    const rules = resources(mailer, 'AWS::Events::Rule');
    const { queue, dlq } = queues(mailer);

    // Assess
    expect(rules.map((rule) => rule.Properties.EventPattern)).toEqual([
      { source: ['stack.users'], 'detail-type': ['UserCreated'] },
      { source: ['stack.reviews'] },
    ]);
    for (const rule of rules) {
      expect(rule.Properties.Targets).toEqual([
        expect.objectContaining({
          Arn: { 'Fn::GetAtt': [queue, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
        }),
      ]);
    }
    expect(resources(stackOf('Service-pager'), 'AWS::Events::Rule')).toEqual([]);
  });

  it.each(['mailer', 'pager'])(
    '%s: touches only its own keys, puts only its own events, no dynamodb:* and no Resource *',
    (service) => {
      // Act
      const all = statements(stackOf(`Service-${service}`));
      const dynamo = all.filter((s) => actions(s).some((a) => a.startsWith('dynamodb:')));
      const events = all.filter((s) => actions(s).some((a) => a.startsWith('events:')));

      // Assess
      expect(dynamo.map((s) => s.Sid)).toEqual(['OwnItems']);
      expect(dynamo[0]?.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${service}#*`] },
      });
      expect(actions(dynamo[0] ?? { Action: [], Resource: [] })).not.toContain('dynamodb:*');
      expect(dynamo[0]?.Resource).not.toBe('*');
      expect(JSON.stringify(dynamo[0]?.Resource)).not.toContain('"*"');
      expect(events).toEqual([
        expect.objectContaining({
          Action: 'events:PutEvents',
          Condition: { StringEquals: { 'events:source': `stack.${service}` } },
        }),
      ]);
    },
  );

  it('watches every worker queue, and adds the error alarm with alarms: true', () => {
    // Act
    const quiet = resources(stackOf('Service-mailer'), 'AWS::CloudWatch::Alarm');
    const loud = resources(stackOf('Service-pager'), 'AWS::CloudWatch::Alarm');

    // Assess
    expect(quiet.map((alarm) => [alarm.Properties.AlarmName, alarm.Properties.MetricName])).toEqual(
      [
        ['stack-integration-mailer-dlq-depth', 'ApproximateNumberOfMessagesVisible'],
        ['stack-integration-mailer-queue-age', 'ApproximateAgeOfOldestMessage'],
      ],
    );
    expect(loud.map((alarm) => [alarm.Properties.AlarmName, alarm.Properties.MetricName])).toEqual([
      ['stack-integration-pager-dlq-depth', 'ApproximateNumberOfMessagesVisible'],
      ['stack-integration-pager-queue-age', 'ApproximateAgeOfOldestMessage'],
      ['stack-integration-pager-errors', 'Errors'],
    ]);
    for (const alarm of loud) {
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain('alarmstopicarn');
    }
  });

  it('publishes the queue URL and ARN as SSM parameters for direct senders', () => {
    // Act
    const names = resources(stackOf('Service-mailer'), 'AWS::SSM::Parameter').map(
      (parameter) => parameter.Properties.Name,
    );

    // Assess
    expect(names).toEqual([
      '/stack/integration/services/mailer/queue-url',
      '/stack/integration/services/mailer/queue-arn',
    ]);
  });

  it('keeps workers off the router, which lists and may invoke subgraphs only', () => {
    // Act
    const environment = stackOf('Environment');
    const router = resources(environment, 'AWS::Lambda::Function').find((fn) =>
      JSON.stringify(fn.Properties.Environment ?? {}).includes('SUBGRAPH_FUNCTIONS'),
    );
    const variables = (router?.Properties.Environment as { Variables: Record<string, string> })
      .Variables;

    // Assess
    expect(JSON.parse(variables.SUBGRAPH_FUNCTIONS ?? '{}')).toEqual({
      users: 'stack-integration-users',
    });
    expect(JSON.stringify(statements(environment))).not.toContain('stack-integration-mailer');
    for (const worker of ['mailer', 'pager']) {
      expect(resources(stackOf(`Service-${worker}`), 'AWS::Lambda::Permission')).toEqual([]);
      expect(stackOf(`Service-${worker}`).dependencies.map((d) => d.id)).toContain(environment.id);
    }
  });
});

describe('Specs: event-worker@1 service specs', () => {
  let specs: TempSpecs | undefined;
  let services: TempServices | undefined;
  afterEach(() => {
    specs?.remove();
    services?.remove();
    specs = undefined;
    services = undefined;
  });

  function load(): () => unknown {
    specs = tempSpecs();
    specs.write(`${STAGE}.yaml`, specYaml([]));
    const environments = loadEnvironmentSpecs(specs.dir, defaultTemplatesRoot);
    const dir = services?.dir ?? '';
    return () => loadServiceSpecs(dir, defaultServiceTemplatesRoot, environments);
  }

  function problemsOf(run: () => unknown): string[] {
    try {
      run();
    } catch (error) {
      if (error instanceof SpecError) return error.message.split('\n');
      throw error;
    }
    throw new Error('expected a SpecError');
  }

  it('fills in every default of a minimal spec', () => {
    // Prepare
    services = tempServices();
    services.write('mailer', serviceYaml(['owner: team-mail'], { template: 'event-worker@1' }));

    // Act
    const [mailer] = load()() as { inputs: unknown }[];

    // Assess
    expect(mailer?.inputs).toEqual({
      owner: 'team-mail',
      memorySize: 512,
      timeout: 30,
      environment: {},
      events: [],
      queue: { batchSize: 10, maxBatchingWindowSeconds: 0, maxReceiveCount: 5 },
      alarms: false,
    });
  });

  it('refuses an unknown input and a wrong type with file, path and reason', () => {
    // Prepare
    services = tempServices();
    const file = services.write(
      'mailer',
      serviceYaml(
        ['owner: team-mail', 'alarm: true', 'queue:', '  batchSize: many', '  maxRecieveCount: 2'],
        { template: 'event-worker@1' },
      ),
    );

    // Act
    const lines = problemsOf(load());

    // Assess
    expect(lines[0]).toBe('invalid service specs (3 problems):');
    expect(lines).toEqual(
      expect.arrayContaining([
        `  ${file}:5:3 /spec/alarm: unknown input "alarm" (did you mean "alarms"?)`,
        expect.stringMatching(
          new RegExp(`^  ${file}:7:16 /spec/queue/batchSize: must be integer, got "many"`),
        ),
        expect.stringMatching(
          new RegExp(`^  ${file}:8:5 /spec/queue/maxRecieveCount: unknown input "maxRecieveCount"`),
        ),
      ]),
    );
  });

  it('refuses a batch size above 10 and an event source outside stack.<service>', () => {
    // Prepare
    services = tempServices();
    const file = services.write(
      'mailer',
      serviceYaml(
        ['owner: team-mail', 'queue: { batchSize: 50 }', 'events:', '  - source: [aws.s3]'],
        { template: 'event-worker@1' },
      ),
    );

    // Act
    const text = problemsOf(load()).join('\n');

    // Assess
    expect(text).toContain(`${file}:5:23 /spec/queue/batchSize: must be <= 10, got 50`);
    expect(text).toMatch(
      new RegExp(`${file}:7:\\d+ /spec/events/0/source/0: "aws\\.s3" is not valid here`),
    );
  });

  it('accepts the spec the skeleton renders', () => {
    // Prepare
    services = tempServices();
    const skeleton = readFileSync(
      join(defaultServiceTemplatesRoot, 'event-worker', 'v1', 'skeleton', 'service.yaml.tmpl'),
      'utf8',
    );
    services.write(
      'mailer',
      skeleton.replaceAll('__name__', 'mailer').replaceAll('__owner__', 'team-mail'),
    );

    // Act
    const [mailer] = load()() as { template: unknown; inputs: { owner: string } }[];

    // Assess
    expect(mailer?.template).toEqual({ name: 'event-worker', major: 1 });
    expect(mailer?.inputs.owner).toBe('team-mail');
  });
});
