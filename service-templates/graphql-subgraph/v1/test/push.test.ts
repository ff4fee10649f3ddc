import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  SubgraphServiceStack,
  type PushPlatformApplications,
  type SubgraphServiceInputs,
} from '../infrastructure/index.js';

const FCM = 'arn:aws:sns:eu-west-1:111111111111:app/GCM/stack-app';

function synth(push: boolean, pushPlatformApplications?: PushPlatformApplications) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const inputs: SubgraphServiceInputs = {
    owner: 'team-users',
    memorySize: 512,
    timeout: 10,
    provisionedConcurrency: 0,
    environment: {},
    subscriptions: [],
    readsFrom: [],
    alarms: false,
    push,
  };
  const stack = new SubgraphServiceStack(app, 'Users', {
    serviceName: 'users',
    stageName: 'integration',
    inputs,
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
      ...(pushPlatformApplications && { pushPlatformApplications }),
    },
    env: { account: '111111111111', region: 'eu-west-1' },
  });
  return Template.fromStack(stack);
}

function snsStatements(template: Template) {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: { Action: unknown }[] } } })
          .Properties.PolicyDocument.Statement,
    )
    .filter((statement) => JSON.stringify(statement.Action).includes('sns:'));
}

describe('Input: push (graphql-subgraph@1)', () => {
  it("passes the environment's platform applications and allows endpoints of those only", () => {
    const template = synth(true, { fcm: FCM });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ PUSH_PLATFORM_APPLICATION_FCM: FCM }),
      },
    });
    expect(snsStatements(template)).toEqual([
      expect.objectContaining({ Action: 'sns:CreatePlatformEndpoint', Resource: FCM }),
      expect.objectContaining({
        Action: 'sns:DeleteEndpoint',
        Resource: 'arn:aws:sns:eu-west-1:111111111111:endpoint/GCM/stack-app/*',
      }),
    ]);
  });

  it('adds nothing when the environment has no push platforms or the service does not ask', () => {
    for (const template of [synth(true), synth(false, { fcm: FCM })]) {
      expect(snsStatements(template)).toEqual([]);
      const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0] as {
        Properties: { Environment: { Variables: Record<string, unknown> } };
      };
      expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain(
        'PUSH_PLATFORM_APPLICATION_FCM',
      );
    }
  });
});
