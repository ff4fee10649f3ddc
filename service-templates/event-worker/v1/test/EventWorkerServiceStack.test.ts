import { describe, expect, it } from '@jest/globals';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import {
  EventWorkerServiceStack,
  queueVisibilityTimeout,
  workerFunctionName,
  workerParameters,
  type EventWorkerServiceInputs,
} from '../infrastructure/index.js';

const ENTRY = fileURLToPath(new URL('./fixtures/handler.ts', import.meta.url));

const DEFAULTS: EventWorkerServiceInputs = {
  owner: 'team-mail',
  memorySize: 512,
  timeout: 30,
  environment: {},
  events: [],
  queue: { batchSize: 10, maxBatchingWindowSeconds: 0, maxReceiveCount: 5 },
  alarms: false,
};

const ENVIRONMENT = {
  valueParameters: { publicSiteUrl: '/stack/integration/hosting/public-site-url' },
  tableNameParameter: '/stack/integration/table/name',
  tableArnParameter: '/stack/integration/table/arn',
  eventBusNameParameter: '/stack/integration/event-bus/name',
  eventBusArnParameter: '/stack/integration/event-bus/arn',
  alarmTopicArnParameter: '/stack/integration/alarms/topic-arn',
  logRetentionDays: 30,
  retainData: true,
  alarms: true,
};

function build(
  inputs: Partial<EventWorkerServiceInputs> = {},
  options: { environmentAlarms?: boolean; nag?: boolean } = {},
) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new EventWorkerServiceStack(app, 'Mailer', {
    serviceName: 'mailer',
    stageName: 'integration',
    inputs: { ...DEFAULTS, ...inputs },
    environment: { ...ENVIRONMENT, alarms: options.environmentAlarms ?? true },
    env: { account: '111111111111', region: 'eu-west-1' },
    entry: ENTRY,
  });
  if (options.nag) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return { app, stack };
}

interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

function statements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
        .PolicyDocument.Statement,
  );
}

