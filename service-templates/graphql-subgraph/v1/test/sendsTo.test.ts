import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SubgraphServiceStack, type SubgraphServiceInputs } from '../infrastructure/index.js';

const INPUTS: SubgraphServiceInputs = {
  owner: 'team-reviews',
  memorySize: 512,
  timeout: 10,
  provisionedConcurrency: 0,
  environment: {},
  subscriptions: [],
  readsFrom: [],
  alarms: false,
};

function synth(sendsTo?: readonly string[]) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new SubgraphServiceStack(app, 'Reviews', {
    serviceName: 'reviews',
    stageName: 'integration',
    inputs: { ...INPUTS, ...(sendsTo && { sendsTo }) },
    environment: {
      valueParameters: {},
      tableNameParameter: '/stack/integration/table/name',
      tableArnParameter: '/stack/integration/table/arn',
      eventBusArnParameter: '/stack/integration/event-bus/arn',
      alarmTopicArnParameter: '/stack/integration/alarms/topic-arn',
      routerRoleArnParameter: '/stack/integration/router/role-arn',
      routerSecretParameterName: '/stack/integration/router/shared-secret',
      logRetentionDays: 30,
      retainData: true,
      alarms: false,
    },
    env: { account: '111111111111', region: 'eu-west-1' },
  });
  return Template.fromStack(stack);
}

interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

function statements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
        .PolicyDocument.Statement,
  );
}

describe('Input: sendsTo (graphql-subgraph@1)', () => {
  it("sets QUEUE_URL_<WORKER> from the worker's published parameter and grants SendMessage on its queue only", () => {
    const template = synth(['notifications']);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          QUEUE_URL_NOTIFICATIONS: {
            Ref: Match.stringLikeRegexp(
              'SsmParameterValuestackintegrationservicesnotificationsqueueurl',
            ),
          },
        }),
      },
    });
    const send = statements(template).find((s) => s.Sid === 'SendToWorkerQueues');
    expect(send?.Action).toBe('sqs:SendMessage');
    expect(JSON.stringify(send?.Resource)).toMatch(
      /SsmParameterValuestackintegrationservicesnotificationsqueuearn/,
    );
    // No other statement grants any SQS action.
    const sqs = statements(template).filter((s) => JSON.stringify(s.Action).includes('sqs:'));
    expect(sqs).toHaveLength(1);
  });

  it('adds neither variable nor permission without sendsTo', () => {
    const template = synth();
    expect(statements(template).some((s) => JSON.stringify(s.Action).includes('sqs:'))).toBe(false);
    const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0] as {
      Properties: { Environment: { Variables: Record<string, unknown> } };
    };
    expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain(
      'QUEUE_URL_NOTIFICATIONS',
    );
  });
});
