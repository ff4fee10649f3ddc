import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fileURLToPath } from 'node:url';
import {
  EventWorkerServiceStack,
  queueAgeThreshold,
  queueVisibilityTimeout,
  type EventWorkerServiceInputs,
} from '../infrastructure/index.js';

// What every worker instance must have, asserted over all resources of the synthesized
// template rather than over the ones a test expects: a queue, rule or statement added later
// without a DLQ, an alarm or a tight policy fails here.

const ENTRY = fileURLToPath(new URL('./fixtures/handler.ts', import.meta.url));

const INPUTS: EventWorkerServiceInputs = {
  owner: 'team-analytics',
  memorySize: 512,
  timeout: 30,
  environment: {},
  events: [
    { source: ['stack.reviews'], detailType: ['ReviewCreated', 'ReviewDeleted'] },
    { source: ['stack.users'] },
  ],
  queue: { batchSize: 10, maxBatchingWindowSeconds: 0, maxReceiveCount: 5 },
  readsFrom: ['products'],
  alarms: false,
};

function synth(inputs: Partial<EventWorkerServiceInputs> = {}): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new EventWorkerServiceStack(app, 'Analytics', {
    serviceName: 'analytics',
    stageName: 'integration',
    inputs: { ...INPUTS, ...inputs },
    environment: {
      valueParameters: {},
      tableNameParameter: '/stack/integration/table/name',
      tableArnParameter: '/stack/integration/table/arn',
      eventBusNameParameter: '/stack/integration/event-bus/name',
      eventBusArnParameter: '/stack/integration/event-bus/arn',
      alarmTopicArnParameter: '/stack/integration/alarms/topic-arn',
      logRetentionDays: 30,
      retainData: true,
      alarms: true,
    },
    env: { account: '111111111111', region: 'eu-west-1' },
    entry: ENTRY,
  });
  return Template.fromStack(stack);
}

interface Resource {
  readonly Properties: Record<string, unknown>;
}
interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, string[]>>;
}

const resources = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as [string, Resource][];
const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
const actionsOf = (statement: Statement) => [statement.Action].flat();
function roleStatements(template: Template): Statement[] {
  return resources(template, 'AWS::IAM::Policy').flatMap(
    ([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );
}

describe('event-worker@1 hardening', () => {
  const template = synth();
  const queues = resources(template, 'AWS::SQS::Queue');
  const [mainId] = queues.find(([, queue]) => queue.Properties.RedrivePolicy) ?? [''];
  const deadLetterIds = queues
    .filter(([, queue]) => !queue.Properties.RedrivePolicy)
    .map(([id]) => id);

  it('gives every queue a dead-letter queue, or is that dead-letter queue', () => {
    // Assess
    expect(queues).toHaveLength(2);
    expect(deadLetterIds).toHaveLength(1);
    const redrive = queues.find(([id]) => id === mainId)?.[1].Properties.RedrivePolicy;
    expect(redrive).toEqual({
      deadLetterTargetArn: arnOf(deadLetterIds[0] ?? ''),
      maxReceiveCount: 5,
    });
    // The DLQ keeps messages 14 days, the SQS maximum, to inspect and redrive them.
    expect(
      queues.find(([id]) => id === deadLetterIds[0])?.[1].Properties.MessageRetentionPeriod,
    ).toBe(1_209_600);
  });

  it('watches every queue with an alarm on the topic, also with alarms: false', () => {
    // Prepare
    const alarms = resources(template, 'AWS::CloudWatch::Alarm').map(
      ([, alarm]) => alarm.Properties,
    );
    const watching = (queueId: string) =>
      alarms.filter((alarm) =>
        JSON.stringify(alarm.Dimensions).includes(
          JSON.stringify({ 'Fn::GetAtt': [queueId, 'QueueName'] }),
        ),
      );

    // Assess
    for (const [queueId] of queues) {
      const found = watching(queueId);
      expect(found).toHaveLength(1);
      expect(found[0]?.AlarmActions).toEqual([
        expect.objectContaining({ Ref: expect.any(String) }),
      ]);
      expect(found[0]?.TreatMissingData).toBe('notBreaching');
    }
    expect(watching(deadLetterIds[0] ?? '')[0]).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
    expect(watching(mainId)[0]).toMatchObject({
      MetricName: 'ApproximateAgeOfOldestMessage',
      // 6 × 30 s visibility × 5 receives + 5 minutes.
      Threshold: 1_200,
    });
    expect(queueAgeThreshold(queueVisibilityTimeout(30, 0), 5).toSeconds()).toBe(1_200);
  });

  it('gives every rule target the DLQ and an explicit retry policy', () => {
    // Prepare
    const targets = resources(template, 'AWS::Events::Rule').flatMap(
      ([, rule]) => rule.Properties.Targets as Record<string, unknown>[],
    );

    // Assess
    expect(targets).toHaveLength(2);
    for (const target of targets) {
      expect(target).toMatchObject({
        Arn: arnOf(mainId),
        DeadLetterConfig: { Arn: arnOf(deadLetterIds[0] ?? '') },
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
      });
    }
  });

  it('lets the role consume only its own queue and send to none', () => {
    // Prepare
    const sqs = roleStatements(template).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('sqs:')),
    );

    // Assess
    expect(sqs).toHaveLength(1);
    expect(sqs[0]?.Resource).toEqual(arnOf(mainId));
    expect(new Set(actionsOf(sqs[0] as Statement))).toEqual(
      new Set([
        'sqs:ReceiveMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:GetQueueUrl',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
      ]),
    );
  });

  it('lets the role write only items under its own key prefix, read others only by key', () => {
    // Prepare
    const writes = [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ];
    const dynamo = roleStatements(template).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );
    const prefixOf = (statement: Statement) =>
      statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];

    // Assess
    expect(dynamo.map((statement) => [statement.Effect, prefixOf(statement)])).toEqual([
      ['Allow', ['analytics#*']],
      ['Allow', ['products#*']],
    ]);
    for (const statement of dynamo) {
      const writing = actionsOf(statement).filter((action) => writes.includes(action));
      expect(writing).toEqual(prefixOf(statement)?.[0] === 'analytics#*' ? writes : []);
      expect(actionsOf(statement)).not.toContain('dynamodb:*');
      expect(actionsOf(statement)).not.toContain('dynamodb:Scan');
    }
  });
});

describe('Function: queueAgeThreshold', () => {
  it('allows the retries to the DLQ plus 5 minutes, in whole minutes', () => {
    expect(queueAgeThreshold(queueVisibilityTimeout(30, 0), 5).toSeconds()).toBe(1_200);
    // 6 × 7 s + 5 s = 47 s visibility, × 3 = 141 s, + 300 s = 441 s → 8 minutes.
    expect(queueAgeThreshold(queueVisibilityTimeout(7, 5), 3).toMinutes()).toBe(8);
  });
});