const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** The logical id of the one resource of a type whose properties match. */
function logicalId(template: Template, type: string, properties: object = {}): string {
  const ids = Object.keys(template.findResources(type, { Properties: properties }));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

describe('Class: EventWorkerServiceStack', () => {
  it('names and bundles the function like every Stack function, with the worker variables', () => {
    // Act
    const template = Template.fromStack(build().stack);

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'stack-integration-mailer',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 30,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: Match.stringLikeRegexp('SsmParameterValuestackintegrationtablename') },
          EVENT_BUS_NAME: {
            Ref: Match.stringLikeRegexp('SsmParameterValuestackintegrationeventbusname'),
          },
          POWERTOOLS_SERVICE_NAME: 'mailer',
        },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('feeds the function from its encrypted queue, which hands a message to its DLQ after maxReceiveCount', () => {
    // Act
    const template = Template.fromStack(
      build({
        timeout: 60,
        queue: { batchSize: 5, maxBatchingWindowSeconds: 20, maxReceiveCount: 3 },
      }).stack,
    );

    // Assess
    const dlq = logicalId(template, 'AWS::SQS::Queue', { MessageRetentionPeriod: 1_209_600 });
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 6 * 60 + 20,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 },
    });
    const queue = logicalId(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue() });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
      BatchSize: 5,
      MaximumBatchingWindowInSeconds: 20,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets the role touch only its own keys, put only its own events and consume only its queue', () => {
    // Act
    const template = Template.fromStack(build({ events: [{ source: ['stack.users'] }] }).stack);

    // Assess
    const all = statements(template);
    const bySid = Object.fromEntries(all.map((s) => [s.Sid ?? '', s]));
    expect(bySid.OwnItems?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['mailer#*'] },
    });
    expect(bySid.PutOwnEvents).toMatchObject({
      Action: 'events:PutEvents',
      Condition: { StringEquals: { 'events:source': 'stack.mailer' } },
    });
    const dynamo = all.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toEqual([bySid.OwnItems]);
    expect(actionsOf(bySid.OwnItems ?? { Action: [], Resource: [] })).not.toContain('dynamodb:*');
    expect(JSON.stringify(bySid.OwnItems?.Resource)).not.toContain('"*"');
    const queue = logicalId(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue() });
    const sqs = all.filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(sqs).toEqual([
      expect.objectContaining({
        Action: expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']),
        Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
      }),
    ]);
  });

  it('routes each event pattern to the queue through a rule with a DLQ and a retry policy', () => {
    // Act
    const template = Template.fromStack(
      build({
        events: [
          { source: ['stack.reviews'], detailType: ['ReviewCreated'] },
          { source: ['stack.users'] },
        ],
      }).stack,
    );

    // Assess
    const queue = logicalId(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue() });
    const dlq = logicalId(template, 'AWS::SQS::Queue', { MessageRetentionPeriod: 1_209_600 });
    template.resourceCountIs('AWS::Events::Rule', 2);
    for (const pattern of [
      { source: ['stack.reviews'], 'detail-type': ['ReviewCreated'] },
      { source: ['stack.users'] },
    ]) {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: Match.anyValue(),
        EventPattern: pattern,
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [queue, 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
            RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
          }),
        ],
      });
    }
  });

  it('creates no rule when no event pattern is given: the queue takes direct sends only', () => {
    // Act
    const template = Template.fromStack(build().stack);

    // Assess
    template.resourceCountIs('AWS::Events::Rule', 0);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });

  it('publishes the queue URL and ARN as SSM parameters under the environment namespace', () => {
    // Act
    const template = Template.fromStack(build().stack);

    // Assess
    const queue = logicalId(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue() });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/stack/integration/services/mailer/queue-url',
      Type: 'String',
      Value: { Ref: queue },
    });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/stack/integration/services/mailer/queue-arn',
      Value: { 'Fn::GetAtt': [queue, 'Arn'] },
    });
    expect(workerParameters('integration', 'mailer')).toEqual({
      queueUrl: '/stack/integration/services/mailer/queue-url',
      queueArn: '/stack/integration/services/mailer/queue-arn',
    });
  });

  it('always watches its queues, adds the error alarm when asked, and none where the environment alarms nothing', () => {
    // Act
    const byDefault = Template.fromStack(build().stack);
    const asked = Template.fromStack(build({ alarms: true }).stack);
    const quietEnvironment = Template.fromStack(
      build({ alarms: true }, { environmentAlarms: false }).stack,
    );

    // Assess
    byDefault.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    quietEnvironment.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    asked.resourceCountIs('AWS::CloudWatch::Alarm', 3);
    const dlq = logicalId(asked, 'AWS::SQS::Queue', { MessageRetentionPeriod: 1_209_600 });
    const topic = [{ Ref: Match.stringLikeRegexp('SsmParameterValuestackintegrationalarms') }];
    asked.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'stack-integration-mailer-dlq-depth',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: topic,
      OKActions: topic,
    });
    asked.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'stack-integration-mailer-errors',
      MetricName: 'Errors',
      AlarmActions: topic,
    });
  });

  it('applies concurrency limits and extra variables, resolving references to the environment', () => {
    // Act
    const template = Template.fromStack(
      build({
        reservedConcurrency: 5,
        environment: {
          SENDER: 'noreply@example.com',
          APP_URL: '${environment.publicSiteUrl}/account',
        },
        queue: {
          batchSize: 10,
          maxBatchingWindowSeconds: 0,
          maxReceiveCount: 5,
          maxConcurrency: 4,
        },
      }).stack,
    );

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 5,
      Environment: {
        Variables: Match.objectLike({
          SENDER: 'noreply@example.com',
          // The environment's published value, read from its SSM parameter at deploy time.
          APP_URL: {
            'Fn::Join': [
              '',
              [
                { Ref: Match.stringLikeRegexp('SsmParameterValuestackintegrationhostingpublic') },
                '/account',
              ],
            ],
          },
        }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ScalingConfig: { MaximumConcurrency: 4 },
    });
  });

  it('passes cdk-nag (AwsSolutions, Serverless) with every option on', () => {
    // Prepare
    const { app } = build(
      {
        reservedConcurrency: 5,
        alarms: true,
        events: [{ source: ['stack.products'], detailType: ['ProductCreated'] }],
        queue: { batchSize: 2, maxBatchingWindowSeconds: 5, maxReceiveCount: 2, maxConcurrency: 2 },
      },
      { nag: true },
    );

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).not.toThrow();
  });

  it('derives the visibility timeout as six function timeouts plus the batching window', () => {
    // Act
    const seconds = [queueVisibilityTimeout(30, 0), queueVisibilityTimeout(900, 300)].map(
      (duration) => duration.toSeconds(),
    );

    // Assess
    expect(seconds).toEqual([180, 5_700]);
  });

  it('refuses a function name over Lambda limit of 64 characters', () => {
    // Act
    const long = () => workerFunctionName('production-single-tenant-acme', 'a'.repeat(40));

    // Assess
    expect(long).toThrow(
      /^event-worker@1: the function name .* is 76 characters, Lambda allows 64/,
    );
  });

  it('refuses a reference to a value the environment does not publish', () => {
    // Act
    const invalid = () => build({ environment: { ADMIN_URL: '${environment.internalSiteUrl}' } });

    // Assess
    expect(invalid).toThrow(
      'event-worker@1: service mailer in integration: ADMIN_URL refers to ${environment.internalSiteUrl}, which the environment does not publish',
    );
  });

  it('refuses a service name that cannot prefix keys and event sources', () => {
    // Act
    const invalid = () =>
      new EventWorkerServiceStack(new App(), 'Bad', {
        serviceName: 'Mailer',
        stageName: 'integration',
        inputs: DEFAULTS,
        environment: ENVIRONMENT,
        env: { account: '111111111111', region: 'eu-west-1' },
        entry: ENTRY,
      });

    // Assess
    expect(invalid).toThrow('event-worker@1: service name "Mailer" must be 2-40 lower-case');
  });
});
