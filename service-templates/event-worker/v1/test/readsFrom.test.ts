import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fileURLToPath } from 'node:url';
import { EventWorkerServiceStack, type EventWorkerServiceInputs } from '../infrastructure/index.js';

const ENTRY = fileURLToPath(new URL('./fixtures/handler.ts', import.meta.url));

const INPUTS: EventWorkerServiceInputs = {
  owner: 'team-mail',
  memorySize: 512,
  timeout: 30,
  environment: {},
  events: [],
  queue: { batchSize: 10, maxBatchingWindowSeconds: 0, maxReceiveCount: 5 },
  alarms: false,
};

interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Condition?: unknown;
}

function statements(readsFrom?: readonly string[]): Statement[] {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new EventWorkerServiceStack(app, 'Mailer', {
    serviceName: 'mailer',
    stageName: 'integration',
    inputs: { ...INPUTS, ...(readsFrom && { readsFrom }) },
    environment: {
      valueParameters: {},
      tableNameParameter: '/stack/integration/table/name',
      tableArnParameter: '/stack/integration/table/arn',
      eventBusNameParameter: '/stack/integration/event-bus/name',
      eventBusArnParameter: '/stack/integration/event-bus/arn',
      alarmTopicArnParameter: '/stack/integration/alarms/topic-arn',
      logRetentionDays: 30,
      retainData: true,
      alarms: false,
    },
    env: { account: '111111111111', region: 'eu-west-1' },
    entry: ENTRY,
  });
  return Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
        .PolicyDocument.Statement,
  );
}

describe('Input: readsFrom (event-worker@1)', () => {
  it("lets the worker read other services' items by key and nothing more", () => {
    const bySid: Record<string, Statement | undefined> = Object.fromEntries(
      statements(['products', 'users']).map((s) => [s.Sid ?? '', s]),
    );
    expect(bySid.ReadItemsOfProducts).toMatchObject({
      Action: ['dynamodb:GetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:BatchGetItem'],
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['products#*'] } },
    });
    expect(bySid.ReadItemsOfUsers).toMatchObject({
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['users#*'] } },
    });
  });

  it('grants no reads of other services without it', () => {
    expect(statements().some((s) => (s.Sid ?? '').startsWith('ReadItemsOf'))).toBe(false);
  });
});
